/**
 * The settlement (bilan) of one distribution: per producer, what was sold,
 * the VAT in it, the relay's commission and service fee, and what the
 * producer is owed — from the active orders' lines, with the rounding rule
 * of fees.ts applied once per producer total.
 *
 * A line flagged missing at pickup is refunded to the member: it is not a
 * sale, so it is left out of the producer's gross sales (and so of the fees
 * and of what the producer is owed), and reported apart as `missingCents`
 * so the organiser sees what was refunded.
 */
import type { Order } from '../model/order';
import { isActive, lineTotal } from '../orders/totals';
import { compareText } from '../text/normalise';
import { settle, type FeeRates, type ProducerSettlement, type VatShare } from './fees';

export interface SettlementProductLine {
  productId: string;
  productName: string;
  quantity: number;
  grossCents: number;
}

export interface ProducerSettlementRow extends ProducerSettlement {
  producerId: string;
  producerName: string;
  /** What was sold (missing lines left out). */
  products: SettlementProductLine[];
  /** Refunded to members: the producer's lines found missing at pickup, not in `grossCents`. */
  missingCents: number;
}

export interface DistributionSettlement {
  rates: FeeRates;
  producers: ProducerSettlementRow[];
  totals: Omit<ProducerSettlement, 'vat'> & { vat: VatShare[]; missingCents: number };
}

export function settleDistribution(
  orders: Iterable<Pick<Order, 'lines' | 'cancelledAt'>>,
  producerOf: (productId: string) => { id: string; name: string },
  rates: FeeRates,
): DistributionSettlement {
  const byProducer = new Map<string, { name: string; lines: Order['lines'] }>();
  for (const order of orders) {
    if (!isActive(order)) continue;
    for (const line of order.lines) {
      const producer = producerOf(line.productId);
      const entry = byProducer.get(producer.id) ?? { name: producer.name, lines: [] };
      entry.lines.push(line);
      byProducer.set(producer.id, entry);
    }
  }
  const producers = [...byProducer.entries()]
    .map(([producerId, { name, lines: all }]): ProducerSettlementRow => {
      const lines = all.filter((line) => !line.missing);
      const products = new Map<string, SettlementProductLine>();
      for (const line of lines) {
        const product = products.get(line.productId) ?? { productId: line.productId, productName: line.productName, quantity: 0, grossCents: 0 };
        product.quantity += line.quantity;
        product.grossCents += lineTotal(line);
        products.set(line.productId, product);
      }
      return {
        producerId,
        producerName: name,
        products: [...products.values()].sort((a, b) => compareText(a.productName, b.productName)),
        ...settle(lines, rates),
        missingCents: all.filter((line) => line.missing).reduce((total, line) => total + lineTotal(line), 0),
      };
    })
    .sort((a, b) => compareText(a.producerName, b.producerName));

  const vatByRate = new Map<number, VatShare>();
  for (const share of producers.flatMap((producer) => producer.vat)) {
    const sum = vatByRate.get(share.vatRateBp) ?? { vatRateBp: share.vatRateBp, grossCents: 0, netCents: 0, vatCents: 0 };
    sum.grossCents += share.grossCents;
    sum.netCents += share.netCents;
    sum.vatCents += share.vatCents;
    vatByRate.set(share.vatRateBp, sum);
  }
  const sum = (pick: (row: ProducerSettlementRow) => number) => producers.reduce((total, row) => total + pick(row), 0);
  return {
    rates,
    producers,
    totals: {
      grossCents: sum((row) => row.grossCents),
      hostCommissionCents: sum((row) => row.hostCommissionCents),
      serviceFeeCents: sum((row) => row.serviceFeeCents),
      owedCents: sum((row) => row.owedCents),
      missingCents: sum((row) => row.missingCents),
      vat: [...vatByRate.values()].sort((a, b) => a.vatRateBp - b.vatRateBp),
    },
  };
}

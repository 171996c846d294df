import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderLine } from '../model/order';
import { parseCsv } from '../csv/parse';
import { writeCsv } from '../csv/write';
import { settlementRows } from './csv';
import { settleDistribution } from './distribution';

const rates = { hostCommissionBp: 835, serviceFeeBp: 1165 };
const producers: Record<string, { id: string; name: string }> = {
  carottes: { id: 'bois', name: 'Ferme du Bois' },
  poireaux: { id: 'bois', name: 'Ferme du Bois' },
  pain: { id: 'martin', name: 'Boulangerie Martin' },
};
const line = (productId: string, quantity: number, unitPriceCents: number, vatRateBp = 600): OrderLine => ({
  id: `${productId}-${quantity}`,
  productId,
  productName: productId,
  quantity,
  unitPriceCents,
  vatRateBp,
  addedAt: '2026-03-04T10:00:00.000Z',
  missing: null,
  pieceGrams: null,
  weighedGrams: null,
});
const missing = (orderLine: OrderLine): OrderLine => ({ ...orderLine, missing: { note: 'oublié à la ferme', at: '2026-03-06T17:10:00.000Z' } });

describe('settlement of a distribution', () => {
  it('groups by producer, leaves cancelled orders out, and the CSV carries the amounts', () => {
    const settlement = settleDistribution(
      [
        { cancelledAt: null, lines: [line('carottes', 2, 250), line('pain', 1, 380)] },
        { cancelledAt: null, lines: [line('carottes', 1, 250), line('poireaux', 3, 180)] },
        { cancelledAt: '2026-03-04T11:00:00.000Z', lines: [line('pain', 10, 380)] },
      ],
      (productId) => producers[productId]!,
      rates,
    );
    expect(settlement.producers.map((row) => [row.producerName, row.grossCents, row.hostCommissionCents, row.serviceFeeCents, row.owedCents])).toEqual([
      ['Boulangerie Martin', 380, 32, 44, 304], // 31.73 → 32; 44.27 → 44
      ['Ferme du Bois', 1290, 108, 150, 1032], // 107.715 → 108; 150.285 → 150
    ]);
    expect(settlement.producers[1]!.products).toEqual([
      { productId: 'carottes', productName: 'carottes', quantity: 3, grossCents: 750 },
      { productId: 'poireaux', productName: 'poireaux', quantity: 3, grossCents: 540 },
    ]);
    expect(settlement.totals).toMatchObject({ grossCents: 1670, hostCommissionCents: 140, serviceFeeCents: 194, owedCents: 1336, missingCents: 0 });

    const table = parseCsv(new TextEncoder().encode(writeCsv(settlementRows(settlement, 'fr'))));
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['Boulangerie Martin', '3,80', '0,22', '0,32', '0,44', '3,04', '0,00'],
      ['Ferme du Bois', '12,90', '0,73', '1,08', '1,50', '10,32', '0,00'],
      ['TOTAL', '16,70', '0,95', '1,40', '1,94', '13,36', '0,00'],
    ]);
  });

  it('leaves a line found missing at pickup out of the sales, and reports it as refunded per producer', () => {
    const settlement = settleDistribution(
      [
        { cancelledAt: null, lines: [line('carottes', 2, 250), missing(line('pain', 1, 380))] },
        { cancelledAt: null, lines: [missing(line('carottes', 1, 250)), line('poireaux', 3, 180)] },
      ],
      (productId) => producers[productId]!,
      rates,
    );
    expect(settlement.producers.map((row) => [row.producerName, row.grossCents, row.owedCents, row.missingCents])).toEqual([
      // Nothing sold, but the refund shows.
      ['Boulangerie Martin', 0, 0, 380],
      ['Ferme du Bois', 1040, 832, 250], // 500 + 540; commission 86.84 → 87, fee 121.16 → 121
    ]);
    expect(settlement.producers[1]!.products).toEqual([
      { productId: 'carottes', productName: 'carottes', quantity: 2, grossCents: 500 },
      { productId: 'poireaux', productName: 'poireaux', quantity: 3, grossCents: 540 },
    ]);
    expect(settlement.totals).toMatchObject({ grossCents: 1040, missingCents: 630 });
  });

  it('for any orders, producer totals add up to gross sales and each producer’s parts to its gross', () => {
    const arbitraryLine = fc.record({
      productId: fc.constantFrom('carottes', 'poireaux', 'pain'),
      quantity: fc.integer({ min: 1, max: 20 }),
      unitPriceCents: fc.integer({ min: 0, max: 5_000 }),
      vatRateBp: fc.constantFrom(0, 600, 2100),
      missing: fc.boolean(),
    });
    const order = fc.record({
      cancelledAt: fc.option(fc.constant('2026-03-04T11:00:00.000Z'), { nil: null }),
      lines: fc.array(
        arbitraryLine.map((l) => (l.missing ? missing : (same: OrderLine) => same)(line(l.productId, l.quantity, l.unitPriceCents, l.vatRateBp))),
        { maxLength: 8 },
      ),
    });
    fc.assert(
      fc.property(fc.array(order, { maxLength: 20 }), (orders) => {
        const settlement = settleDistribution(orders, (productId) => producers[productId]!, rates);
        const lines = orders.filter((o) => o.cancelledAt === null).flatMap((o) => o.lines);
        const gross = lines.filter((l) => !l.missing).reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
        const refunded = lines.filter((l) => l.missing).reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
        expect(settlement.totals.grossCents).toBe(gross);
        expect(settlement.totals.missingCents).toBe(refunded);
        expect(settlement.totals.hostCommissionCents + settlement.totals.serviceFeeCents + settlement.totals.owedCents).toBe(gross);
        for (const row of settlement.producers) {
          expect(row.products.reduce((sum, product) => sum + product.grossCents, 0)).toBe(row.grossCents);
        }
      }),
    );
  });
});

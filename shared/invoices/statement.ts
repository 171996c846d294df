/**
 * A producer's statement for a month or one distribution (issue 15): what was sold,
 * product by product, the VAT in it per rate, the relay's commission and fee, the VAT
 * on them when the relay charges it, and what the producer is owed.
 *
 * Built from each distribution's own settlement (shared/settlement/distribution.ts), so
 * line totals, missing lines and the rates frozen at closing are exactly the bilan's: the
 * commission and fee of a month are the sums of its distributions', each rounded once on
 * its producer total. The VAT on the relay's fees is rounded once, on the period's fees.
 */
import type { StatementFigures } from '../model/invoice';
import type { DistributionSettlement, SettlementProductLine } from '../settlement/distribution';
import { percentOf, type VatShare } from '../settlement/fees';
import { compareText } from '../text/normalise';

export interface SettledDistribution {
  distributionId: string;
  pickupDate: string;
  settlement: DistributionSettlement;
}

export function producerStatement(producerId: string, settled: readonly SettledDistribution[], feeVatBp: number): StatementFigures {
  const distributions: StatementFigures['distributions'] = [];
  const products = new Map<string, SettlementProductLine>();
  const vat = new Map<number, VatShare>();
  let missingCents = 0;
  for (const { distributionId, pickupDate, settlement } of [...settled].sort((a, b) => a.pickupDate.localeCompare(b.pickupDate))) {
    const row = settlement.producers.find((producer) => producer.producerId === producerId);
    if (!row) continue;
    distributions.push({
      distributionId,
      pickupDate,
      grossCents: row.grossCents,
      hostCommissionCents: row.hostCommissionCents,
      serviceFeeCents: row.serviceFeeCents,
      hostCommissionBp: settlement.rates.hostCommissionBp,
      serviceFeeBp: settlement.rates.serviceFeeBp,
    });
    for (const product of row.products) {
      const sum = products.get(product.productId) ?? { ...product, quantity: 0, grossCents: 0 };
      sum.quantity += product.quantity;
      sum.grossCents += product.grossCents;
      products.set(product.productId, sum);
    }
    // Each distribution's VAT per rate is added, not recomputed on the month: the statement agrees with every bilan.
    for (const share of row.vat) {
      const sum = vat.get(share.vatRateBp) ?? { vatRateBp: share.vatRateBp, grossCents: 0, netCents: 0, vatCents: 0 };
      sum.grossCents += share.grossCents;
      sum.netCents += share.netCents;
      sum.vatCents += share.vatCents;
      vat.set(share.vatRateBp, sum);
    }
    missingCents += row.missingCents;
  }
  const sum = (pick: (row: StatementFigures['distributions'][number]) => number) => distributions.reduce((total, row) => total + pick(row), 0);
  const grossCents = sum((row) => row.grossCents);
  const hostCommissionCents = sum((row) => row.hostCommissionCents);
  const serviceFeeCents = sum((row) => row.serviceFeeCents);
  const feeVatCents = percentOf(hostCommissionCents + serviceFeeCents, feeVatBp);
  return {
    distributions,
    products: [...products.values()].sort((a, b) => compareText(a.productName, b.productName)),
    vat: [...vat.values()].sort((a, b) => a.vatRateBp - b.vatRateBp),
    grossCents,
    hostCommissionCents,
    serviceFeeCents,
    feeVatBp,
    feeVatCents,
    owedCents: grossCents - hostCommissionCents - serviceFeeCents - feeVatCents,
    missingCents,
  };
}

/** A credit note's figures: the invoice's, every amount negated, so invoice + credit note add up to nothing. */
export function negated(figures: StatementFigures): StatementFigures {
  const minus = (cents: number) => (cents === 0 ? 0 : -cents);
  return {
    distributions: figures.distributions.map((row) => ({
      ...row,
      grossCents: minus(row.grossCents),
      hostCommissionCents: minus(row.hostCommissionCents),
      serviceFeeCents: minus(row.serviceFeeCents),
    })),
    products: figures.products.map((row) => ({ ...row, quantity: row.quantity === 0 ? 0 : -row.quantity, grossCents: minus(row.grossCents) })),
    vat: figures.vat.map((share) => ({ vatRateBp: share.vatRateBp, grossCents: minus(share.grossCents), netCents: minus(share.netCents), vatCents: minus(share.vatCents) })),
    grossCents: minus(figures.grossCents),
    hostCommissionCents: minus(figures.hostCommissionCents),
    serviceFeeCents: minus(figures.serviceFeeCents),
    feeVatBp: figures.feeVatBp,
    feeVatCents: minus(figures.feeVatCents),
    owedCents: minus(figures.owedCents),
    missingCents: minus(figures.missingCents),
  };
}

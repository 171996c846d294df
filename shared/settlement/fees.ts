/**
 * What each producer is owed for a distribution.
 *
 * The rounding rule, applied once per producer total and never per line:
 *   gross        = Σ line totals (orders/totals.ts: quantity × unit price, or weight × price per kg) over the producer's lines
 *   commission   = round_half_up(gross × host commission rate)
 *   service fee  = round_half_up(gross × service fee rate)
 *   owed         = gross − commission − service fee
 *   VAT of rate r = gross_r − round_half_up(gross_r × 10000 / (10000 + r)), per rate, on the rate's total
 * Rates are basis points (835 = 8.35 %). Rounding each line would drift by up
 * to half a cent per line; rounding the total keeps the sums exact.
 */

import { divideHalfUp } from '../money/half-up';
import { lineTotal, type PricedLine } from '../orders/totals';

export { divideHalfUp };

export function percentOf(cents: number, basisPoints: number): number {
  return divideHalfUp(cents * basisPoints, 10_000);
}

export interface SoldLine extends PricedLine {
  vatRateBp: number;
}

export interface VatShare {
  vatRateBp: number;
  grossCents: number;
  netCents: number;
  vatCents: number;
}

export interface ProducerSettlement {
  grossCents: number;
  vat: VatShare[];
  hostCommissionCents: number;
  serviceFeeCents: number;
  owedCents: number;
}

export interface FeeRates {
  hostCommissionBp: number;
  serviceFeeBp: number;
}

export function settle(lines: readonly SoldLine[], rates: FeeRates): ProducerSettlement {
  const byRate = new Map<number, number>();
  let grossCents = 0;
  for (const line of lines) {
    const amount = lineTotal(line);
    grossCents += amount;
    byRate.set(line.vatRateBp, (byRate.get(line.vatRateBp) ?? 0) + amount);
  }
  const vat = [...byRate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([vatRateBp, gross]) => {
      const netCents = divideHalfUp(gross * 10_000, 10_000 + vatRateBp);
      return { vatRateBp, grossCents: gross, netCents, vatCents: gross - netCents };
    });
  const hostCommissionCents = percentOf(grossCents, rates.hostCommissionBp);
  const serviceFeeCents = percentOf(grossCents, rates.serviceFeeBp);
  return { grossCents, vat, hostCommissionCents, serviceFeeCents, owedCents: grossCents - hostCommissionCents - serviceFeeCents };
}

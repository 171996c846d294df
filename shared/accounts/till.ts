/**
 * Closing the till (issue 7): the cash expected from the day's entries versus
 * the cash counted, and the day's totals per payment method.
 *
 * The entries are the day's payments and their reversals (a reversal copies
 * its payment's method, see ./ledger.ts), so a cash payment recorded by
 * mistake and reversed is not expected in the drawer. Other entries (orders,
 * refunds to the account) move no money and are ignored.
 */
import { PAYMENT_METHODS, type AccountEntry, type PaymentMethod } from './ledger';

export type MethodTotals = Record<PaymentMethod, number>;

export interface TillClosing {
  /** Opening float plus the day's net cash payments. */
  expectedCents: number;
  countedCents: number;
  /** Counted − expected: positive = more cash than expected, negative = cash missing. */
  differenceCents: number;
  byMethod: MethodTotals;
}

export function methodTotals(entries: Iterable<Pick<AccountEntry, 'kind' | 'method' | 'amountCents'>>): MethodTotals {
  const totals = Object.fromEntries(PAYMENT_METHODS.map((method) => [method, 0])) as MethodTotals;
  for (const entry of entries) {
    if ((entry.kind === 'payment' || entry.kind === 'reversal') && entry.method !== undefined) totals[entry.method] += entry.amountCents;
  }
  return totals;
}

export function closeTill(
  entries: Iterable<Pick<AccountEntry, 'kind' | 'method' | 'amountCents'>>,
  countedCents: number,
  floatCents = 0,
): TillClosing {
  for (const [name, value] of [['countedCents', countedCents], ['floatCents', floatCents]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be integer cents ≥ 0, got ${value}`);
  }
  const byMethod = methodTotals(entries);
  const expectedCents = floatCents + byMethod.cash;
  return { expectedCents, countedCents, differenceCents: countedCents - expectedCents, byMethod };
}

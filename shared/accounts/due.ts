/**
 * What the counter asks of a member collecting an order (issue 7), in integer
 * cents, with the account balance signed as in ./ledger.ts: positive = credit,
 * negative = debt.
 */

function assertCents(name: string, value: number, min = Number.MIN_SAFE_INTEGER): void {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${name} must be integer cents ≥ ${min}, got ${value}`);
}

export interface Due {
  /** To pay now: the order total less the credit used, plus any debt left from last time. */
  dueCents: number;
  /** Taken from the credit (never more than the order total). */
  creditUsedCents: number;
  /** Credit still on the account once the order is paid for. */
  creditLeftCents: number;
  /** Debt from before, included in `dueCents`. */
  previousDebtCents: number;
}

/** Credit is used first; a debt from last time is added to what is due. */
export function dueAtCounter(orderTotalCents: number, balanceCents: number): Due {
  assertCents('orderTotalCents', orderTotalCents, 0);
  assertCents('balanceCents', balanceCents);
  const credit = Math.max(balanceCents, 0);
  const creditUsedCents = Math.min(credit, orderTotalCents);
  const previousDebtCents = Math.max(-balanceCents, 0);
  return {
    dueCents: orderTotalCents - creditUsedCents + previousDebtCents,
    creditUsedCents,
    creditLeftCents: credit - creditUsedCents,
    previousDebtCents,
  };
}

export interface CashChange {
  /** To give back: never negative. */
  changeCents: number;
  /** What the relay keeps: the payment entry's amount (never the amount tendered). */
  paidCents: number;
  /** Left unpaid after a partial payment: it stays on the account as a debt and shows next time. */
  unpaidCents: number;
}

export function cashChange(dueCents: number, tenderedCents: number): CashChange {
  assertCents('dueCents', dueCents, 0);
  assertCents('tenderedCents', tenderedCents, 0);
  const paidCents = Math.min(dueCents, tenderedCents);
  return { changeCents: tenderedCents - paidCents, paidCents, unpaidCents: dueCents - paidCents };
}

export interface CounterEffect extends CashChange {
  /** Paid above what is due by card, transfer…: it stays on the member's account as credit. */
  extraCreditCents: number;
}

/**
 * What the money handed over at the counter does. Cash above the due is
 * change given back; another method charges what was typed, and anything
 * above the due becomes credit — except for a walk-in buyer, who has no
 * account: like cash, nothing above the due is kept.
 */
export function paymentAtCounter(method: 'cash' | 'card' | 'transfer' | 'cheque' | 'other', dueCents: number, tenderedCents: number, walkIn = false): CounterEffect {
  if (method === 'cash' || walkIn) return { ...cashChange(dueCents, tenderedCents), extraCreditCents: 0 };
  assertCents('dueCents', dueCents, 0);
  assertCents('tenderedCents', tenderedCents, 0);
  return { changeCents: 0, paidCents: tenderedCents, unpaidCents: Math.max(dueCents - tenderedCents, 0), extraCreditCents: Math.max(tenderedCents - dueCents, 0) };
}

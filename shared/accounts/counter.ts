/**
 * What the counter shows beside one order (issue 7): what it costs, the
 * member's balance, and what is due now. The order's own debit (its 'order'
 * and 'refund' entries, and their reversals) is left out of the balance the
 * due is computed from, so the figure is the same before the pickup (nothing
 * debited yet) and after it (debited in "on collection" mode): the order total
 * less the credit, plus any debt. Payments taken for the order stay in: once
 * paid, nothing is due.
 */
import { lineTotal } from '../orders/totals';
import type { Order } from '../model/order';
import { dueAtCounter, type Due } from './due';
import { balance, type AccountEntry } from './ledger';

export interface CounterAccount {
  /** The order total less the lines found missing: what the member is charged for. */
  billableCents: number;
  /** The whole account now (credit positive), this order's debit included if it was made. */
  balanceCents: number;
  due: Due;
  /** Taken at the counter for this order (payments less their reversals). */
  paidCents: number;
}

export function billableTotal(order: Pick<Order, 'lines'>): number {
  return order.lines.reduce((sum, line) => sum + (line.missing ? 0 : lineTotal(line)), 0);
}

/** Money moved (payments and their reversals carry a method); debits and refunds do not. */
export const movesMoney = (entry: Pick<AccountEntry, 'method'>): boolean => entry.method !== undefined;

/** `entries`: the whole account of the order's member (or, for a walk-in, the sale's own entries). */
export function counterAccount(order: Pick<Order, 'id' | 'lines'>, entries: readonly AccountEntry[]): CounterAccount {
  return counterFigures(
    order,
    balance(entries),
    entries.filter((entry) => entry.orderId === order.id),
  );
}

/**
 * The same figures from the account's balance and the order's own entries in it: all the counter needs,
 * so a balance summed from the store's index serves without reading years of the member's entries (issue 11).
 */
export function counterFigures(order: Pick<Order, 'id' | 'lines'>, balanceCents: number, ownEntries: readonly AccountEntry[]): CounterAccount {
  const ownDebit = ownEntries.filter((entry) => !movesMoney(entry));
  const paid = ownEntries.filter(movesMoney);
  const billableCents = billableTotal(order);
  return {
    billableCents,
    balanceCents,
    due: dueAtCounter(billableCents, balanceCents - balance(ownDebit)),
    paidCents: balance(paid),
  };
}

/**
 * An order's debit on its member's account (issue 7), kept in line with the
 * order by adding entries, never by editing them.
 *
 * While the order is to be debited (collected, or the day closed, as the relay
 * chooses; a counter sale at once), it has exactly one open 'order' entry for
 * its whole total and one open 'refund' per line found missing; otherwise none.
 * So the net is always the total less the missing lines, and the statement
 * shows both the basket and what was refunded from it. Anything out of line is
 * reversed (with a reason) and, if needed, written again: undoing a pickup
 * reverses the debit, finding a missing item reverses its refund, a late change
 * to a debited order reverses the old debit and debits the new total.
 */
import type { Order } from '../model/order';
import { lineTotal, orderTotal } from '../orders/totals';
import { openEntries, reverse, type AccountEntry } from './ledger';

/** Why an entry is reversed, for the reason the service writes in the relay's language. */
export type ReversalCause = 'notDebited' | 'changed' | 'found';

export interface EntryMaker {
  at: string;
  newId: () => string;
  reason: (cause: ReversalCause) => string;
}

type DebitedOrder = Pick<Order, 'id' | 'memberId' | 'distributionId' | 'lines'>;

/**
 * The entries to add so that `entries` (every entry naming this order) match
 * the order: reversals first, then the new debit and refunds.
 */
export function orderEntriesToWrite(order: DebitedOrder, debited: boolean, entries: readonly AccountEntry[], make: EntryMaker): AccountEntry[] {
  const open = openEntries(entries).filter((entry) => entry.orderId === order.id && (entry.kind === 'order' || entry.kind === 'refund'));
  const written: AccountEntry[] = [];
  const reverseFor = (entry: AccountEntry, cause: ReversalCause) => written.push(reverse(entry, make.reason(cause), make.at, make.newId()));
  const base = { memberId: order.memberId, at: make.at, reference: '', reason: '', orderId: order.id, distributionId: order.distributionId };

  if (!debited) {
    for (const entry of open) reverseFor(entry, 'notDebited');
    return written;
  }

  const total = orderTotal(order);
  let debit: AccountEntry | undefined;
  for (const entry of open.filter((candidate) => candidate.kind === 'order')) {
    if (!debit && entry.amountCents === -total) debit = entry;
    else reverseFor(entry, 'changed');
  }
  const missing = new Map(order.lines.filter((line) => line.missing).map((line) => [line.id, line]));
  const refunded = new Set<string>();
  for (const entry of open.filter((candidate) => candidate.kind === 'refund')) {
    const line = entry.lineId === undefined ? undefined : missing.get(entry.lineId);
    if (!line) reverseFor(entry, 'found');
    else if (refunded.has(line.id) || entry.amountCents !== lineTotal(line)) reverseFor(entry, 'changed');
    else refunded.add(line.id);
  }
  // An empty basket costs nothing: no debit entry (an 'order' entry is always a debit).
  if (!debit && total > 0) written.push({ ...base, id: make.newId(), kind: 'order', amountCents: -total });
  for (const line of missing.values()) {
    const amount = lineTotal(line);
    if (!refunded.has(line.id) && amount > 0) written.push({ ...base, id: make.newId(), kind: 'refund', amountCents: amount, lineId: line.id });
  }
  return written;
}

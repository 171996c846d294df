/**
 * Members' account entries in the store (issue 7): reading a member's or an
 * order's entries, writing new ones, and keeping each order's debit in line
 * with the order (shared/accounts/order-entries.ts) inside the transaction
 * that changed it, so an order and its debit are never on disk apart.
 *
 * Entries are read by scanning the table in memory: a relay's years of
 * entries are tens of thousands of small records, and a scan is far cheaper
 * than the disk write that follows it.
 */
import { randomUUID } from 'node:crypto';
import type { AccountEntry } from '../../shared/accounts/ledger';
import { counterFigures, type CounterAccount } from '../../shared/accounts/counter';
import { balance } from '../../shared/accounts/ledger';
import { orderEntriesToWrite, type ReversalCause } from '../../shared/accounts/order-entries';
import { translate, type MessageKey } from '../../shared/i18n/messages';
import type { Order } from '../../shared/model/order';
import { isActive } from '../../shared/orders/totals';
import type { TillClosingRecord } from '../../shared/model/till';
import { DEFAULT_RELAY_SETTINGS, type RelaySettings } from '../../shared/model/relay';
import { distributionFile } from '../store/entities';
import type { DerivedRule, Store, Transaction } from '../store/store';
import { readRelay } from './relay';

type Source = Store | Transaction;

export function allEntries(source: Source): AccountEntry[] {
  return source.all('accountEntry');
}

/** A member's whole account: only the months holding some of it are read (issue 11). */
export function entriesOfMember(source: Source, memberId: string): AccountEntry[] {
  return source.entriesOfMember(memberId);
}

/** The entries an order's account figure is read from: the member's whole account, or a walk-in sale's own entries. */
export function accountOfOrder(entries: readonly AccountEntry[], order: Pick<Order, 'id' | 'memberId'>): AccountEntry[] {
  return order.memberId === null
    ? entries.filter((entry) => entry.memberId === null && entry.orderId === order.id)
    : entries.filter((entry) => entry.memberId === order.memberId);
}

export function groupBy<K>(entries: Iterable<AccountEntry>, key: (entry: AccountEntry) => K | undefined): Map<K, AccountEntry[]> {
  const groups = new Map<K, AccountEntry[]>();
  for (const entry of entries) {
    const value = key(entry);
    if (value === undefined) continue;
    const group = groups.get(value);
    if (group) group.push(entry);
    else groups.set(value, [entry]);
  }
  return groups;
}

/**
 * The counter's figures for each order: the members' balances from the store (past months from its
 * index) and the orders' own entries, so the counter reads no past month that holds none of them (issue 11).
 */
export function counterAccounts(source: Source, orders: readonly Order[]): Map<string, CounterAccount> {
  const balances = source.balancesOf(new Set(orders.flatMap((order) => (order.memberId === null ? [] : [order.memberId]))));
  const byOrder = groupBy(source.entriesOfOrders(new Set(orders.map((order) => order.id))), (entry) => entry.orderId);
  return new Map(
    orders.map((order) => {
      // The order's entries on its buyer's account (a walk-in sale is its own small account).
      const own = (byOrder.get(order.id) ?? []).filter((entry) => entry.memberId === order.memberId);
      const balanceCents = order.memberId === null ? balance(own) : (balances.get(order.memberId) ?? 0);
      return [order.id, counterFigures(order, balanceCents, own)];
    }),
  );
}

/** The day is closed once its till has a closing; in "on close" mode that is when every order is debited. */
export function isDayClosed(source: Source, distributionId: string): boolean {
  return source.inFile('tillClosing', distributionFile(distributionId)).length > 0;
}

export function isDebited(source: Source, order: Order): boolean {
  if (!isActive(order) || order.lines.length === 0) return false;
  if (order.counter) return true;
  return readRelay(source).debitOrdersOn === 'collection' ? order.collectedAt !== null : isDayClosed(source, order.distributionId);
}

const REASONS: Record<ReversalCause, MessageKey> = {
  notDebited: 'accounts.reason.notDebited',
  changed: 'accounts.reason.changed',
  found: 'accounts.reason.found',
};

/**
 * Brings the account entries of these orders in line with them (a debit per
 * debited order, a refund per missing line; reversals for the rest). Called
 * by every change that can move an order's debit, inside its transaction.
 */
export function reconcileOrders(tx: Transaction, orders: readonly Order[], at: Date): AccountEntry[] {
  const { language } = readRelay(tx);
  const ids = new Set(orders.map((order) => order.id));
  // Only these orders' entries: the months holding none stay unread (issue 11).
  const byOrder = groupBy(tx.entriesOfOrders(ids), (entry) => entry.orderId);
  const make = { at: at.toISOString(), newId: () => randomUUID(), reason: (cause: ReversalCause) => translate(language, REASONS[cause]) };
  return orders.flatMap((order) =>
    orderEntriesToWrite(order, isDebited(tx, order), byOrder.get(order.id) ?? [], make).map((entry) => tx.put('accountEntry', entry)),
  );
}

/**
 * Whether an order can carry a debit: handed over, sold at the counter, or on a closed day.
 * Other orders have none yet, and skipping them keeps order entry from scanning the accounts.
 */
function mayBeDebited(source: Source, order: Order): boolean {
  return order.collectedAt !== null || order.counter || isDayClosed(source, order.distributionId);
}

/**
 * The account rules the store runs inside every transaction (StoreOptions.rules), so an
 * order and its debit are never written apart, whichever service (or conflict resolution)
 * wrote the order.
 */
export const accountRules: readonly DerivedRule[] = [
  // An order written ⇒ its debit and refunds follow it; its state before counts too (a check-in undone reverses the debit).
  (tx, written, at) => {
    const orders = written.flatMap(({ kind, record, before, removed }) =>
      kind === 'order' && !removed && (mayBeDebited(tx, record as Order) || (before !== undefined && mayBeDebited(tx, before as Order))) ? [record as Order] : [],
    );
    if (orders.length > 0) reconcileOrders(tx, orders, at);
  },
  // A till closing written ⇒ every order of its day follows (in "on close" mode, this is when they are debited).
  (tx, written, at) => {
    const days = new Set(written.flatMap(({ kind, record, removed }) => (kind === 'tillClosing' && !removed ? [(record as TillClosingRecord).distributionId] : [])));
    for (const distributionId of days) reconcileOrders(tx, tx.inFile('order', distributionFile(distributionId)), at);
  },
  // When orders are debited changed ⇒ every order of a day still open follows the new moment. A closed or
  // settled day keeps its debits: its till was counted and its producers paid against them.
  (tx, written, at) => {
    const moment = (record: { id: string } | undefined) => ((record as RelaySettings | undefined) ?? DEFAULT_RELAY_SETTINGS).debitOrdersOn;
    const changed = written.some(({ kind, record, before, removed }) => kind === 'relay' && !removed && moment(record) !== moment(before));
    if (!changed) return;
    for (const distribution of tx.all('distribution')) {
      if (distribution.settledAt !== null || isDayClosed(tx, distribution.id)) continue;
      reconcileOrders(tx, tx.inFile('order', distributionFile(distribution.id)), at);
    }
  },
];

/**
 * The conflicts list: oversold stock read from the data, and orders edited on
 * two copies recorded at merge time (sync/conflicts.json, device-local: the
 * organiser who synced and saw it resolves it).
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { UserError } from '../../shared/contract/errors';
import {
  CONFLICT_FIELDS,
  type BasketConflict,
  type ConflictAction,
  type OrderConflict,
  type OrderRef,
  type StockConflict,
  type SyncConflict,
  type TwoOrdersConflict,
  type AccountConflict,
  type PaymentConflict,
  type InvoiceNumberConflict,
} from '../../shared/sync/conflicts';
import { unsettledSharedNumbers } from '../../shared/invoices/numbering';
import { orderEntriesToWrite } from '../../shared/accounts/order-entries';
import { balance, openEntries, type AccountEntry } from '../../shared/accounts/ledger';
import { allEntries, groupBy, isDebited } from '../services/account-entries';
import { readRelay } from '../services/relay';
import { translate } from '../../shared/i18n/messages';
import { nextBasketNumber } from '../../shared/orders/totals';
import type { Order, OrderLine } from '../../shared/model/order';
import { writeFileAtomic } from '../store/atomic-write';
import type { FieldContest, Store, Transaction } from '../store/store';
import { orderedByProduct, ordersOf, orderView } from '../services/ordered';
import { offersOf } from '../services/offers';
import { watchConflicts } from './conflict-check';

const recordedSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  field: z.enum(CONFLICT_FIELDS),
  kept: z.unknown(),
  other: z.unknown(),
  /** The timestamp of the set-aside write: the same conflict seen again is not listed twice. */
  otherAt: z.string(),
  detectedAt: z.string(),
});
type Recorded = z.infer<typeof recordedSchema>;

export class ConflictBook {
  private constructor(
    private readonly path: string,
    private recorded: Recorded[],
  ) {}

  static async open(path: string): Promise<ConflictBook> {
    try {
      const parsed = z.array(recordedSchema).safeParse(JSON.parse(await readFile(path, 'utf8')));
      return new ConflictBook(path, parsed.success ? parsed.data : []);
    } catch {
      return new ConflictBook(path, []);
    }
  }

  /** Keeps the contests that are two copies editing one order without seeing each other's change. */
  async record(contests: readonly FieldContest[], concurrent: (contest: FieldContest) => boolean, now: Date): Promise<void> {
    const added: Recorded[] = [];
    for (const contest of contests) {
      if (contest.entity !== 'order' || !(CONFLICT_FIELDS as readonly string[]).includes(contest.field) || !concurrent(contest)) continue;
      const [kept, other] = contest.winner === 'remote' ? [contest.remote, contest.local] : [contest.local, contest.remote];
      if (this.recorded.some((known) => known.orderId === contest.entityId && known.field === contest.field && known.otherAt === other.at)) continue;
      added.push({
        id: randomUUID(),
        orderId: contest.entityId,
        field: contest.field as Recorded['field'],
        kept: kept.value,
        other: other.value,
        otherAt: other.at,
        detectedAt: now.toISOString(),
      });
    }
    if (added.length === 0) return;
    await this.save([...this.recorded, ...added]);
  }

  list(store: Store, today: string): SyncConflict[] {
    // The account conflicts are rechecked only where something changed since the last look (conflict-check.ts).
    const { accounts, payments } = watchConflicts(store).list();
    return [...stockConflicts(store, today), ...this.orderConflicts(store), ...orderClashes(store, today), ...accounts, ...payments, ...invoiceConflicts(store)];
  }

  private orderConflicts(store: Store): OrderConflict[] {
    return this.recorded.flatMap((recorded) => {
      const order = store.get('order', recorded.orderId);
      const distribution = order && store.get('distribution', order.distributionId);
      if (!order || !distribution) return [];
      return [
        {
          id: recorded.id,
          kind: 'orderEdited' as const,
          distributionId: order.distributionId,
          pickupDate: distribution.pickupDate,
          orderId: order.id,
          basketNumber: order.basketNumber,
          memberName: buyerOf(store, order),
          field: recorded.field,
          kept: order[recorded.field],
          other: recorded.other,
          detectedAt: recorded.detectedAt,
        },
      ];
    });
  }

  /** Resolving an order conflict: keep what every copy holds, or put the set-aside version back (a new change, later than both). */
  async resolveOrder(store: Store, conflictId: string, action: ConflictAction, now: Date): Promise<void> {
    const recorded = this.recorded.find((known) => known.id === conflictId);
    if (!recorded) throw new UserError('error.conflictNotFound');
    if (action === 'useOther') {
      await store.transact((tx) => {
        const order = tx.get('order', recorded.orderId);
        if (!order) throw new UserError('error.orderNotFound');
        putOrders(tx, [{ ...order, [recorded.field]: recorded.other as Order[typeof recorded.field], updatedAt: now.toISOString() }]);
      });
    } else if (action !== 'keep') throw new UserError('error.conflictAction');
    await this.save(this.recorded.filter((known) => known !== recorded));
  }

  /** Moves each time the recorded conflicts change. */
  version = 0;

  private async save(recorded: Recorded[]): Promise<void> {
    await writeFileAtomic(this.path, `${JSON.stringify(recorded)}\n`);
    this.recorded = recorded;
    this.version += 1;
  }
}

/** Offers whose orders exceed the stock, in distributions not cancelled and not long past. */
export function stockConflicts(store: Store, today: string): StockConflict[] {
  const conflicts: StockConflict[] = [];
  for (const distribution of store.all('distribution')) {
    if (distribution.cancelledAt !== null || distribution.pickupDate < today) continue;
    const ordered = orderedByProduct(store, distribution.id);
    for (const offer of offersOf(store, distribution.id)) {
      const sold = ordered.get(offer.productId) ?? 0;
      if (offer.quantity === null || sold <= offer.quantity) continue;
      const product = store.get('product', offer.productId);
      conflicts.push({
        id: `stock:${offer.id}`,
        kind: 'stockOversold',
        distributionId: distribution.id,
        pickupDate: distribution.pickupDate,
        offerId: offer.id,
        productId: offer.productId,
        productName: product?.name ?? '?',
        producerName: (product && store.get('producer', product.producerId)?.name) ?? '?',
        available: offer.quantity,
        ordered: sold,
      });
    }
  }
  return conflicts.sort((a, b) => a.pickupDate.localeCompare(b.pickupDate) || a.productName.localeCompare(b.productName));
}

/**
 * Trimming orders back to the stock: the lines added last give way first
 * (the sales made offline after the stock ran out), a line reduced or, when
 * nothing of it is left, removed; a whole order is never cancelled here.
 */
export async function trimOrders(store: Store, offerId: string, now: Date): Promise<void> {
  await store.transact((tx) => {
    const offer = tx.get('offer', offerId);
    if (!offer || offer.quantity === null) throw new UserError('error.conflictNotFound');
    const orders = ordersOf(tx, offer.distributionId).filter((order) => order.cancelledAt === null);
    const lines = orders.flatMap((order) => order.lines.filter((line) => line.productId === offer.productId).map((line) => ({ order, line })));
    lines.sort((a, b) => b.line.addedAt.localeCompare(a.line.addedAt) || b.order.basketNumber - a.order.basketNumber);
    let excess = lines.reduce((sum, { line }) => sum + line.quantity, 0) - offer.quantity;
    const edits = new Map<string, Order>();
    for (const { order, line } of lines) {
      if (excess <= 0) break;
      const current = edits.get(order.id) ?? order;
      const cut = Math.min(excess, line.quantity);
      excess -= cut;
      const kept: OrderLine[] = current.lines.flatMap((candidate) =>
        candidate.id !== line.id ? [candidate] : candidate.quantity - cut > 0 ? [{ ...candidate, quantity: candidate.quantity - cut }] : [],
      );
      edits.set(order.id, { ...current, lines: kept, updatedAt: now.toISOString() });
    }
    putOrders(tx, edits.values());
  });
}

const upcoming = (store: Store, today: string) => store.all('distribution').filter((distribution) => distribution.cancelledAt === null && distribution.pickupDate >= today);

function refOf(store: Store, order: Order): OrderRef {
  return {
    orderId: order.id,
    basketNumber: order.basketNumber,
    memberName: buyerOf(store, order),
    lineCount: order.lines.length,
    createdAt: order.createdAt,
  };
}

const oldestFirst = (a: Order, b: Order) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/**
 * Writes orders a resolution changed. Their debits follow through the store's account
 * rule (accountRules), as for every order edit: a trimmed or merged basket that was
 * already collected is charged what it now holds.
 */
function putOrders(tx: Transaction, orders: Iterable<Order>): void {
  for (const order of orders) tx.put('order', order);
}

/** The orders a conflict names, as they are now, oldest first (which one keeps its number, or receives the others' lines). */
const ordersIn = (tx: Transaction, orderIds: readonly string[]) =>
  orderIds.flatMap((orderId) => tx.get('order', orderId) ?? []).sort(oldestFirst);

/** Who the conflicts list names for an order: its member, or the name a walk-in gave ('?' when none is known). */
function buyerOf(store: Store, order: Order | undefined | ''): string {
  return (order && orderView(store, order).member.name) || '?';
}

/** Two copies each opened an order for one member, or each gave out the same basket number. */
export function orderClashes(store: Store, today: string): (TwoOrdersConflict | BasketConflict)[] {
  const clashes: (TwoOrdersConflict | BasketConflict)[] = [];
  for (const distribution of upcoming(store, today)) {
    const orders = ordersOf(store, distribution.id).sort(oldestFirst);
    const byMember = new Map<string, Order[]>();
    const byBasket = new Map<number, Order[]>();
    for (const order of orders) {
      if (order.cancelledAt === null && !order.counter && order.memberId) byMember.set(order.memberId, [...(byMember.get(order.memberId) ?? []), order]);
      // A cancelled order's number is on no sheet: only baskets still to prepare can be mixed up.
      if (order.cancelledAt === null) byBasket.set(order.basketNumber, [...(byBasket.get(order.basketNumber) ?? []), order]);
    }
    for (const [memberId, list] of byMember) {
      if (list.length < 2) continue;
      clashes.push({
        id: `member:${distribution.id}:${memberId}`,
        kind: 'memberOrderedTwice',
        distributionId: distribution.id,
        pickupDate: distribution.pickupDate,
        memberName: store.get('member', memberId)?.name ?? '?',
        orders: list.map((order) => refOf(store, order)),
      });
    }
    for (const [basketNumber, list] of byBasket) {
      if (list.length < 2) continue;
      clashes.push({
        id: `basket:${distribution.id}:${basketNumber}`,
        kind: 'basketShared',
        distributionId: distribution.id,
        pickupDate: distribution.pickupDate,
        basketNumber,
        orders: list.map((order) => refOf(store, order)),
      });
    }
  }
  return clashes;
}

/** One member's orders become the first one: the others' lines move into it and they are cancelled (stock is unchanged). */
export async function mergeOrders(store: Store, orderIds: readonly string[], now: Date): Promise<void> {
  await store.transact((tx) => {
    const orders = ordersIn(tx, orderIds).filter((order) => order.cancelledAt === null);
    const [kept, ...others] = orders;
    if (!kept || others.length === 0) throw new UserError('error.conflictNotFound');
    const at = now.toISOString();
    putOrders(tx, [
      { ...kept, lines: [...kept.lines, ...others.flatMap((order) => order.lines)], note: [kept.note, ...others.map((order) => order.note)].filter(Boolean).join('\n').slice(0, 2000), updatedAt: at },
      ...others.map((order) => ({ ...order, lines: [], cancelledAt: at, updatedAt: at })),
    ]);
  });
}

/** The first order keeps the basket number; the others get the next free ones. */
export async function renumber(store: Store, orderIds: readonly string[], now: Date): Promise<void> {
  await store.transact((tx) => {
    const orders = ordersIn(tx, orderIds);
    if (orders.length < 2) throw new UserError('error.conflictNotFound');
    for (const order of orders.slice(1)) {
      tx.put('order', { ...order, basketNumber: nextBasketNumber(ordersOf(tx, order.distributionId)), updatedAt: now.toISOString() });
    }
  });
}

/**
 * Orders whose account entries are not what the order calls for (the rule of
 * shared/accounts/order-entries.ts), which only a merge can cause: each copy
 * keeps its own orders in line inside every transaction. Only orders that
 * have entries are looked at, so the check does not grow with undebited history.
 * Reads every month: the conflicts list itself goes through conflict-check.ts, which rechecks only what changed.
 */
export function accountConflicts(store: Store): AccountConflict[] {
  const byOrder = groupBy(allEntries(store), (entry) => entry.orderId);
  return sortAccountConflicts([...byOrder].flatMap(([orderId, entries]) => accountConflictOf(store, orderId, entries) ?? []));
}

const dryRun = { at: new Date(0).toISOString(), newId: () => 'x', reason: () => 'x' };

/** One order against its entries (all of them, from every month): a conflict if they are out of line with it. */
export function accountConflictOf(store: Store, orderId: string, entries: readonly AccountEntry[]): AccountConflict | undefined {
  if (entries.length === 0) return undefined;
  const order = store.get('order', orderId);
  const distribution = order && store.get('distribution', order.distributionId);
  if (!order || !distribution) return undefined;
  const written = orderEntriesToWrite(order, isDebited(store, order), [...entries], dryRun);
  if (written.length === 0) return undefined;
  const counted = openEntries([...entries]).filter((entry) => entry.kind === 'order' || entry.kind === 'refund');
  return {
    id: `account:${orderId}`,
    kind: 'accountOutOfLine',
    distributionId: order.distributionId,
    pickupDate: distribution.pickupDate,
    orderId,
    basketNumber: order.basketNumber,
    memberName: buyerOf(store, order),
    carriedCents: balance(counted),
    expectedCents: balance(counted) + balance(written),
  };
}

export function sortAccountConflicts(conflicts: AccountConflict[]): AccountConflict[] {
  return conflicts.sort((a, b) => a.pickupDate.localeCompare(b.pickupDate) || a.basketNumber - b.basketNumber || a.orderId.localeCompare(b.orderId));
}

/** A ledger: a member's account, or a walk-in's counter sale (its own small ledger). */
export const ledgerOf = (entry: Pick<AccountEntry, 'memberId' | 'orderId'>) => entry.memberId ?? `walk-in:${entry.orderId ?? ''}`;

/** What a payment reversed twice is read from: the reversals and the payments recorded again (`restores`), a handful a year. */
export type ReversalLink = Pick<AccountEntry, 'id' | 'memberId' | 'orderId' | 'reverses' | 'restores'>;

export const isReversalLink = (entry: AccountEntry) => entry.reverses !== undefined || entry.restores !== undefined;

/** Payments that two copies each reversed offline (an order's debit reversed twice is an account conflict instead): reads every month. */
export function paymentConflicts(store: Store): PaymentConflict[] {
  const entries = allEntries(store);
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return paymentConflictsOf(store, entries.filter(isReversalLink), (id) => byId.get(id));
}

/**
 * The payments with more than one standing reversal in their own ledger (ledgerIssues' reversedTwice), read
 * from the reversal links alone and the payment itself, found by id: so only the month holding it is read.
 */
export function paymentConflictsOf(store: Store, links: readonly ReversalLink[], entryById: (id: string) => AccountEntry | undefined): PaymentConflict[] {
  const conflicts: PaymentConflict[] = [];
  for (const [ledger, inLedger] of groupBy(links as AccountEntry[], ledgerOf)) {
    const restored = new Set(inLedger.flatMap((entry) => (entry.restores === undefined ? [] : [entry.restores])));
    const standing = groupBy(
      inLedger.filter((entry) => !restored.has(entry.id)),
      (entry) => entry.reverses,
    );
    for (const [paymentId, reversals] of standing) {
      if (reversals.length < 2) continue;
      const payment = entryById(paymentId);
      if (!payment || payment.kind !== 'payment' || ledgerOf(payment) !== ledger) continue;
      conflicts.push({
        id: `payment:${payment.id}`,
        kind: 'paymentReversedTwice',
        paymentId: payment.id,
        memberName: payment.memberId !== null ? (store.get('member', payment.memberId)?.name ?? '?') : buyerOf(store, payment.orderId && store.get('order', payment.orderId)),
        amountCents: payment.amountCents,
        method: payment.method ?? 'other',
        paidAt: payment.at,
        reversals: reversals.length,
      });
    }
  }
  return conflicts.sort((a, b) => a.paidAt.localeCompare(b.paidAt) || a.paymentId.localeCompare(b.paymentId));
}

/**
 * Invoice numbers held by two invoices: derived from the data, so it shows on every organiser's
 * copy once synced, until credit notes leave one of them standing.
 */
export function invoiceConflicts(store: Store): InvoiceNumberConflict[] {
  return unsettledSharedNumbers(store.all('invoice')).map(({ number, invoices }) => ({
    id: `invoice:${number}`,
    kind: 'invoiceNumberShared',
    number,
    invoices: invoices.map((invoice) => ({
      invoiceId: invoice.id,
      invoiceKind: invoice.kind,
      producerName: invoice.producerName,
      issuedAt: invoice.issuedAt,
      creditedBy: invoice.creditedBy,
    })),
  }));
}

/**
 * Keeps the first reversal and cancels out each later one with the payment
 * recorded again (naming the reversal it restores): the member is charged the
 * mistake once, and no entry is edited or deleted.
 */
export async function restorePayment(store: Store, paymentId: string, now: Date): Promise<void> {
  await store.transact((tx) => {
    const payment = tx.get('accountEntry', paymentId);
    if (!payment || payment.kind !== 'payment') throw new UserError('error.conflictNotFound');
    const { language } = readRelay(tx);
    const entries = tx.all('accountEntry');
    const restored = new Set(entries.flatMap((entry) => (entry.restores === undefined ? [] : [entry.restores])));
    const reversals = entries
      .filter((entry) => entry.reverses === payment.id && !restored.has(entry.id))
      .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    for (const extra of reversals.slice(1)) {
      const { id: _id, at: _at, restores: _restores, ...copy } = payment;
      tx.put('accountEntry', { ...copy, id: randomUUID(), at: now.toISOString(), restores: extra.id, reason: translate(language, 'sync.reason.restored') });
    }
  });
}

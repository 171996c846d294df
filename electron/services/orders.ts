/**
 * Members' orders for a distribution. Every change that takes stock reads
 * what is ordered and writes the order inside one transaction, so two calls
 * racing for the last unit cannot both win: the store runs transactions one
 * at a time and the second sees the first's line.
 */
import { randomUUID } from 'node:crypto';
import { UserError } from '../../shared/contract/errors';
import { distributionStatus } from '../../shared/distributions/schedule';
import { ORDER_DEFAULTS, ORDER_LINE_DEFAULTS, type Order, type OrderLine } from '../../shared/model/order';
import { canSell, offerPrice, remaining } from '../../shared/offers/stock';
import { isActive, nextBasketNumber } from '../../shared/orders/totals';
import type { ListedOrder } from '../../shared/orders/views';
import type { Member } from '../../shared/model/member';
import type { Store, Transaction } from '../store/store';
import { counterAccounts } from './account-entries';
import { existingDistribution, isFinishedStatus } from './distributions';
import { offersOf } from './offers';
import { orderView, ordersOf, orderedOf } from './ordered';
import { readRelay } from './relay';
import { slotFor, slotOnRestore } from './slots';

export function existingOrder(tx: Store | Transaction, id: string): Order {
  const order = tx.get('order', id);
  if (!order) throw new UserError('error.orderNotFound');
  return order;
}

/**
 * Orders change only while ordering is open, or for an order the organiser
 * recorded as late — and never once the distribution is over or cancelled.
 */
export function checkEditable(tx: Transaction, order: Pick<Order, 'distributionId' | 'late' | 'cancelledAt' | 'counter'>, at: Date): void {
  // Handed over and paid on the spot: changing it here would leave its payment behind. It is cancelled at the counter instead.
  if (order.counter) throw new UserError('error.counterSaleFixed');
  const distribution = existingDistribution(tx, order.distributionId);
  // Worked out once for both rules: it runs before every change to an order.
  const status = distributionStatus(distribution, at, readRelay(tx).timeZone);
  if (isFinishedStatus(status)) throw new UserError('error.distributionFinished', { date: distribution.pickupDate });
  if (!order.late && status !== 'open') throw new UserError('error.orderingClosed');
  if (order.cancelledAt !== null) throw new UserError('error.orderCancelled');
}

/** Refuses when `extra` more units of the product would oversell its offer; the message says what is left. */
/** What a new line freezes of the product: its price (per unit, or per kg), name, VAT rate and, sold by weight, the estimate of one piece. */
export interface FrozenLineFacts {
  priceCents: number;
  name: string;
  vatRateBp: number;
  pieceGrams: number | null;
}

export function checkStock(tx: Transaction, distributionId: string, productId: string, extra: number): FrozenLineFacts {
  const product = tx.get('product', productId);
  if (!product) throw new UserError('error.productNotFound');
  const offer = offersOf(tx, distributionId).find((o) => o.productId === productId && o.withdrawnAt === null);
  if (!offer) throw new UserError('error.notOffered', { product: product.name });
  // An offer without a quantity is never short: what is ordered is summed only when there is a stock to compare it with.
  if (extra > 0 && offer.quantity !== null) {
    const ordered = orderedOf(tx, distributionId, productId);
    if (!canSell(offer, ordered, extra)) throw new UserError('error.outOfStock', { product: product.name, remaining: remaining(offer, ordered) ?? 0, wanted: extra });
  }
  return {
    priceCents: offerPrice(offer, product),
    name: product.name,
    vatRateBp: product.vatRateBp,
    pieceGrams: product.pricing === 'weight' ? product.pieceGrams : null,
  };
}

/**
 * The member's order for the distribution, created if needed (one order per
 * member and distribution). Shared by the order editor and the standing orders.
 */
export function openOrder(tx: Transaction, distributionId: string, member: Member, late: boolean, at: Date): Order {
  const stamp = at.toISOString();
  // A member's counter sale is not their order for the distribution.
  const existing = ordersOf(tx, distributionId).find((order) => order.memberId === member.id && !order.counter);
  if (existing) {
    if (late && !existing.late) return tx.put('order', { ...existing, late: true, updatedAt: stamp });
    return existing;
  }
  if (member.archivedAt !== null) throw new UserError('error.memberArchived', { name: member.name });
  const order: Order = {
    id: randomUUID(),
    distributionId,
    memberId: member.id,
    basketNumber: nextBasketNumber(ordersOf(tx, distributionId)),
    lines: [],
    note: '',
    late,
    cancelledAt: null,
    ...ORDER_DEFAULTS,
    createdAt: stamp,
    updatedAt: stamp,
  };
  checkEditable(tx, order, at);
  // Once the distribution has slots, a new order takes one at once (the member's preferred time, or the nearest with room).
  return tx.put('order', { ...order, slotId: slotFor(tx, distributionId, member.preferredPickupTime) });
}

/** The order's lines with `quantity` more units of the product, checked against the stock; a product already in the order keeps its line and its frozen price. */
export function withUnits(tx: Transaction, order: Order, productId: string, quantity: number, at: Date): OrderLine[] {
  const { priceCents, name, vatRateBp, pieceGrams } = checkStock(tx, order.distributionId, productId, quantity);
  const existing = order.lines.find((line) => line.productId === productId);
  // More pieces than were weighed: the line goes back to its estimate until it is weighed again.
  if (existing) return order.lines.map((line) => (line === existing ? { ...line, quantity: line.quantity + quantity, weighedGrams: null } : line));
  const line: OrderLine = {
    id: randomUUID(),
    productId,
    productName: name,
    quantity,
    unitPriceCents: priceCents,
    vatRateBp,
    addedAt: at.toISOString(),
    ...ORDER_LINE_DEFAULTS,
    pieceGrams,
  };
  return [...order.lines, line];
}

export function ordersService(store: () => Store, now: () => Date) {
  const stamp = () => now().toISOString();

  const edit = (orderId: string, change: (order: Order, tx: Transaction) => Partial<Order>) =>
    store().transact((tx) => {
      const order = existingOrder(tx, orderId);
      checkEditable(tx, order, now());
      // A change to an order already handed over, or on a closed day, moves its debit too: the store's account rule (accountRules).
      return tx.put('order', { ...order, ...change(order, tx), updatedAt: stamp() });
    });

  return {
    'orders.list': async ({ distributionId, includeCancelled }: { distributionId: string; includeCancelled: boolean }) => {
      const source = store();
      existingDistribution(source, distributionId);
      const orders = ordersOf(source, distributionId).filter((order) => includeCancelled || isActive(order));
      // One scan of the account entries for the whole list, not one per order.
      const accounts = counterAccounts(source, orders);
      return orders
        .map((order): ListedOrder => {
          const account = accounts.get(order.id);
          return { ...orderView(source, order), paid: account !== undefined && account.paidCents > 0 && account.due.dueCents === 0 };
        })
        .sort((a, b) => a.order.basketNumber - b.order.basketNumber);
    },

    'orders.get': async ({ orderId }: { orderId: string }) => orderView(store(), existingOrder(store(), orderId)),

    /** Opens the member's order for the distribution, creating it if needed (one order per member and distribution). */
    'orders.open': ({ distributionId, memberId, late }: { distributionId: string; memberId: string; late: boolean }) =>
      store().transact((tx) => {
        const member = tx.get('member', memberId);
        if (!member) throw new UserError('error.memberNotFound');
        return openOrder(tx, distributionId, member, late, now());
      }),

    /** Adds units of a product; a product already in the order keeps its line and its frozen price. */
    'orders.addLine': ({ orderId, productId, quantity }: { orderId: string; productId: string; quantity: number }) =>
      edit(orderId, (order, tx) => ({ lines: withUnits(tx, order, productId, quantity, now()) })),

    'orders.setLineQuantity': ({ orderId, lineId, quantity }: { orderId: string; lineId: string; quantity: number }) =>
      edit(orderId, (order, tx) => {
        const line = order.lines.find((candidate) => candidate.id === lineId);
        if (!line) throw new UserError('error.lineNotFound');
        checkStock(tx, order.distributionId, line.productId, quantity - line.quantity);
        // A weighing was of the pieces before: a new count goes back to the estimate until weighed again.
        const weighedGrams = quantity === line.quantity ? line.weighedGrams : null;
        return { lines: order.lines.map((candidate) => (candidate === line ? { ...line, quantity, weighedGrams } : candidate)) };
      }),

    'orders.removeLine': ({ orderId, lineId }: { orderId: string; lineId: string }) =>
      edit(orderId, (order) => {
        if (!order.lines.some((line) => line.id === lineId)) throw new UserError('error.lineNotFound');
        return { lines: order.lines.filter((line) => line.id !== lineId) };
      }),

    'orders.setNote': ({ orderId, note }: { orderId: string; note: string }) => edit(orderId, () => ({ note })),

    /** Cancelling gives the stock back at once; the order and its basket number stay, for history. */
    'orders.cancel': ({ orderId }: { orderId: string }) =>
      edit(orderId, () => ({ cancelledAt: stamp() })),

    /**
     * Restoring takes the stock again, so it is refused if another member has bought it meanwhile.
     * Its slot is kept if it still has room; otherwise it takes one as a new order would.
     */
    'orders.restore': ({ orderId }: { orderId: string }) =>
      store().transact((tx) => {
        const order = existingOrder(tx, orderId);
        if (isActive(order)) return order;
        checkEditable(tx, { ...order, cancelledAt: null }, now());
        for (const line of order.lines) checkStock(tx, order.distributionId, line.productId, line.quantity);
        return tx.put('order', { ...order, ...slotOnRestore(tx, order), cancelledAt: null, updatedAt: stamp() });
      }),
  };
}

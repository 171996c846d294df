/**
 * Distribution day at the counter: checking members off, flagging an item
 * missing (refunded in the settlement), marking no-shows at closing, and the
 * day's picture. This happens after ordering has closed, so it does not go
 * through the ordering-window check of orders.ts: only a cancelled
 * distribution or a cancelled order refuses it.
 */
import { UserError } from '../../shared/contract/errors';
import { checkinDay } from '../../shared/checkin/day';
import { toLocal } from '../../shared/distributions/calendar';
import type { Order, OrderLine } from '../../shared/model/order';
import { isSoldByWeight } from '../../shared/orders/totals';
import type { Store, Transaction } from '../store/store';
import { counterAccounts } from './account-entries';
import { existingDistribution } from './distributions';
import { ordersOf } from './ordered';
import { existingOrder } from './orders';
import { readRelay } from './relay';
import { slotsOf } from './slots';

/** A change at the counter: refused on a cancelled distribution or order; the member's account follows the order (debit, refunds) in the same write. */
export function changeAtCounter(tx: Transaction, orderId: string, at: Date, edit: (order: Order, tx: Transaction) => Partial<Order>): Order {
  const order = existingOrder(tx, orderId);
  if (existingDistribution(tx, order.distributionId).cancelledAt !== null) throw new UserError('error.distributionCancelled');
  if (order.cancelledAt !== null) throw new UserError('error.orderCancelled');
  const saved = tx.put('order', { ...order, ...edit(order, tx), updatedAt: at.toISOString() });
  // The account follows through the store's account rule (accountRules), now: a payment taken next is taken against the debit.
  tx.applyRules();
  return saved;
}

export function checkinService(store: () => Store, now: () => Date) {
  const stamp = () => now().toISOString();

  const change = (orderId: string, edit: (order: Order, tx: Transaction) => Partial<Order>) =>
    store().transact((tx) => changeAtCounter(tx, orderId, now(), edit));

  const setLine = (order: Order, lineId: string, missing: OrderLine['missing'] | ((line: OrderLine) => OrderLine['missing'])) => {
    const line = order.lines.find((candidate) => candidate.id === lineId);
    if (!line) throw new UserError('error.lineNotFound');
    const flag = typeof missing === 'function' ? missing(line) : missing;
    return { lines: order.lines.map((candidate) => (candidate === line ? { ...line, missing: flag } : candidate)) };
  };

  return {
    /** Collected now; a member marked no-show who turns up after all is collected too. Collecting twice keeps the first time. */
    'checkin.collect': ({ orderId }: { orderId: string }) =>
      change(orderId, (order) => (order.collectedAt !== null ? {} : { collectedAt: stamp(), noShowAt: null })),

    'checkin.undo': ({ orderId }: { orderId: string }) => change(orderId, () => ({ collectedAt: null, noShowAt: null })),

    /** The line is refunded: the settlement leaves it out of the producer's sales. The first time it was flagged is kept. */
    'checkin.markMissing': ({ orderId, lineId, note }: { orderId: string; lineId: string; note: string }) =>
      change(orderId, (order) => setLine(order, lineId, (line) => ({ note, at: line.missing?.at ?? stamp() }))),

    /** Weighed: the line is charged on its real weight at its frozen price per kg; refused once the distribution's settlement is closed. */
    'checkin.weigh': ({ orderId, lineId, grams }: { orderId: string; lineId: string; grams: number | null }) =>
      change(orderId, (order, tx) => {
        const line = order.lines.find((candidate) => candidate.id === lineId);
        if (!line) throw new UserError('error.lineNotFound');
        if (!isSoldByWeight(line)) throw new UserError('error.notSoldByWeight');
        if (existingDistribution(tx, order.distributionId).settledAt !== null) throw new UserError('error.weighingSettled');
        return { lines: order.lines.map((candidate) => (candidate === line ? { ...line, weighedGrams: grams } : candidate)) };
      }),

    'checkin.clearMissing': ({ orderId, lineId }: { orderId: string; lineId: string }) =>
      change(orderId, (order) => setLine(order, lineId, null)),

    /** At closing; an order already collected is not a no-show (undo the pickup first). */
    'checkin.noShow': ({ orderId }: { orderId: string }) =>
      change(orderId, (order, tx) => {
        if (order.collectedAt !== null) {
          throw new UserError('error.orderCollected', { time: toLocal(order.collectedAt, readRelay(tx).timeZone).time });
        }
        return order.noShowAt !== null ? {} : { noShowAt: stamp() };
      }),

    'checkin.day': async ({ distributionId }: { distributionId: string }) => {
      const source = store();
      const distribution = existingDistribution(source, distributionId);
      const orders = ordersOf(source, distributionId);
      const accounts = counterAccounts(source, orders);
      return checkinDay({
        distribution,
        orders,
        slots: slotsOf(source, distributionId),
        memberOf: (memberId) => source.get('member', memberId),
        accountOf: (order) => accounts.get(order.id) ?? null,
      });
    },
  };
}

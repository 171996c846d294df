/**
 * The words the État column says about an order, wherever orders are listed
 * (the orders list, a slot's orders, the counter): tardive, annulée, retiré,
 * absent, payé. One function, so the three lists cannot disagree.
 */
import type { Order } from '../model/order';

export const ORDER_STATES = ['cancelled', 'late', 'collected', 'absent', 'paid'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/**
 * In reading order. A cancelled order says only that (and whether it was late):
 * it is neither collected nor awaited. A collected order is not absent, even if
 * it was marked absent before the member came after all.
 * `paid`: money was taken for it at the counter and nothing is left due.
 */
export function orderStates(order: Pick<Order, 'late' | 'cancelledAt' | 'collectedAt' | 'noShowAt'>, paid: boolean): OrderState[] {
  const states: OrderState[] = [];
  if (order.late) states.push('late');
  if (order.cancelledAt !== null) return ['cancelled', ...states];
  if (order.collectedAt !== null) states.push('collected');
  else if (order.noShowAt !== null) states.push('absent');
  if (paid) states.push('paid');
  return states;
}

/** Order arithmetic: totals are always computed from lines, never typed in. */
import type { Order, OrderLine } from '../model/order';

export function lineTotal(line: Pick<OrderLine, 'quantity' | 'unitPriceCents'>): number {
  return line.quantity * line.unitPriceCents;
}

export function orderTotal(order: Pick<Order, 'lines'>): number {
  return order.lines.reduce((sum, line) => sum + lineTotal(line), 0);
}

/** What a member is refunded: the lines found missing at pickup. */
export function missingTotal(order: Pick<Order, 'lines'>): number {
  return order.lines.reduce((sum, line) => sum + (line.missing ? lineTotal(line) : 0), 0);
}

export function isActive(order: Pick<Order, 'cancelledAt'>): boolean {
  return order.cancelledAt === null;
}

/** Units of each product held by the active orders: what stock rules compare with the offers. */
export function orderedByProduct(orders: Iterable<Pick<Order, 'lines' | 'cancelledAt'>>): Map<string, number> {
  const ordered = new Map<string, number>();
  for (const order of orders) {
    if (!isActive(order)) continue;
    for (const line of order.lines) ordered.set(line.productId, (ordered.get(line.productId) ?? 0) + line.quantity);
  }
  return ordered;
}

/** The next basket number of a distribution: one more than any ever given, cancelled orders included. */
export function nextBasketNumber(orders: Iterable<Pick<Order, 'basketNumber'>>): number {
  let highest = 0;
  for (const order of orders) highest = Math.max(highest, order.basketNumber);
  return highest + 1;
}

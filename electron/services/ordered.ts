/**
 * What is sold in a distribution, read from its own file only (the store's
 * file index), so a stock check costs the same in the fifth year as in the
 * first week. Every stock rule reads its figures from here.
 */
import type { Order } from '../../shared/model/order';
import { isActive, orderTotal, orderedByProduct as sumOrdered } from '../../shared/orders/totals';
import type { OrderView } from '../../shared/orders/views';
import { distributionFile } from '../store/entities';
import type { Store, Transaction } from '../store/store';

export function ordersOf(source: Store | Transaction, distributionId: string): Order[] {
  return source.inFile('order', distributionFile(distributionId));
}

/**
 * Ordered per product. On a producer's copy, which holds no orders, the totals the
 * organisers published in the producers folder count too (the larger figure wins).
 */
export function orderedByProduct(source: Store | Transaction, distributionId: string): Map<string, number> {
  const ordered = sumOrdered(ordersOf(source, distributionId));
  for (const [productId, quantity] of source.publishedOrdered(distributionId) ?? []) {
    ordered.set(productId, Math.max(quantity, ordered.get(productId) ?? 0));
  }
  return ordered;
}

/** Ordered of one product, as orderedByProduct counts it: a stock check on a line adds only that product's lines. */
export function orderedOf(source: Store | Transaction, distributionId: string, productId: string): number {
  let ordered = 0;
  for (const order of ordersOf(source, distributionId)) {
    if (!isActive(order)) continue;
    for (const line of order.lines) if (line.productId === productId) ordered += line.quantity;
  }
  return Math.max(ordered, source.publishedOrdered(distributionId)?.get(productId) ?? 0);
}

/** Active orders: what "cancel a distribution with orders" asks about. */
export function orderCount(source: Store | Transaction, distributionId: string): number {
  return ordersOf(source, distributionId).filter(isActive).length;
}

/** An order with its member and total, as the screens list it. */
export function orderView(source: Store | Transaction, order: Order): OrderView {
  const member = order.memberId === null ? undefined : source.get('member', order.memberId);
  // A walk-in counter sale has no member: it shows under the name the buyer gave, if any.
  const name = member?.name ?? (order.memberId === null ? order.buyerName : '?');
  return {
    order,
    member: { id: order.memberId ?? '', name, phone: member?.phone ?? '', email: member?.email ?? '' },
    totalCents: orderTotal(order),
  };
}

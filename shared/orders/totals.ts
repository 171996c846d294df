/** Order arithmetic: totals are always computed from lines, never typed in. */
import { divideHalfUp } from '../money/half-up';
import type { Order, OrderLine } from '../model/order';

/**
 * What a line's total is read from. The weight fields are optional so that the
 * sheets' and tests' hand-built lines (sold by the unit) fit as they are.
 */
export type PricedLine = Pick<OrderLine, 'quantity' | 'unitPriceCents'> & Partial<Pick<OrderLine, 'pieceGrams' | 'weighedGrams'>>;

export function isSoldByWeight(line: PricedLine): boolean {
  return line.pieceGrams != null;
}

/** The grams a line sold by weight is charged on: the weighed weight, or the pieces' estimate until it is weighed. */
export function chargedGrams(line: PricedLine): number | null {
  if (line.pieceGrams == null) return null;
  return line.weighedGrams ?? line.quantity * line.pieceGrams;
}

/** A line sold by weight that still waits for its real weight. */
export function awaitsWeighing(line: PricedLine): boolean {
  return isSoldByWeight(line) && line.weighedGrams == null;
}

/**
 * The one line total every figure is computed from (order, debit, amount to
 * pay, settlement, sheets):
 *   sold by the unit:   quantity × unit price
 *   sold by weight:     round_half_up(grams × price per kg / 1000), grams = weighed, or quantity × piece estimate until weighed
 * A weighed line is rounded once, to the cent, on its own total: that cent is
 * what the member is told and debited, so every sum above it stays exact.
 */
export function lineTotal(line: PricedLine): number {
  const grams = chargedGrams(line);
  return grams === null ? line.quantity * line.unitPriceCents : divideHalfUp(grams * line.unitPriceCents, 1000);
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

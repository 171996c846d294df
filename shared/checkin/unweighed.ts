/**
 * The lines sold by weight still charged at their estimate (issue 15): listed
 * before the day is closed, so that every bag is weighed before the debits
 * are made. A line found missing is not weighed (it is refunded whole).
 * Sorted by product, then basket: the way the producer's crates are weighed.
 */
import type { OrderLine } from '../model/order';
import { awaitsWeighing } from '../orders/totals';
import { compareText } from '../text/normalise';

export interface UnweighedLine {
  orderId: string;
  basketNumber: number;
  memberName: string;
  line: OrderLine;
}

interface WeighedOrder {
  orderId: string;
  basketNumber: number;
  member: { name: string };
  lines: readonly OrderLine[];
}

export function unweighedLines(orders: Iterable<WeighedOrder>): UnweighedLine[] {
  const lines: UnweighedLine[] = [];
  for (const order of orders) {
    for (const line of order.lines) {
      if (awaitsWeighing(line) && !line.missing) lines.push({ orderId: order.orderId, basketNumber: order.basketNumber, memberName: order.member.name, line });
    }
  }
  return lines.sort((a, b) => compareText(a.line.productName, b.line.productName) || a.basketNumber - b.basketNumber);
}

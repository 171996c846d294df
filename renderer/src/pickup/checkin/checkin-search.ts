/**
 * Finding a member at the counter as the organiser types: a basket number
 * ("12") finds that basket first, then the baskets whose number starts with
 * it; words find members by name, accents and case aside. The results keep
 * the order of the day (slot, then name).
 */
import type { CheckinDay, CheckinOrder } from '../../../../shared/checkin/day';
import type { OrderLine } from '../../../../shared/model/order';
import { indexOffers, producerOf, type SheetOffer } from '../../../../shared/sheets/source';
import { compareText, matchesQuery } from '../../../../shared/text/normalise';

export interface CheckinResults {
  orders: CheckinOrder[];
  /** The order Enter collects: the only result, or the basket whose number was typed exactly. */
  target: CheckinOrder | null;
}

const BASKET = /^\s*(?:n°\s*)?(\d+)\s*$/i;

export function searchCheckin(day: CheckinDay, query: string): CheckinResults {
  const all = day.groups.flatMap((group) => group.orders);
  if (query.trim() === '') return { orders: all, target: null };
  const number = BASKET.exec(query)?.[1];
  if (number !== undefined) {
    const exact = all.filter((order) => String(order.basketNumber) === number);
    const starting = all.filter((order) => String(order.basketNumber).startsWith(number) && String(order.basketNumber) !== number);
    const orders = [...exact, ...starting];
    return { orders, target: exact.length === 1 ? exact[0]! : orders.length === 1 ? orders[0]! : null };
  }
  const orders = all.filter((order) => matchesQuery(query, [order.member.name]));
  return { orders, target: orders.length === 1 ? orders[0]! : null };
}

export interface ProducerLines {
  producerId: string;
  producerName: string;
  lines: OrderLine[];
}

/** What to hand over, producer by producer (as the bags are packed); each line stays whole, for its "missing" flag. */
export function linesByProducer(lines: readonly OrderLine[], offers: readonly SheetOffer[]): ProducerLines[] {
  const index = indexOffers(offers);
  const groups = new Map<string, ProducerLines>();
  for (const line of lines) {
    const producer = producerOf(index, line.productId);
    const group = groups.get(producer.id) ?? { producerId: producer.id, producerName: producer.name, lines: [] };
    group.lines.push(line);
    groups.set(producer.id, group);
  }
  const sorted = [...groups.values()].sort((a, b) => compareText(a.producerName, b.producerName));
  for (const group of sorted) group.lines.sort((a, b) => compareText(a.productName, b.productName));
  return sorted;
}

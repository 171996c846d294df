/**
 * The distribution summary (récapitulatif): how many orders, for how much,
 * which producers come and for how much each, which offered producers have
 * nothing to bring, and how full each pickup slot is.
 */
import { lineTotal } from '../orders/totals';
import { bySlotTime } from '../slots/times';
import { compareText } from '../text/normalise';
import {
  indexOffers,
  linesTotal,
  ordersToPrint,
  producerOf,
  slotOf,
  type SheetOffer,
  type SheetOrderView,
  type SheetProducer,
  type SheetSlot,
} from './source';

export interface ProducerAmount {
  producerId: string;
  producerName: string;
  /** Orders with at least one of the producer's products. */
  orderCount: number;
  /** Units sold, all products together. */
  quantity: number;
  totalCents: number;
}

export interface SlotFilling {
  slot: SheetSlot;
  orderCount: number;
}

export interface DistributionSummary {
  orderCount: number;
  totalCents: number;
  /** The producers with something to bring, by name. */
  producers: ProducerAmount[];
  /** Offered this week, but nothing ordered: they need not come. */
  producersWithoutOrders: SheetProducer[];
  /** Every slot of the distribution in the order of the day, empty ones included. */
  slots: SlotFilling[];
  /** Orders without a (known) slot. */
  unslotted: number;
}

export function distributionSummary(
  orders: Iterable<SheetOrderView>,
  offers: Iterable<SheetOffer>,
  slots: readonly SheetSlot[] = [],
): DistributionSummary {
  const offerList = [...offers];
  const index = indexOffers(offerList);
  const slotById = new Map(slots.map((slot) => [slot.id, slot]));
  const producers = new Map<string, ProducerAmount>();
  const perSlot = new Map<string, number>();
  let unslotted = 0;
  const printed = ordersToPrint(orders);

  for (const { order } of printed) {
    const slot = slotOf(order, slotById);
    if (slot) perSlot.set(slot.id, (perSlot.get(slot.id) ?? 0) + 1);
    else unslotted += 1;
    const seen = new Set<string>();
    for (const line of order.lines) {
      const producer = producerOf(index, line.productId);
      const amount = producers.get(producer.id) ?? { producerId: producer.id, producerName: producer.name, orderCount: 0, quantity: 0, totalCents: 0 };
      if (!seen.has(producer.id)) amount.orderCount += 1;
      seen.add(producer.id);
      amount.quantity += line.quantity;
      amount.totalCents += lineTotal(line);
      producers.set(producer.id, amount);
    }
  }

  const withoutOrders = new Map<string, SheetProducer>();
  for (const { producer } of offerList) if (!producers.has(producer.id)) withoutOrders.set(producer.id, producer);

  return {
    orderCount: printed.length,
    totalCents: printed.reduce((sum, { order }) => sum + linesTotal(order.lines), 0),
    producers: [...producers.values()].sort((a, b) => compareText(a.producerName, b.producerName)),
    producersWithoutOrders: [...withoutOrders.values()].sort((a, b) => compareText(a.name, b.name)),
    slots: [...slots].sort(bySlotTime).map((slot) => ({ slot, orderCount: perSlot.get(slot.id) ?? 0 })),
    unslotted,
  };
}

/**
 * The rows of the pickup sheet (liste d'émargement) and of the bag slips:
 * per slot in the order of the day, members by name as the counter looks
 * them up (French collation: accents and case do not reorder "Émile" after
 * "Zoé"), each with what to hand over grouped by producer, and the total.
 */
import { bySlotTime } from '../slots/times';
import { compareText } from '../text/normalise';
import {
  addWeight,
  indexOffers,
  linesTotal,
  ordersToPrint,
  producerOf,
  slotOf,
  type SheetOffer,
  type SheetOrderView,
  type SheetSlot,
  type SheetWeight,
} from './source';

export interface PickupItem {
  productId: string;
  productName: string;
  quantity: number;
  /** Sold by weight: estimated and weighed; null for a product sold by the unit. */
  weight: SheetWeight | null;
}

export interface PickupProducerItems {
  producerId: string;
  producerName: string;
  items: PickupItem[];
}

export interface PickupRow {
  orderId: string;
  basketNumber: number;
  name: string;
  phone: string;
  note: string;
  /** In a full slot by the organiser's override. */
  slotOverride: boolean;
  producers: PickupProducerItems[];
  totalCents: number;
}

export interface PickupGroup {
  /** null = the orders without a slot (all of them while the distribution has no slots). */
  slot: SheetSlot | null;
  rows: PickupRow[];
}

function pickupRow({ order, member }: SheetOrderView, offers: ReturnType<typeof indexOffers>): PickupRow {
  const producers = new Map<string, PickupProducerItems>();
  for (const line of order.lines) {
    const producer = producerOf(offers, line.productId);
    const entry = producers.get(producer.id) ?? { producerId: producer.id, producerName: producer.name, items: [] };
    // One product on two lines (added twice) is handed over as one quantity.
    const item = entry.items.find((candidate) => candidate.productId === line.productId);
    if (item) {
      item.quantity += line.quantity;
      item.weight = addWeight(item.weight, line);
    } else entry.items.push({ productId: line.productId, productName: line.productName, quantity: line.quantity, weight: addWeight(null, line) });
    producers.set(producer.id, entry);
  }
  const grouped = [...producers.values()].sort((a, b) => compareText(a.producerName, b.producerName));
  for (const entry of grouped) entry.items.sort((a, b) => compareText(a.productName, b.productName));
  return {
    orderId: order.id,
    basketNumber: order.basketNumber,
    name: member.name,
    phone: member.phone,
    note: order.note ?? '',
    slotOverride: order.slotOverride ?? false,
    producers: grouped,
    totalCents: linesTotal(order.lines),
  };
}

const byName = (a: PickupRow, b: PickupRow) => compareText(a.name, b.name) || a.basketNumber - b.basketNumber;

/**
 * Cancelled and empty orders are left out. Slots without orders print no
 * group; the orders without a (known) slot come last, under their own heading.
 */
export function pickupGroups(orders: Iterable<SheetOrderView>, offers: Iterable<SheetOffer>, slots: readonly SheetSlot[] = []): PickupGroup[] {
  const index = indexOffers(offers);
  const slotById = new Map(slots.map((slot) => [slot.id, slot]));
  const groups = new Map<SheetSlot | null, PickupRow[]>();
  for (const view of ordersToPrint(orders)) {
    const slot = slotOf(view.order, slotById);
    const rows = groups.get(slot) ?? [];
    rows.push(pickupRow(view, index));
    groups.set(slot, rows);
  }
  const ordered = [...slots].sort(bySlotTime).filter((slot) => groups.has(slot));
  const result: PickupGroup[] = ordered.map((slot) => ({ slot, rows: groups.get(slot)!.sort(byName) }));
  const unslotted = groups.get(null);
  if (unslotted) result.push({ slot: null, rows: unslotted.sort(byName) });
  return result;
}

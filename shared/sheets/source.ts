/**
 * What the printed sheets read of a distribution, as the smallest structural
 * types: the order model grows (slots, check-in) without these functions
 * having to follow, and the tests build their input by hand. An OrderView, an
 * OfferRow and a SlotView fit them as they are.
 */
import { isActive, lineTotal } from '../orders/totals';
import type { SaleUnit } from '../model/product';

export interface SheetLine {
  productId: string;
  productName: string;
  quantity: number;
  /** Per unit, or per kg for a line sold by weight. */
  unitPriceCents: number;
  /** Sold by weight (issue 15): the estimate of one piece; absent or null = sold by the unit. */
  pieceGrams?: number | null;
  /** The real weight of the line once weighed; absent or null = not yet. */
  weighedGrams?: number | null;
}

export interface SheetOrder {
  id: string;
  basketNumber: number;
  lines: readonly SheetLine[];
  cancelledAt: string | null;
  note?: string;
  /** The pickup slot, once orders have one; absent or null = none yet. */
  slotId?: string | null;
  /** Put in a full slot by the organiser's override: the sheet says so. */
  slotOverride?: boolean;
  /** A counter sale (issue 7): handed over when sold, from stock already on the table. */
  counter?: boolean;
}

export interface SheetOrderView {
  order: SheetOrder;
  member: { name: string; phone: string };
}

export interface SheetProducer {
  id: string;
  name: string;
}

/** One product offered in the distribution, with its producer (an OfferRow fits). */
export interface SheetOffer {
  product: { id: string; name: string; unit: SaleUnit; packDescription: string; producerId: string };
  producer: SheetProducer;
}

export interface SheetSlot {
  id: string;
  /** Local times, "17:00". */
  start: string;
  end: string;
  /** Orders the slot takes (more only by the organiser's override). */
  capacity: number;
}

/**
 * A product an offer no longer explains (it cannot happen through the services,
 * which keep an offer that has orders): it still prints, under a "?" producer,
 * rather than vanishing from a member's bag.
 */
export const UNKNOWN_PRODUCER: SheetProducer = { id: '?', name: '?' };

/**
 * The orders the sheets print: not cancelled, and with something to hand
 * over. Counter sales are left out: nobody collects them, and the producer
 * does not bring them (they were sold from what was left).
 */
export function ordersToPrint<T extends SheetOrderView>(orders: Iterable<T>): T[] {
  return [...orders].filter(({ order }) => isActive(order) && order.lines.length > 0 && !order.counter);
}

export function linesTotal(lines: readonly SheetLine[]): number {
  return lines.reduce((sum, line) => sum + lineTotal(line), 0);
}

/**
 * The weight of what a sheet row hands over, for products sold by weight
 * (issue 15): the pieces' estimate, and the weighed weight once every line
 * in the row is weighed (null while one still waits for the scale).
 */
export interface SheetWeight {
  estimatedGrams: number;
  weighedGrams: number | null;
}

/** Adds one line to a row's weight; a line sold by the unit leaves it as it is (null: nothing sold by weight). */
export function addWeight(weight: SheetWeight | null, line: SheetLine): SheetWeight | null {
  if (line.pieceGrams == null) return weight;
  const estimatedGrams = (weight?.estimatedGrams ?? 0) + line.quantity * line.pieceGrams;
  const weighed = line.weighedGrams ?? null;
  const weighedGrams = weighed === null || (weight !== null && weight.weighedGrams === null) ? null : (weight?.weighedGrams ?? 0) + weighed;
  return { estimatedGrams, weighedGrams };
}

export type OfferIndex = ReadonlyMap<string, SheetOffer>;

export function indexOffers(offers: Iterable<SheetOffer>): OfferIndex {
  return new Map([...offers].map((offer) => [offer.product.id, offer]));
}

export function producerOf(offers: OfferIndex, productId: string): SheetProducer {
  return offers.get(productId)?.producer ?? UNKNOWN_PRODUCER;
}

/** The order's slot when it is one of the distribution's; null otherwise (none yet, or a slot since removed). */
export function slotOf(order: SheetOrder, slots: ReadonlyMap<string, SheetSlot>): SheetSlot | null {
  return (order.slotId && slots.get(order.slotId)) || null;
}

import { z } from 'zod';
import { id, instant, text } from './fields';

/**
 * One line of an order. The unit price and VAT rate are frozen when the line
 * is added: a later price change in the catalogue or the offer never changes
 * what a member was told. The product name is kept too, for the printed history.
 */
export const orderLineSchema = z.strictObject({
  id,
  productId: id,
  productName: z.string().max(120),
  quantity: z.number().int().min(1).max(10_000),
  /** Per unit, or per kg for a line sold by weight (`pieceGrams` not null). */
  unitPriceCents: z.number().int().min(0).max(10_000_000),
  /**
   * Sold by weight (issue 15): the estimated grams of one piece, frozen with the
   * price; null for a line sold by the unit.
   */
  pieceGrams: z.number().int().min(1).max(100_000).nullable(),
  /** The real weight of the whole line once weighed (at the producer's delivery or at check-in); null until then. */
  weighedGrams: z.number().int().min(1).max(10_000_000).nullable(),
  vatRateBp: z.number().int().min(0).max(10_000),
  addedAt: instant,
  /** Found missing at pickup: the line is refunded (left out of the producer's sales in the settlement). */
  missing: z.strictObject({ note: text(500), at: instant }).nullable(),
});
export type OrderLine = z.infer<typeof orderLineSchema>;

export const orderSchema = z.strictObject({
  id,
  distributionId: id,
  /** null only for a counter sale to a walk-in buyer (`counter`, named by `buyerName` if they gave a name). */
  memberId: id.nullable(),
  /** Stable and unique within the distribution; never reused, even after a cancellation. */
  basketNumber: z.number().int().min(1).max(100_000),
  lines: z.array(orderLineSchema).max(500),
  note: text(2000),
  /** Recorded by the organiser outside the ordering window. */
  late: z.boolean(),
  cancelledAt: instant.nullable(),
  /** The pickup slot; null until one is given (no slots yet, or all full). */
  slotId: id.nullable(),
  /** Placed by hand: "rebalance" never moves it. */
  slotPinned: z.boolean(),
  /** Placed in a full slot by the organiser's explicit override; the screens and sheets show it. */
  slotOverride: z.boolean(),
  /** Checked off at the counter on distribution day. */
  collectedAt: instant.nullable(),
  /** Not collected by the end of the pickup, marked by the organiser. */
  noShowAt: instant.nullable(),
  /**
   * Sold at the counter from leftover stock (issue 7): it takes stock like any
   * order and counts in the settlement, but it is handed over and paid on the
   * spot, so it is on neither the pickup nor the delivery sheets.
   */
  counter: z.boolean(),
  /** A walk-in buyer's name, if given (counter sales only). */
  buyerName: text(120),
  createdAt: instant,
  updatedAt: instant,
});
export type Order = z.infer<typeof orderSchema>;

/** What an order or a line written before slots and check-in (issue 5) or counter sales (issue 7) existed takes when it loads. */
export const ORDER_DEFAULTS = {
  slotId: null,
  slotPinned: false,
  slotOverride: false,
  collectedAt: null,
  noShowAt: null,
  // Issue 7: orders written before counter sales are members' orders.
  counter: false,
  buyerName: '',
} as const;
// Issue 15: lines written before weight pricing are sold by the unit.
export const ORDER_LINE_DEFAULTS = { missing: null, pieceGrams: null, weighedGrams: null } as const;

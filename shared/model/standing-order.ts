import { z } from 'zod';
import { id, instant, localDate } from './fields';

/** One product of a standing basket: what the member wants each week, before stock says what they get. */
export const standingLineSchema = z.strictObject({
  productId: id,
  quantity: z.number().int().min(1).max(10_000),
});
export type StandingLine = z.infer<typeof standingLineSchema>;

export const STANDING_CADENCES = ['every', 'everyOtherWeek'] as const;
export type StandingCadence = (typeof STANDING_CADENCES)[number];

/**
 * A standing order (abonnement): a member's basket repeated at every
 * distribution (or every distribution of one series) until stopped. It is
 * placed when ordering opens, within stock (services/standing-orders.ts).
 * Paused: skipped until resumed. Stopped: for good, kept for history.
 */
export const standingOrderSchema = z.strictObject({
  id,
  memberId: id,
  /** null: every distribution; otherwise only those of this series. */
  seriesId: id.nullable(),
  lines: z.array(standingLineSchema).min(1).max(200),
  /** Which of those distributions: every one, or every other week counted from `from`. Older records have none (STANDING_ORDER_DEFAULTS). */
  cadence: z.enum(STANDING_CADENCES),
  /** The first pickup day of the series (the every-other-week count starts there); null: from the start. */
  from: localDate.nullable(),
  /** The last pickup day it is placed for; null: until stopped. */
  until: localDate.nullable(),
  pausedAt: instant.nullable(),
  stoppedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type StandingOrder = z.infer<typeof standingOrderSchema>;

/** What a standing order written before the series picker takes when it loads or arrives by sync: every distribution, until stopped. */
export const STANDING_ORDER_DEFAULTS = { cadence: 'every', from: null, until: null } as const;

/** Why a wanted line was not placed in full. */
export const UNPLACED_REASONS = ['notOffered', 'outOfStock', 'partial', 'orderCancelled'] as const;
export type UnplacedReason = (typeof UNPLACED_REASONS)[number];

export const unplacedLineSchema = z.strictObject({
  productId: id,
  productName: z.string().max(120),
  wanted: z.number().int().min(1).max(10_000),
  placed: z.number().int().min(0).max(10_000),
  reason: z.enum(UNPLACED_REASONS),
});
export type UnplacedLine = z.infer<typeof unplacedLineSchema>;

/**
 * A standing order placed in one distribution: remembered in the
 * distribution's file so that it is placed once, even across restarts; its id
 * is derived from the pair (standing-placement-id.ts), so two copies that
 * both place it write the same record. Lines that could not be placed are
 * kept here for the organiser to see on the orders page.
 */
export const standingPlacementSchema = z.strictObject({
  id,
  standingOrderId: id,
  distributionId: id,
  memberId: id,
  /** The order the basket went into; null when nothing could be placed. */
  orderId: id.nullable(),
  unplaced: z.array(unplacedLineSchema).max(200),
  placedAt: instant,
});
export type StandingPlacement = z.infer<typeof standingPlacementSchema>;

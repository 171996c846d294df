import { z } from 'zod';
import { basisPoints, currency, id, instant, localDate, localTime, requiredText, text } from './fields';

/** A change of a distribution's rates by the organiser: what they were, what they became, and why. */
export const rateChangeSchema = z.strictObject({
  at: instant,
  from: z.strictObject({ hostCommissionBp: basisPoints, serviceFeeBp: basisPoints }),
  to: z.strictObject({ hostCommissionBp: basisPoints, serviceFeeBp: basisPoints }),
  reason: requiredText(500),
});
export type RateChange = z.infer<typeof rateChangeSchema>;

/**
 * What the settlement of a distribution takes from the relay's settings (issue 15),
 * frozen when its ordering closed, so a later change in Réglages never rewrites
 * what a past distribution owed. The currency is kept too: the amounts mean
 * nothing without it.
 */
export const frozenRatesSchema = z.strictObject({
  hostCommissionBp: basisPoints,
  serviceFeeBp: basisPoints,
  currency,
  /** When they were taken from the relay: when ordering closed, or when the app migrated a past distribution. */
  frozenAt: instant,
});
export type FrozenRates = z.infer<typeof frozenRatesSchema>;

/**
 * One weekly sale. The pickup day and hours are local to the relay; the
 * ordering window is stored as instants, computed from the relay's time zone
 * when the distribution is planned.
 */
export const distributionSchema = z.strictObject({
  id,
  pickupDate: localDate,
  pickupStart: localTime,
  pickupEnd: localTime,
  opensAt: instant,
  closesAt: instant,
  /** The organiser closed ordering before `closesAt`; reopening clears it. */
  closedEarlyAt: instant.nullable(),
  cancelledAt: instant.nullable(),
  /** Distributions made together by "create a series" share this id. */
  seriesId: id.nullable(),
  notes: text(2000),
  /** The settlement's rates, frozen when ordering closed; null while ordering has not closed (the relay's rates apply). */
  rates: frozenRatesSchema.nullable(),
  /**
   * Rates set by hand on this distribution, oldest first; the last one is in force. A field of
   * its own, not folded into `rates`: another copy freezing the same closing later (sync is last
   * writer wins per field) must not wipe out the organiser's change.
   */
  rateChanges: z.array(rateChangeSchema).max(100),
  /** The organiser declared the settlement done (producers paid): its rates no longer change. */
  settledAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type Distribution = z.infer<typeof distributionSchema>;

/** What a distribution written before frozen rates (issue 15) takes when it loads or arrives from an older copy. */
export const DISTRIBUTION_DEFAULTS = { rates: null, rateChanges: [], settledAt: null } as const;

export const DISTRIBUTION_STATUSES = ['upcoming', 'open', 'closed', 'distributed', 'cancelled'] as const;
export type DistributionStatus = (typeof DISTRIBUTION_STATUSES)[number];

/**
 * A product offered in one distribution. `quantity` null = unlimited;
 * `priceCents` null = the catalogue price.
 */
export const offerSchema = z.strictObject({
  id,
  distributionId: id,
  productId: id,
  quantity: z.number().int().min(0).max(100_000).nullable(),
  priceCents: z.number().int().min(0).max(10_000_000).nullable(),
  /** Taken out of the sale (product archived, or the producer stopped offering it); kept for history. */
  withdrawnAt: instant.nullable(),
  updatedAt: instant,
});
export type Offer = z.infer<typeof offerSchema>;

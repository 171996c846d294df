import { z } from 'zod';
import { id, instant, localDate, localTime, text } from './fields';

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
  createdAt: instant,
  updatedAt: instant,
});
export type Distribution = z.infer<typeof distributionSchema>;

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

/**
 * The standing orders, "same as last week" and people exports part of the
 * one contract (issue 12), spread into `contract` in operations.ts.
 */
import { z } from 'zod';
import { id, localDate } from '../model/fields';
import { STANDING_CADENCES } from '../model/standing-order';
import type { PlacementView, RepeatResult, StandingOrderView } from '../standing/views';
import { operation } from './define';

const standingLines = z
  .array(
    z.strictObject({
      productId: id,
      quantity: z
        .number({ message: 'validation.number' })
        .int({ message: 'validation.wholeUnits' })
        .min(1, { message: 'validation.min' })
        .max(10_000, { message: 'validation.tooBig' }),
    }),
  )
  .min(1, { message: 'validation.standingEmpty' })
  .max(200, { message: 'validation.tooBig' });

/** Which distributions the basket repeats on (shared/standing/schedule.ts); `until` is the last pickup day, included. */
const standingSchedule = {
  cadence: z.enum(STANDING_CADENCES).default('every'),
  until: localDate.nullable().default(null),
};

const byId = z.strictObject({ id });
const exportFormat = z.strictObject({ format: z.enum(['csv', 'xlsx']) });

/** A spreadsheet the main process wrote, as bytes (an .xlsx is binary). */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export const standingOperations = {
  'standingOrders.list': operation<StandingOrderView[]>()(z.strictObject({ memberId: id }), { mutates: false }),
  /** `seriesId` null: every distribution; placed at once in a distribution whose ordering is already open. */
  'standingOrders.create': operation<StandingOrderView>()(
    z.strictObject({ memberId: id, lines: standingLines, seriesId: id.nullable().default(null), ...standingSchedule }),
    { mutates: true },
  ),
  /** The basket and, when given, which distributions it repeats on (`seriesId` null: every distribution). */
  'standingOrders.setLines': operation<StandingOrderView>()(
    z.strictObject({
      id,
      lines: standingLines,
      seriesId: id.nullable().optional(),
      cadence: standingSchedule.cadence.optional(),
      until: standingSchedule.until.optional(),
    }),
    { mutates: true },
  ),
  'standingOrders.pause': operation<StandingOrderView>()(byId, { mutates: true }),
  'standingOrders.resume': operation<StandingOrderView>()(byId, { mutates: true }),
  'standingOrders.stop': operation<StandingOrderView>()(byId, { mutates: true }),
  /** Placements of the distribution with lines that could not be placed (the orders page lists them). */
  'standingOrders.placements': operation<PlacementView[]>()(z.strictObject({ distributionId: id }), { mutates: false }),
  /** Places what is due now (offers entered after the opening); idempotent. */
  'standingOrders.place': operation<{ placed: number }>()(z.strictObject({ distributionId: id }), { mutates: true }),
  /** Producers and members as CSV or .xlsx, with the columns their imports read: export → import changes nothing. */
  'producers.export': operation<ExportedFile>()(exportFormat, { mutates: false }),
  'members.export': operation<ExportedFile>()(exportFormat, { mutates: false }),
  /** "Same as last week": the member's previous order copied into this distribution's, within stock. */
  'orders.repeatLast': operation<RepeatResult>()(z.strictObject({ distributionId: id, memberId: id }), { mutates: true }),
} as const;

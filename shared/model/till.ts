import { z } from 'zod';
import { PAYMENT_METHODS } from '../accounts/ledger';
import { id, instant, text } from './fields';

/** Cents of cash in a drawer: 100 000 € caps a typo. */
export const tillCents = z
  .number({ message: 'validation.number' })
  .int({ message: 'validation.integer' })
  .min(0, { message: 'validation.notNegative' })
  .max(10_000_000, { message: 'validation.tooBig' });

/**
 * The till of one distribution, closed (issue 7): the figures as they were at
 * that moment. A closing is never edited: a correction is a new closing that
 * names the one it corrects, and the latest one stands.
 */
export const tillClosingSchema = z.strictObject({
  id,
  distributionId: id,
  at: instant,
  floatCents: tillCents,
  countedCents: tillCents,
  /** Float plus the day's net cash payments, as computed when closing. */
  expectedCents: z.number().int(),
  differenceCents: z.number().int(),
  byMethod: z.strictObject(Object.fromEntries(PAYMENT_METHODS.map((method) => [method, z.number().int()])) as Record<(typeof PAYMENT_METHODS)[number], z.ZodNumber>),
  note: text(500),
  /** The closing this one corrects. */
  corrects: id.nullable(),
});
export type TillClosingRecord = z.infer<typeof tillClosingSchema>;

import { z } from 'zod';
import { id, instant, localTime } from './fields';

/** Orders one slot takes; 1000 caps a typo, not a real relay. */
export const slotCapacity = z
  .number({ message: 'validation.number' })
  .int({ message: 'validation.integer' })
  .min(1, { message: 'validation.min' })
  .max(1000, { message: 'validation.max' });

/** What the organiser sets on a slot; `end` after `start` is checked where a slot is made or changed. */
export const slotFields = z.strictObject({
  start: localTime,
  end: localTime,
  capacity: slotCapacity,
});
export type SlotFields = z.infer<typeof slotFields>;

/**
 * A pickup slot (créneau de retrait) of one distribution: a wall-clock window
 * of the pickup day and how many orders it takes. It lives in its
 * distribution's file, beside the offers and orders.
 */
export const pickupSlotSchema = slotFields.extend({
  id,
  distributionId: id,
  createdAt: instant,
  updatedAt: instant,
});
export type PickupSlot = z.infer<typeof pickupSlotSchema>;

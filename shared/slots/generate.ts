/**
 * Cutting the pickup window into slots of a few minutes each. The last slot
 * is shorter when the window does not divide evenly, and never runs past the
 * end of the pickup.
 */
import type { LocalTime } from '../distributions/calendar';
import type { SlotFields } from '../model/slot';
import { fromMinutes, toMinutes } from './times';

/** The lengths offered as buttons; any whole number of minutes in between is allowed too. */
export const SLOT_LENGTHS = [15, 20, 30] as const;
export const MIN_SLOT_MINUTES = 5;
export const MAX_SLOT_MINUTES = 240;

export function generateSlots(pickupStart: LocalTime, pickupEnd: LocalTime, minutes: number, capacity: number): SlotFields[] {
  if (!Number.isInteger(minutes) || minutes < MIN_SLOT_MINUTES || minutes > MAX_SLOT_MINUTES) {
    throw new RangeError(`slot length must be ${MIN_SLOT_MINUTES}–${MAX_SLOT_MINUTES} minutes, got ${minutes}`);
  }
  const end = toMinutes(pickupEnd);
  const slots: SlotFields[] = [];
  for (let start = toMinutes(pickupStart); start < end; start += minutes) {
    slots.push({ start: fromMinutes(start), end: fromMinutes(Math.min(start + minutes, end)), capacity });
  }
  return slots;
}

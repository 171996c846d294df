/**
 * Which slot an order takes: the one holding the member's preferred time if it
 * has room, otherwise the nearest slot with room. A full slot never takes an
 * order here — only the organiser's explicit override does that.
 */
import type { LocalTime } from '../distributions/calendar';
import { bySlotTime, toMinutes } from './times';

/** A slot with the number of (active) orders it holds now. */
export interface SlotLoad {
  id: string;
  start: LocalTime;
  end: LocalTime;
  capacity: number;
  count: number;
}

export const hasRoom = (slot: Pick<SlotLoad, 'capacity' | 'count'>): boolean => slot.count < slot.capacity;

/**
 * The slot for an order, or null when every slot is full (or there is none).
 * With a preferred time: the slot that holds it (start ≤ time < end) if it has
 * room, otherwise the slot with room whose start is nearest that time, the
 * earlier one on a tie. Without: the slot with room holding the fewest orders,
 * the earlier one on a tie, so orders with no preference spread out.
 */
export function assignSlot(preferred: LocalTime | null, slots: readonly SlotLoad[]): string | null {
  const open = slots.filter(hasRoom).sort(bySlotTime);
  if (open.length === 0) return null;
  if (preferred === null) {
    return open.reduce((best, slot) => (slot.count < best.count ? slot : best)).id;
  }
  const holding = open.find((slot) => slot.start <= preferred && preferred < slot.end);
  if (holding) return holding.id;
  const time = toMinutes(preferred);
  const distance = (slot: SlotLoad) => Math.abs(toMinutes(slot.start) - time);
  return open.reduce((best, slot) => (distance(slot) < distance(best) ? slot : best)).id;
}

/**
 * Slots for several orders in turn (in the order given: the service passes
 * them by basket number, first come first served), each one counting the
 * orders placed before it. Returns order id → slot id, or null when all are full.
 */
export function assignSlots(
  orders: readonly { id: string; preferred: LocalTime | null }[],
  slots: readonly SlotLoad[],
): Map<string, string | null> {
  const loads = slots.map((slot) => ({ ...slot }));
  const byId = new Map(loads.map((slot) => [slot.id, slot]));
  const placed = new Map<string, string | null>();
  for (const order of orders) {
    const slotId = assignSlot(order.preferred, loads);
    if (slotId !== null) byId.get(slotId)!.count += 1;
    placed.set(order.id, slotId);
  }
  return placed;
}

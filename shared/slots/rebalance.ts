/**
 * "Rebalance": spread the orders evenly over the slots with as few moves as
 * possible. Orders placed by hand (pinned) never move; no order is moved into
 * a slot beyond its capacity; every order that had a slot keeps one.
 *
 * First the target count of each slot: water-filling between a floor (its
 * pinned orders) and a ceiling (its capacity, or its pinned orders if the
 * organiser overrode beyond it), so the counts of the slots that can still
 * give or take differ by at most one. Where the remainder leaves a choice, the
 * slots that already hold one more keep it — so a day that is already balanced
 * moves nothing. Then the surplus of each slot moves to the nearest slot in
 * time that is short.
 */
import type { LocalTime } from '../distributions/calendar';
import { bySlotTime, toMinutes } from './times';

export interface PlacedOrder {
  id: string;
  slotId: string | null;
  slotPinned: boolean;
}

export interface SlotSize {
  id: string;
  start: LocalTime;
  end: LocalTime;
  capacity: number;
}

export interface SlotMove {
  orderId: string;
  from: string;
  to: string;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** Per slot, a count between floor and ceiling, adding up to `total` (Σ floor ≤ total ≤ Σ ceiling). */
function waterFill(floor: readonly number[], ceiling: readonly number[], current: readonly number[], total: number): number[] {
  const level = (height: number) => floor.map((low, i) => Math.min(Math.max(height, low), ceiling[i]!));
  // The highest level that does not hold more than `total`.
  let low = 0;
  let high = Math.max(0, ...ceiling);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (sum(level(middle)) <= total) low = middle;
    else high = middle - 1;
  }
  const target = level(low);
  let remainder = total - sum(target);
  // The slots that can take one more at this level; those already holding more come first (fewer moves), then by time.
  const candidates = floor
    .map((_, i) => i)
    .filter((i) => floor[i]! <= low && low < ceiling[i]!)
    .sort((a, b) => Number(current[b]! > low) - Number(current[a]! > low) || a - b);
  for (const i of candidates) {
    if (remainder === 0) break;
    target[i]! += 1;
    remainder -= 1;
  }
  return target;
}

/**
 * The moves that balance the slots. Orders pointing to no known slot are left
 * alone. Within a slot, the orders listed last move first: the service lists
 * them by basket number, so the first to order keep their slot.
 */
export function rebalance(orders: readonly PlacedOrder[], slots: readonly SlotSize[]): SlotMove[] {
  const sorted = [...slots].sort(bySlotTime);
  const indexOf = new Map(sorted.map((slot, i) => [slot.id, i]));
  const count = sorted.map(() => 0);
  const pinned = sorted.map(() => 0);
  const movable: PlacedOrder[][] = sorted.map(() => []);
  for (const order of orders) {
    const i = order.slotId === null ? undefined : indexOf.get(order.slotId);
    if (i === undefined) continue;
    count[i]! += 1;
    if (order.slotPinned) pinned[i]! += 1;
    else movable[i]!.push(order);
  }
  const total = sum(count);
  const ceiling = sorted.map((slot, i) => Math.max(slot.capacity, pinned[i]!));
  // More orders than room (overrides of unpinned orders): the excess stays where it already is.
  let excess = total - sum(ceiling);
  for (let i = 0; i < ceiling.length && excess > 0; i++) {
    const kept = Math.min(excess, Math.max(0, count[i]! - ceiling[i]!));
    ceiling[i]! += kept;
    excess -= kept;
  }
  const target = waterFill(pinned, ceiling, count, total);

  const leaving = sorted.flatMap((_, i) => movable[i]!.slice(movable[i]!.length - Math.max(0, count[i]! - target[i]!)).map((order) => ({ order, from: i })));
  const short = target.map((wanted, i) => Math.max(0, wanted - count[i]!));
  const minutes = sorted.map((slot) => toMinutes(slot.start));
  return leaving.map(({ order, from }) => {
    let to = -1;
    for (let i = 0; i < sorted.length; i++) {
      if (short[i] === 0) continue;
      if (to === -1 || Math.abs(minutes[i]! - minutes[from]!) < Math.abs(minutes[to]! - minutes[from]!)) to = i;
    }
    short[to]! -= 1;
    return { orderId: order.id, from: sorted[from]!.id, to: sorted[to]!.id };
  });
}

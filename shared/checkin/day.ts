/**
 * What the counter screen needs on distribution day, built from the
 * distribution's orders and slots: orders by slot (in the order of the day),
 * then by member name; collected / expected per slot and overall; and, for
 * the closing, the orders not collected with the members' phone numbers.
 * Cancelled orders and orders with nothing in them are not expected, nor
 * counter sales (handed over when sold).
 */
import type { Member } from '../model/member';
import type { Order, OrderLine } from '../model/order';
import type { PickupSlot } from '../model/slot';
import { bySlotTime } from '../slots/times';
import { isActive, missingTotal, orderTotal } from '../orders/totals';
import { compareText } from '../text/normalise';
import type { CounterAccount } from '../accounts/counter';
import { unweighedLines, type UnweighedLine } from './unweighed';

export interface CheckinOrder {
  orderId: string;
  basketNumber: number;
  member: Pick<Member, 'id' | 'name' | 'phone'>;
  slotId: string | null;
  slotOverride: boolean;
  note: string;
  /** Recorded outside the ordering window: the counter says "Tardive" as every list of orders does. */
  late: boolean;
  /** Each with its `missing` flag. */
  lines: OrderLine[];
  /** As ordered, from the lines. */
  totalCents: number;
  /** To refund: the lines flagged missing. */
  missingCents: number;
  collectedAt: string | null;
  noShowAt: string | null;
  /** What is due at the counter (issue 7); null when the source reads no accounts. */
  account: CounterAccount | null;
}

export interface CheckinGroup {
  /** null: the orders without a slot (all of them while the distribution has no slots). */
  slot: PickupSlot | null;
  orders: CheckinOrder[];
  collected: number;
  expected: number;
}

export interface CheckinDay {
  distributionId: string;
  pickupDate: string;
  pickupStart: string;
  pickupEnd: string;
  /** Every slot, empty ones included (their counters read 0 / 0); the orders without a slot come last, if any. */
  groups: CheckinGroup[];
  collected: number;
  expected: number;
  noShows: number;
  /** Not collected yet (no-shows included, flagged), in the same order as the groups. */
  notCollected: CheckinOrder[];
  /** Lines sold by weight not weighed yet (issue 15), to weigh before the day is closed. */
  unweighed: UnweighedLine[];
}

export interface CheckinSource {
  distribution: { id: string; pickupDate: string; pickupStart: string; pickupEnd: string };
  orders: readonly Order[];
  slots: readonly PickupSlot[];
  memberOf: (memberId: string) => Pick<Member, 'id' | 'name' | 'phone'> | undefined;
  accountOf?: (order: Order) => CounterAccount | null;
}

/** Only what the counter shows, whatever the lookup returns (a whole Member, with notes and email, does not travel). */
function memberFields(member: Pick<Member, 'id' | 'name' | 'phone'> | undefined, memberId: string): CheckinOrder['member'] {
  return member ? { id: member.id, name: member.name, phone: member.phone } : { id: memberId, name: '?', phone: '' };
}

export function checkinDay({ distribution, orders, slots, memberOf, accountOf = () => null }: CheckinSource): CheckinDay {
  const sorted = [...slots].sort(bySlotTime);
  const known = new Set(sorted.map((slot) => slot.id));
  const rows = orders
    .filter((order): order is Order & { memberId: string } => isActive(order) && order.lines.length > 0 && !order.counter && order.memberId !== null)
    .map((order): CheckinOrder => ({
      orderId: order.id,
      basketNumber: order.basketNumber,
      member: memberFields(memberOf(order.memberId), order.memberId),
      slotId: order.slotId !== null && known.has(order.slotId) ? order.slotId : null,
      slotOverride: order.slotOverride,
      note: order.note,
      late: order.late,
      lines: order.lines,
      totalCents: orderTotal(order),
      missingCents: missingTotal(order),
      collectedAt: order.collectedAt,
      noShowAt: order.noShowAt,
      account: accountOf(order),
    }))
    .sort((a, b) => compareText(a.member.name, b.member.name) || a.basketNumber - b.basketNumber);

  const group = (slot: PickupSlot | null): CheckinGroup => {
    const inSlot = rows.filter((row) => row.slotId === (slot?.id ?? null));
    return { slot, orders: inSlot, collected: inSlot.filter((row) => row.collectedAt !== null).length, expected: inSlot.length };
  };
  const groups = sorted.map(group);
  const unslotted = group(null);
  if (unslotted.expected > 0) groups.push(unslotted);

  const inOrder = groups.flatMap((entry) => entry.orders);
  return {
    distributionId: distribution.id,
    pickupDate: distribution.pickupDate,
    pickupStart: distribution.pickupStart,
    pickupEnd: distribution.pickupEnd,
    groups,
    collected: inOrder.filter((row) => row.collectedAt !== null).length,
    expected: inOrder.length,
    noShows: inOrder.filter((row) => row.noShowAt !== null).length,
    notCollected: inOrder.filter((row) => row.collectedAt === null),
    unweighed: unweighedLines(inOrder),
  };
}

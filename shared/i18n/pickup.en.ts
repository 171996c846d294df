import type { pickupFr } from './pickup.fr';

/** Messages of pickup slots and distribution day (issue 5), English. */
export const pickupEn: Record<keyof typeof pickupFr, string> = {
  'error.slotNotFound': 'This slot does not exist.',
  'error.slotOtherDistribution': 'This slot belongs to another distribution.',
  'error.slotFull': 'The {start}–{end} slot is full ({capacity, plural, one {# order} other {# orders}}). Override to place the order there anyway.',
  'error.slotNoRoom': 'The {start}–{end} slot has room for only {room} of the {count, plural, one {# order} other {# orders}} to move. Override to place them there anyway.',
  'error.slotHasOrders': 'This slot has {count, plural, one {# order} other {# orders}}: choose the slot to move them to.',
  'error.slotsHaveOrders': 'This distribution’s slots already hold {count, plural, one {# order} other {# orders}}: edit them one by one instead of generating them again.',
  'error.slotCapacityBelowOrders': 'This slot already has {count, plural, one {# order} other {# orders}}: its capacity cannot go below {count} (asked: {capacity}).',
  'error.slotEndBeforeStart': 'The slot must end after it starts ({start}).',
  'error.slotOverlaps': 'This slot overlaps the {start}–{end} slot.',
  'error.slotOutsideWindow': 'The slot must fit in the pickup hours ({pickupStart}–{pickupEnd}).',
  'error.slotMoveToSame': 'Choose another slot than the one you are removing.',
  'error.slotsFinished': 'The distribution of {date} is over or cancelled: its slots can no longer change.',
  'error.orderCollected': 'This order was collected at {time}: undo the pickup first.',
};

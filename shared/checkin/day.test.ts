import { describe, expect, it } from 'vitest';
import type { Order } from '../model/order';
import type { PickupSlot } from '../model/slot';
import { checkinDay } from './day';

const at = '2026-03-06T16:00:00.000Z';
const slot = (id: string, start: string, end: string): PickupSlot => ({ id, distributionId: 'd', start, end, capacity: 5, createdAt: at, updatedAt: at });
let basket = 0;
function order(memberId: string, slotId: string | null, fields: Partial<Order> = {}): Order {
  basket += 1;
  return {
    id: `o-${memberId}`, distributionId: 'd', memberId, basketNumber: basket, note: '', late: false, cancelledAt: null,
    slotId, slotPinned: false, slotOverride: false, collectedAt: null, noShowAt: null, counter: false, buyerName: '', createdAt: at, updatedAt: at,
    lines: [{ id: `l-${memberId}`, productId: 'p', productName: 'Carottes', quantity: 2, unitPriceCents: 250, vatRateBp: 600, addedAt: at, missing: null, pieceGrams: null, weighedGrams: null }],
    ...fields,
  };
}
const members: Record<string, { id: string; name: string; phone: string; email: string }> = {
  zoe: { id: 'zoe', name: 'Zoé', phone: '1', email: 'zoe@example.org' },
  eve: { id: 'eve', name: 'Ève', phone: '2', email: '' },
  adam: { id: 'adam', name: 'adam', phone: '3', email: '' },
  bob: { id: 'bob', name: 'Bob', phone: '4', email: '' },
};

describe('the counter’s picture of the day', () => {
  it('groups by slot in the order of the day, names fold-sorted; empty slots count 0 / 0; orders without a known slot come last', () => {
    const day = checkinDay({
      distribution: { id: 'd', pickupDate: '2026-03-06', pickupStart: '17:00', pickupEnd: '19:00' },
      slots: [slot('late', '18:00', '19:00'), slot('early', '17:00', '18:00'), slot('empty', '17:30', '17:45')],
      orders: [
        order('zoe', 'early', { collectedAt: at }),
        order('eve', 'early'),
        order('adam', 'late', { noShowAt: at }),
        order('bob', 'gone'),
        order('nobody', null, { cancelledAt: at }),
        order('empty', 'early', { lines: [] }),
      ],
      memberOf: (id) => members[id],
    });
    expect(day.groups.map((group) => [group.slot?.id ?? null, group.orders.map((row) => row.member.name), group.collected, group.expected])).toEqual([
      ['early', ['Ève', 'Zoé'], 1, 2],
      ['empty', [], 0, 0],
      ['late', ['adam'], 0, 1],
      [null, ['Bob'], 0, 1],
    ]);
    expect([day.collected, day.expected, day.noShows]).toEqual([1, 4, 1]);
    expect(day.notCollected.map((row) => [row.member.name, row.member.phone, row.noShowAt !== null])).toEqual([
      ['Ève', '2', false],
      ['adam', '3', true],
      ['Bob', '4', false],
    ]);
    // Only what the counter shows of a member travels.
    expect(day.groups[0]!.orders[1]!.member).toEqual({ id: 'zoe', name: 'Zoé', phone: '1' });
  });
});

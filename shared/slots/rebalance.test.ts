import { describe, expect, it } from 'vitest';
import { rebalance, type PlacedOrder, type SlotMove, type SlotSize } from './rebalance';

const slots: SlotSize[] = [
  { id: 'a', start: '17:00', end: '17:20', capacity: 10 },
  { id: 'b', start: '17:20', end: '17:40', capacity: 10 },
  { id: 'c', start: '17:40', end: '18:00', capacity: 10 },
];

/** `placed('a', 5)` = five orders in a, named a1…a5; pinned ones end in `*`. */
function placed(slotId: string, count: number, pinned = 0): PlacedOrder[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${slotId}${i + 1}${i < pinned ? '*' : ''}`, slotId, slotPinned: i < pinned }));
}

function counts(orders: readonly PlacedOrder[], moves: readonly SlotMove[], of: readonly SlotSize[] = slots): number[] {
  const to = new Map(moves.map((move) => [move.orderId, move.to]));
  return of.map((slot) => orders.filter((order) => (to.get(order.id) ?? order.slotId) === slot.id).length);
}

describe('rebalancing the slots', () => {
  it('spreads 9 orders all in the first slot to 3 / 3 / 3, moving the last ones to the nearest slots first', () => {
    const orders = placed('a', 9);
    const moves = rebalance(orders, slots);
    expect(counts(orders, moves)).toEqual([3, 3, 3]);
    expect(moves).toEqual([
      { orderId: 'a4', from: 'a', to: 'b' },
      { orderId: 'a5', from: 'a', to: 'b' },
      { orderId: 'a6', from: 'a', to: 'b' },
      { orderId: 'a7', from: 'a', to: 'c' },
      { orderId: 'a8', from: 'a', to: 'c' },
      { orderId: 'a9', from: 'a', to: 'c' },
    ]);
  });

  it('never moves a pinned order, even when its slot stays the fullest', () => {
    const orders = [...placed('a', 6, 5), ...placed('b', 1)];
    const moves = rebalance(orders, slots);
    expect(moves.map((move) => move.orderId)).toEqual(['a6']);
    expect(counts(orders, moves)).toEqual([5, 1, 1]);
  });

  it('never moves an order into a slot beyond its capacity', () => {
    const small: SlotSize[] = [
      { id: 'a', start: '17:00', end: '17:20', capacity: 10 },
      { id: 'b', start: '17:20', end: '17:40', capacity: 1 },
      { id: 'c', start: '17:40', end: '18:00', capacity: 2 },
    ];
    const orders = placed('a', 9);
    const moves = rebalance(orders, small);
    expect(counts(orders, moves, small)).toEqual([6, 1, 2]);
  });

  it('moves nothing when the slots are already balanced (3 / 2 / 3 stays), and nothing the second time', () => {
    const orders = [...placed('a', 3), ...placed('b', 2), ...placed('c', 3)];
    expect(rebalance(orders, slots)).toEqual([]);
    const uneven = [...placed('a', 1), ...placed('b', 7), ...placed('c', 0)];
    const moves = rebalance(uneven, slots);
    expect(moves).toHaveLength(4); // 1 / 7 / 0 → 3 / 3 / 2 (or another spread with four moves)
    const after = uneven.map((order) => ({ ...order, slotId: moves.find((move) => move.orderId === order.id)?.to ?? order.slotId }));
    expect(rebalance(after, slots)).toEqual([]);
  });

  it('an over-full slot (override) gives its unpinned extra to a slot with room; what fits nowhere stays', () => {
    const tight: SlotSize[] = [
      { id: 'a', start: '17:00', end: '17:20', capacity: 2 },
      { id: 'b', start: '17:20', end: '17:40', capacity: 1 },
    ];
    const orders = placed('a', 4);
    const moves = rebalance(orders, tight);
    expect(counts(orders, moves, tight)).toEqual([3, 1]);
  });

  it('leaves orders without a slot, or with a slot it does not know, alone', () => {
    const orders: PlacedOrder[] = [...placed('a', 4), { id: 'x', slotId: null, slotPinned: false }, { id: 'y', slotId: 'gone', slotPinned: false }];
    const moves = rebalance(orders, slots);
    expect(moves.map((move) => move.orderId)).not.toContain('x');
    expect(moves.map((move) => move.orderId)).not.toContain('y');
    expect(counts(orders, moves)).toEqual([2, 1, 1]);
  });
});

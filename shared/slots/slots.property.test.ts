/**
 * The slot rules for any day: whatever the slots, capacities, pins and
 * preferred times, assignment and rebalance never overfill a slot, never move
 * a pinned order, and never take a slot away from an order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignSlots } from './assign';
import { generateSlots } from './generate';
import { rebalance, type PlacedOrder } from './rebalance';
import { fromMinutes } from './times';

const day = fc
  .record({
    start: fc.integer({ min: 8 * 60, max: 18 * 60 }),
    length: fc.integer({ min: 15, max: 240 }),
    minutes: fc.integer({ min: 5, max: 60 }),
    capacities: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 48 }),
  })
  .map(({ start, length, minutes, capacities }) =>
    generateSlots(fromMinutes(start), fromMinutes(start + length), minutes, 1).map((slot, i) => ({
      ...slot,
      id: `s${i}`,
      capacity: capacities[i % capacities.length]!,
    })),
  );
const preferred = fc.option(fc.integer({ min: 7 * 60, max: 23 * 60 + 59 }).map(fromMinutes), { nil: null });

const countIn = (orders: readonly { slotId: string | null }[], slotId: string) => orders.filter((order) => order.slotId === slotId).length;

describe('slot rules, for any day', () => {
  it('assignment never exceeds a capacity, and leaves an order without a slot only when all are full', () => {
    fc.assert(
      fc.property(day, fc.array(preferred, { maxLength: 120 }), (slots, preferences) => {
        const placed = assignSlots(preferences.map((time, i) => ({ id: `o${i}`, preferred: time })), slots.map((slot) => ({ ...slot, count: 0 })));
        const orders = [...placed.values()].map((slotId) => ({ slotId }));
        for (const slot of slots) expect(countIn(orders, slot.id)).toBeLessThanOrEqual(slot.capacity);
        const room = slots.reduce((sum, slot) => sum + slot.capacity, 0);
        expect(orders.filter((order) => order.slotId === null).length).toBe(Math.max(0, preferences.length - room));
      }),
    );
  });

  it('rebalance: pinned orders stay, every order keeps a slot, no slot is filled past its capacity, and it is balanced and idempotent', () => {
    const placedOrders = (slotCount: number) =>
      fc.array(fc.record({ slot: fc.integer({ min: 0, max: slotCount - 1 }), pinned: fc.boolean() }), { maxLength: 100 });
    fc.assert(
      fc.property(
        day.chain((slots) => fc.tuple(fc.constant(slots), placedOrders(slots.length))),
        ([slots, picks]) => {
          // Any starting point, overrides included: slots may already be over capacity.
          const before: PlacedOrder[] = picks.map((pick, i) => ({ id: `o${i}`, slotId: slots[pick.slot]!.id, slotPinned: pick.pinned }));
          const moves = rebalance(before, slots);
          const to = new Map(moves.map((move) => [move.orderId, move.to]));
          const after = before.map((order) => ({ ...order, slotId: to.get(order.id) ?? order.slotId }));

          for (const move of moves) {
            const order = before.find((candidate) => candidate.id === move.orderId)!;
            expect(order.slotPinned).toBe(false);
            expect(move.from).toBe(order.slotId);
            expect(move.to).not.toBe(move.from);
          }
          expect(new Set(moves.map((move) => move.orderId)).size).toBe(moves.length);
          for (const order of after) expect(slots.some((slot) => slot.id === order.slotId)).toBe(true);
          for (const slot of slots) {
            const count = countIn(after, slot.id);
            // A slot that receives orders ends within its capacity; one already over it only loses.
            if (moves.some((move) => move.to === slot.id)) expect(count).toBeLessThanOrEqual(slot.capacity);
            else expect(count).toBeLessThanOrEqual(Math.max(slot.capacity, countIn(before, slot.id)));
          }
          // Balanced: no single allowed move (an unpinned order to a slot with room) would narrow a gap of two or more.
          for (const from of slots) {
            for (const into of slots) {
              const gap = countIn(after, from.id) - countIn(after, into.id);
              const canGive = after.some((order) => order.slotId === from.id && !order.slotPinned);
              const canTake = countIn(after, into.id) < into.capacity;
              if (canGive && canTake) expect(gap).toBeLessThanOrEqual(1);
            }
          }
          expect(rebalance(after, slots)).toEqual([]);
        },
      ),
    );
  });

  it('rebalance moves nothing on a day already spread evenly, wherever the extra orders sit (minimal moves)', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 4 }), fc.array(fc.boolean(), { minLength: 48, maxLength: 48 }), (slots, base, extra) => {
        const roomy = slots.map((slot) => ({ ...slot, capacity: 10 }));
        const orders: PlacedOrder[] = roomy.flatMap((slot, s) =>
          Array.from({ length: base + (extra[s] ? 1 : 0) }, (_, i) => ({ id: `${slot.id}-${i}`, slotId: slot.id, slotPinned: false })),
        );
        expect(rebalance(orders, roomy)).toEqual([]);
      }),
    );
  });
});

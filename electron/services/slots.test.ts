import { describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/contract/errors';
import type { Member } from '../../shared/model/member';
import type { Order } from '../../shared/model/order';
import type { OrderView } from '../../shared/orders/views';
import type { SlotView } from '../../shared/slots/views';
import { envelope, writeDataFile } from '../testing/fixtures';
import { pickupDay, type PickupDay } from '../testing/pickup-day';
import { call, openApp, refusal, reopened } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

const slotsOf = (day: PickupDay) => call<SlotView[]>(day.app, 'slots.list', { distributionId: day.distribution.id });
const counts = async (day: PickupDay) => (await slotsOf(day)).map((slot) => `${slot.start} ${slot.orderCount}/${slot.capacity}`);
const ordersOf = async (day: PickupDay) =>
  (await call<OrderView[]>(day.app, 'orders.list', { distributionId: day.distribution.id, includeCancelled: true })).map((view) => view.order);
const generate = (day: PickupDay, minutes: number, capacity: number) =>
  call<SlotView[]>(day.app, 'slots.generate', { distributionId: day.distribution.id, minutes, capacity });

describe('pickup slots: a distribution of 40 orders', () => {
  it('generate, assign by preferred time, move by hand, override a full slot, rebalance, remove a slot — and a reopening finds it all', async () => {
    const day = await pickupDay(await tempDir());
    const { app } = day;
    // 40 orders taken before there were slots: 20 members like 17:05, 10 like 18:30, 10 have no preference.
    const members: Member[] = [];
    for (let i = 0; i < 40; i++) {
      const preferredPickupTime = i < 20 ? '17:05' : i < 30 ? '18:30' : null;
      members.push(await day.member(`Membre ${String(i + 1).padStart(2, '0')}`, { preferredPickupTime }));
    }
    const orders: Order[] = [];
    for (const member of members) orders.push(await day.order(member));
    expect(orders.every((order) => order.slotId === null)).toBe(true);

    const slots = await generate(day, 20, 8);
    expect(slots.map((slot) => `${slot.start}–${slot.end}`)).toEqual(['17:00–17:20', '17:20–17:40', '17:40–18:00', '18:00–18:20', '18:20–18:40', '18:40–19:00']);

    const assigned = await call<{ assigned: number; withoutSlot: OrderView[] }>(app, 'orders.assignSlots', { distributionId: day.distribution.id });
    expect(assigned).toEqual({ assigned: 40, withoutSlot: [] });
    // 17:05 → 17:00 until full, then the nearest starts (17:20, 17:40); 18:30 → 18:20, then 18:40;
    // no preference → the emptiest slot each time.
    expect(await counts(day)).toEqual(['17:00 8/8', '17:20 8/8', '17:40 6/8', '18:00 5/8', '18:20 8/8', '18:40 5/8']);
    const slotOf = new Map((await ordersOf(day)).map((order) => [order.id, order.slotId]));
    const [first, second, third, fourth, fifth, sixth] = slots.map((slot) => slot.id);
    expect(orders.slice(0, 8).map((order) => slotOf.get(order.id))).toEqual(Array(8).fill(first));
    expect(orders.slice(20, 28).map((order) => slotOf.get(order.id))).toEqual(Array(8).fill(fifth));

    // The organiser moves one member by hand: pinned, no override needed.
    const moved = orders.find((order) => slotOf.get(order.id) === third)!;
    const pinned = await call<Order>(app, 'orders.moveToSlot', { orderId: moved.id, slotId: fourth, override: false });
    expect(pinned).toMatchObject({ slotId: fourth, slotPinned: true, slotOverride: false });

    // A full slot takes no more… unless the organiser overrides, and then it shows.
    const late = orders.find((order) => slotOf.get(order.id) === fifth)!;
    const refused = await refusal(app, 'orders.moveToSlot', { orderId: late.id, slotId: first, override: false });
    expect(refused).toEqual({ key: 'error.slotFull', params: { capacity: 8, start: '17:00', end: '17:20' } });
    const forced = await call<Order>(app, 'orders.moveToSlot', { orderId: late.id, slotId: first, override: true });
    expect(forced).toMatchObject({ slotId: first, slotPinned: true, slotOverride: true });
    expect(await counts(day)).toEqual(['17:00 9/8', '17:20 8/8', '17:40 5/8', '18:00 6/8', '18:20 7/8', '18:40 5/8']);

    // Rebalance spreads evenly, never past a capacity, and leaves the two pinned orders where the organiser put them.
    const balanced = await call<{ moved: number; slots: SlotView[] }>(app, 'slots.rebalance', { distributionId: day.distribution.id });
    expect(balanced.slots.map((slot) => slot.orderCount)).toEqual([7, 7, 7, 6, 7, 6]);
    expect(balanced.moved).toBe(3);
    const after = new Map((await ordersOf(day)).map((order) => [order.id, order]));
    expect(after.get(moved.id)).toMatchObject({ slotId: fourth, slotPinned: true });
    expect(after.get(late.id)).toMatchObject({ slotId: first, slotPinned: true, slotOverride: true });
    // Already balanced: a second rebalance moves nothing.
    expect((await call<{ moved: number }>(app, 'slots.rebalance', { distributionId: day.distribution.id })).moved).toBe(0);

    // Removing a slot with orders asks where they go, and the target's room is respected unless overridden.
    expect(await refusal(app, 'slots.remove', { id: sixth })).toEqual({ key: 'error.slotHasOrders', params: { count: 6 } });
    expect(await refusal(app, 'slots.remove', { id: sixth, moveTo: fifth })).toEqual({
      key: 'error.slotNoRoom',
      params: { start: '18:20', end: '18:40', room: 1, count: 6 },
    });
    const removed = await call<{ moved: number; slots: SlotView[] }>(app, 'slots.remove', { id: sixth, moveTo: fifth, override: true });
    expect(removed.moved).toBe(6);
    expect(removed.slots.map((slot) => `${slot.start} ${slot.orderCount}`)).toEqual(['17:00 7', '17:20 7', '17:40 7', '18:00 6', '18:20 13']);
    const inFifth = (await ordersOf(day)).filter((order) => order.slotId === fifth);
    expect(inFifth.filter((order) => order.slotOverride)).toHaveLength(5);

    // What a fresh open of the folder finds: the same slots, the same places, the same pins and overrides.
    const disk = await reopened(app.dataDir);
    expect(disk.all('slot').map((slot) => slot.id).sort()).toEqual([first, second, third, fourth, fifth].sort());
    const onDisk = disk.all('order');
    expect(onDisk).toHaveLength(40);
    expect(onDisk.every((order) => order.slotId !== null && order.slotId !== sixth)).toBe(true);
    expect(disk.get('order', moved.id)).toMatchObject({ slotId: fourth, slotPinned: true, slotOverride: false });
    expect(disk.get('order', late.id)).toMatchObject({ slotId: first, slotPinned: true, slotOverride: true });
    expect(onDisk.filter((order) => order.slotId === fifth)).toHaveLength(13);
  });
});

describe('pickup slots: rules at the edges', () => {
  it('a new order takes a slot at once once the distribution has slots; when all are full it waits, listed', async () => {
    const day = await pickupDay(await tempDir());
    await generate(day, 60, 1);
    const anne = await day.order(await day.member('Anne', { preferredPickupTime: '18:15' }));
    const slots = await slotsOf(day);
    expect(anne.slotId).toBe(slots[1]!.id);
    const marc = await day.order(await day.member('Marc', { preferredPickupTime: '18:15' }));
    expect(marc.slotId).toBe(slots[0]!.id); // 18:00 is full: the nearest with room
    const lea = await day.order(await day.member('Léa'));
    expect(lea.slotId).toBeNull();
    const left = await call<{ assigned: number; withoutSlot: OrderView[] }>(day.app, 'orders.assignSlots', { distributionId: day.distribution.id });
    expect(left.assigned).toBe(0);
    expect(left.withoutSlot.map((view) => view.member.name)).toEqual(['Léa']);
  });

  it('regenerating replaces empty slots, and is refused once they hold orders, saying how many', async () => {
    const day = await pickupDay(await tempDir());
    const before = await generate(day, 30, 5);
    const after = await generate(day, 20, 5);
    expect(after).toHaveLength(6);
    const disk = await reopened(day.app.dataDir);
    expect(disk.all('slot').map((slot) => slot.id).sort()).toEqual(after.map((slot) => slot.id).sort());
    expect(disk.all('slot').some((slot) => before.some((old) => old.id === slot.id))).toBe(false);

    await day.order(await day.member('Anne'));
    await day.order(await day.member('Marc'));
    expect(await refusal(day.app, 'slots.generate', { distributionId: day.distribution.id, minutes: 15, capacity: 5 })).toEqual({
      key: 'error.slotsHaveOrders',
      params: { count: 2 },
    });
    expect((await slotsOf(day)).map((slot) => slot.id)).toEqual(after.map((slot) => slot.id));
  });

  it('add and update: hours inside the pickup, no overlap, and a capacity never below the orders held', async () => {
    const day = await pickupDay(await tempDir());
    const distributionId = day.distribution.id;
    const slot = await call<SlotView>(day.app, 'slots.add', { distributionId, start: '17:00', end: '17:30', capacity: 2 });
    expect(slot).toMatchObject({ start: '17:00', end: '17:30', capacity: 2, orderCount: 0 });
    const key = (error: AppError) => [error.key, error.params, error.issues?.map((issue) => `${issue.path}: ${issue.key}`)];
    expect(key(await refusal(day.app, 'slots.add', { distributionId, start: '17:15', end: '17:45', capacity: 2 }))).toEqual([
      'error.slotOverlaps',
      { start: '17:00', end: '17:30' },
      undefined,
    ]);
    expect((await refusal(day.app, 'slots.add', { distributionId, start: '18:45', end: '19:15', capacity: 2 })).key).toBe('error.slotOutsideWindow');
    expect(key(await refusal(day.app, 'slots.add', { distributionId, start: '18:00', end: '17:45', capacity: 2 }))[2]).toEqual(['end: validation.endBeforeStart']);
    expect(key(await refusal(day.app, 'slots.add', { distributionId, start: '18:00', end: '18:30', capacity: 0 }))[2]).toEqual(['capacity: validation.min']);
    expect((await refusal(day.app, 'slots.update', { id: slot.id, changes: { start: '17:30' } })).key).toBe('error.slotEndBeforeStart');

    await day.order(await day.member('Anne'));
    await day.order(await day.member('Marc'));
    expect(await refusal(day.app, 'slots.update', { id: slot.id, changes: { capacity: 1 } })).toEqual({
      key: 'error.slotCapacityBelowOrders',
      params: { count: 2, capacity: 1 },
    });
    const wider = await call<SlotView>(day.app, 'slots.update', { id: slot.id, changes: { end: '17:45', capacity: 3 } });
    expect(wider).toMatchObject({ start: '17:00', end: '17:45', capacity: 3, orderCount: 2 });
  });

  it('a cancelled order frees its place; restored into a slot filled meanwhile, it takes another', async () => {
    const day = await pickupDay(await tempDir());
    await call(day.app, 'slots.add', { distributionId: day.distribution.id, start: '17:00', end: '17:30', capacity: 1 });
    await call(day.app, 'slots.add', { distributionId: day.distribution.id, start: '17:30', end: '18:00', capacity: 1 });
    const [early, later] = await slotsOf(day);
    const anne = await day.order(await day.member('Anne', { preferredPickupTime: '17:00' }));
    expect(anne.slotId).toBe(early!.id);
    await call(day.app, 'orders.cancel', { orderId: anne.id });
    const marc = await day.order(await day.member('Marc', { preferredPickupTime: '17:00' }));
    expect(marc.slotId).toBe(early!.id);
    const restored = await call<Order>(day.app, 'orders.restore', { orderId: anne.id });
    expect(restored).toMatchObject({ slotId: later!.id, slotPinned: false, slotOverride: false });
    expect((await slotsOf(day)).map((slot) => slot.orderCount)).toEqual([1, 1]);
  });

  it('two moves racing for the last place in a slot: exactly one wins', async () => {
    const day = await pickupDay(await tempDir());
    await call(day.app, 'slots.add', { distributionId: day.distribution.id, start: '17:00', end: '17:30', capacity: 1 });
    await call(day.app, 'slots.add', { distributionId: day.distribution.id, start: '17:30', end: '19:00', capacity: 10 });
    const [small] = await slotsOf(day);
    const orders: Order[] = [];
    for (const name of ['A', 'B', 'C']) orders.push(await day.order(await day.member(name, { preferredPickupTime: '18:00' })));
    const outcomes = await Promise.all(
      orders.map((order) => day.app.dispatch('orders.moveToSlot', { orderId: order.id, slotId: small!.id, override: false })),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok).map((outcome) => !outcome.ok && outcome.error.key)).toEqual(['error.slotFull', 'error.slotFull']);
    expect((await reopened(day.app.dataDir)).all('order').filter((order) => order.slotId === small!.id)).toHaveLength(1);
  });

  it('once the distribution is over, its slots no longer change', async () => {
    const day = await pickupDay(await tempDir());
    const [slot] = await generate(day, 60, 4);
    day.app.clock.set(new Date('2026-03-06T18:30:00.000Z')); // 19:30 Brussels: pickup over
    expect(await refusal(day.app, 'slots.update', { id: slot!.id, changes: { capacity: 5 } })).toEqual({
      key: 'error.slotsFinished',
      params: { date: '2026-03-06' },
    });
  });
});

describe('orders written before slots and check-in existed', () => {
  it('still load, with no slot, not collected and no line missing', async () => {
    const dataDir = await tempDir();
    const distributionId = '5d2c8a0e-3f4b-4c1d-9e8f-7a6b5c4d3e2f';
    const at = '2026-03-02T09:00:00.000Z';
    const distribution = {
      id: distributionId, pickupDate: '2026-03-06', pickupStart: '17:00', pickupEnd: '19:00', opensAt: at, closesAt: '2026-03-04T22:59:00.000Z',
      closedEarlyAt: null, cancelledAt: null, seriesId: null, notes: '', createdAt: at, updatedAt: at,
    };
    const line = { id: '0b7f6f0e-6c1a-4d8e-9a51-3c2b7d9e1f01', productId: '0b7f6f0e-6c1a-4d8e-9a51-3c2b7d9e1f02', productName: 'Carottes', quantity: 2, unitPriceCents: 250, vatRateBp: 600, addedAt: at };
    const order = {
      id: '0b7f6f0e-6c1a-4d8e-9a51-3c2b7d9e1f03', distributionId, memberId: '0b7f6f0e-6c1a-4d8e-9a51-3c2b7d9e1f04', basketNumber: 1,
      lines: [line], note: '', late: false, cancelledAt: null, createdAt: at, updatedAt: at,
    };
    await writeDataFile(dataDir, `distributions/${distributionId}.json`, envelope({ distribution: [distribution], order: [order] }));
    const app = await openApp(dataDir);
    expect(app.workspace.status().state).toBe('ready');
    expect(app.workspace.store.get('order', order.id)).toEqual({
      ...order,
      // Issue 15: and sold by the unit, not weighed.
      lines: [{ ...line, missing: null, pieceGrams: null, weighedGrams: null }],
      slotId: null,
      slotPinned: false,
      slotOverride: false,
      collectedAt: null,
      noShowAt: null,
      // Issue 7: an order written before counter sales is a member's order.
      counter: false,
      buyerName: '',
    });
  });
});

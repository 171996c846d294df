import { describe, expect, it, vi } from 'vitest';
import type { PickupSlot } from '../../shared/model/slot';
import type { ListedOrder } from '../../shared/orders/views';
import { useShopDays } from '../testing/shop-fixture';
import { call } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';

// machine-settings.ts (where Electron's seal lives) opens electron-store, which loads the real 'electron'.
vi.mock('electron-store', () => import('../testing/fake-electron-store'));

const tempDir = useTempDirs();
const shopDay = useShopDays();

describe('the pickup slot a member chooses on their page', () => {
  it('is published with its places left, taken within its capacity, and a full one is refused while the order is still taken', async () => {
    const day = await shopDay(await tempDir());
    const addSlot = (start: string, end: string, capacity: number) =>
      call<PickupSlot>(day.app, 'slots.add', { distributionId: day.distribution.id, start, end, capacity });
    const early = await addSlot('17:00', '18:00', 1);
    const late = await addSlot('18:00', '19:00', 2);
    const anne = await day.page((await day.member('Anne Leroy')).id);
    const paul = await day.page((await day.member('Paul Petit')).id);
    const claire = await day.page((await day.member('Claire Dubois')).id);
    await call(day.app, 'shop.sync', {});
    expect((await day.shopDocs())[0]!.slots.map((slot) => [slot.start, slot.room])).toEqual([['17:00', 1], ['18:00', 2]]);
    const slotOf = async () =>
      Object.fromEntries((await call<ListedOrder[]>(day.app, 'orders.list', { distributionId: day.distribution.id })).map((each) => [each.member.name, each.order.slotId]));

    // Anne and Paul both want the 17:00 slot, which has one place: Anne saved first.
    await paul.submit([{ productId: day.bread.id, quantity: 1 }], { slotId: early.id, submittedAt: '2026-03-04T09:00:01.000Z' });
    await anne.submit([{ productId: day.bread.id, quantity: 1 }], { slotId: early.id, submittedAt: '2026-03-04T09:00:00.000Z' });
    await call(day.app, 'shop.sync', {});
    expect(await slotOf()).toEqual({ 'Anne Leroy': early.id, 'Paul Petit': late.id });
    expect((await anne.order()).status).toMatchObject({ state: 'accepted', slot: { slotId: early.id, start: '17:00' }, slotRefused: null });
    expect((await paul.order()).status).toMatchObject({
      state: 'accepted', lines: [{ quantity: 1 }], slot: { slotId: late.id, start: '18:00' }, slotRefused: { slotId: early.id, start: '17:00', end: '18:00' },
    });
    expect((await day.shopDocs())[0]!.slots.map((slot) => slot.room)).toEqual([0, 1]);

    // Anne moves to 18:00, which frees 17:00 for Paul's second try.
    day.app.clock.advance(60_000);
    await anne.submit([{ productId: day.bread.id, quantity: 1 }], { slotId: late.id });
    day.app.clock.advance(1_000);
    await paul.submit([{ productId: day.bread.id, quantity: 1 }], { slotId: early.id });
    await call(day.app, 'shop.sync', {});
    expect(await slotOf()).toEqual({ 'Anne Leroy': late.id, 'Paul Petit': early.id });

    // Claire asks for the full 17:00 slot: her new order goes to the nearest slot with room. Asking again keeps her place.
    day.app.clock.advance(60_000);
    await claire.submit([{ productId: day.carrots.id, quantity: 1 }], { slotId: early.id });
    await call(day.app, 'shop.sync', {});
    day.app.clock.advance(60_000);
    await claire.submit([{ productId: day.carrots.id, quantity: 2 }], { slotId: early.id });
    await call(day.app, 'shop.sync', {});
    expect(await slotOf()).toEqual({ 'Anne Leroy': late.id, 'Paul Petit': early.id, 'Claire Dubois': late.id });
    expect((await claire.order()).status).toMatchObject({ lines: [{ quantity: 2 }], slot: { slotId: late.id }, slotRefused: { slotId: early.id } });
    // No slot ever holds more than its capacity.
    const views = await call<{ capacity: number; orderCount: number }[]>(day.app, 'slots.list', { distributionId: day.distribution.id });
    expect(views.map((slot) => [slot.orderCount, slot.capacity])).toEqual([[1, 1], [2, 2]]);
  });

  it('is kept out of "rebalance", like a slot the organiser chose by hand', async () => {
    const day = await shopDay(await tempDir());
    const early = await call<PickupSlot>(day.app, 'slots.add', { distributionId: day.distribution.id, start: '17:00', end: '18:00', capacity: 5 });
    await call(day.app, 'slots.add', { distributionId: day.distribution.id, start: '18:00', end: '19:00', capacity: 5 });
    const members = await Promise.all(['Anne Leroy', 'Paul Petit'].map(async (name) => day.page((await day.member(name)).id)));
    for (const page of members) await page.submit([{ productId: day.bread.id, quantity: 1 }], { slotId: early.id });
    await call(day.app, 'shop.sync', {});
    await call(day.app, 'slots.rebalance', { distributionId: day.distribution.id });
    const orders = await call<ListedOrder[]>(day.app, 'orders.list', { distributionId: day.distribution.id });
    expect(orders.map((each) => [each.order.slotId, each.order.slotPinned])).toEqual([[early.id, true], [early.id, true]]);
  });
});

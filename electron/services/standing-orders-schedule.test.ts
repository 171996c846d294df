/**
 * When the standing-orders placer works (issue 12): at the next opening of a
 * distribution's ordering, at once on a change that may make a basket due
 * (typed here or merged from another copy), and otherwise only once a quarter
 * of an hour for a laptop that slept through its timer — never every minute
 * for nothing. The waits it asks for are recorded, not slept.
 */
import { describe, expect, it } from 'vitest';
import type { DistributionView } from '../../shared/catalogue/views';
import type { Member } from '../../shared/model/member';
import type { Order } from '../../shared/model/order';
import { call, createProducer, createProduct, openApp, type TestApp } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';
import { watchedSweeper } from '../testing/watched-sweeper';
import { startPlacing } from './standing-orders';

const tempDir = useTempDirs();
const MINUTE = 60_000;
/** Monday 2 March 2026, 10:00 Brussels. */
const MONDAY = new Date('2026-03-02T09:00:00.000Z');
/** Tuesday 3 March 2026, 08:00 Brussels: Friday's ordering opens. */
const OPENS = new Date('2026-03-03T07:00:00.000Z');

async function relay() {
  const app = await openApp(await tempDir(), MONDAY);
  const producer = await createProducer(app, 'Ferme du Bois');
  const eggs = await createProduct(app, producer.id, { name: 'Œufs', priceCents: 320 });
  const friday = await call<DistributionView>(app, 'distributions.create', {
    pickupDate: '2026-03-06', pickupStart: '17:00', pickupEnd: '19:00', opens: { date: '2026-03-03', time: '08:00' }, closes: { date: '2026-03-05', time: '20:00' },
  });
  await call(app, 'offers.set', { distributionId: friday.id, productId: eggs.id, quantity: 10 });
  const anne = await call<Member>(app, 'members.create', { name: 'Anne' });
  return { app, eggs, friday, anne };
}

/** A second placer on the app's store, whose waits are recorded instead of slept; `elapse` runs one round only, so a round its own orders asked for would show. */
async function watchedPlacer(app: TestApp) {
  const { sweeper: placer, pending, elapse, logged } = await watchedSweeper(app, startPlacing);
  return { placer, pending, elapse, logged };
}

const ordersOf = (app: TestApp, distributionId: string) => call<{ order: Order }[]>(app, 'orders.list', { distributionId, includeCancelled: false });

describe('when the standing-orders placer works', () => {
  it('waits for the opening, places the basket at it, and otherwise looks only once a quarter of an hour', async () => {
    const { app, eggs, friday, anne } = await relay();
    await call(app, 'standingOrders.create', { memberId: anne.id, lines: [{ productId: eggs.id, quantity: 2 }] });
    const { placer, pending, elapse, logged } = await watchedPlacer(app);
    // Opening in 22 hours: a look in a quarter of an hour, never a sweep every minute.
    expect(pending()).toEqual([15 * MINUTE]);

    app.clock.set(new Date(OPENS.getTime() - 10 * MINUTE));
    await elapse();
    expect(pending()).toEqual([10 * MINUTE]);
    expect(await ordersOf(app, friday.id)).toEqual([]);

    app.clock.set(OPENS);
    await elapse();
    expect((await ordersOf(app, friday.id)).map(({ order }) => order.lines.map((line) => [line.productName, line.quantity]))).toEqual([[['Œufs', 2]]]);
    // Nothing left to open: the quarter-hour look only; its own orders woke nothing.
    expect(pending()).toEqual([15 * MINUTE]);
    expect(logged).toEqual([]);
    placer.stop();
    expect(pending()).toEqual([]);
  });

  it('wakes at once when a standing order is made or a distribution is moved to open sooner, and waits for its new opening', async () => {
    const { app, eggs, friday, anne } = await relay();
    const { placer, pending, elapse } = await watchedPlacer(app);
    await call(app, 'standingOrders.create', { memberId: anne.id, lines: [{ productId: eggs.id, quantity: 1 }] });
    expect(pending()).toEqual([0]);
    await elapse();
    expect(pending()).toEqual([15 * MINUTE]);

    // 10:05 in Brussels: five minutes from now.
    await call(app, 'distributions.update', { id: friday.id, changes: { opens: { date: '2026-03-02', time: '10:05' } } });
    expect(pending()).toEqual([0]);
    await elapse();
    expect(pending()).toEqual([5 * MINUTE]);
    placer.stop();
  });

  it('wakes at once when another copy’s change to the opening is merged by sync', async () => {
    const { app, eggs, friday, anne } = await relay();
    await call(app, 'standingOrders.create', { memberId: anne.id, lines: [{ productId: eggs.id, quantity: 1 }] });
    const { placer, pending, elapse } = await watchedPlacer(app);
    const laptop = '0b6f7c62-7d3c-4c4e-9a59-2a9f1f6c0d11';
    const at = new Date(MONDAY.getTime() + MINUTE).toISOString();
    const opens = new Date(MONDAY.getTime() + 7 * MINUTE).toISOString();
    const merged = await app.workspace.store.merge(
      [{ at: `${at}-0000-${laptop}`, device: laptop, entity: 'distribution', entityId: friday.id, fields: { opensAt: opens } }],
      'team',
    );
    expect(merged.applied).toHaveLength(1);
    expect(pending()).toEqual([0]);
    await elapse();
    expect(pending()).toEqual([7 * MINUTE]);
    placer.stop();
  });

  it('wakes at once on the first offer of a distribution that opened with nothing on sale, and places the basket', async () => {
    const app = await openApp(await tempDir(), OPENS);
    const producer = await createProducer(app, 'Ferme du Bois');
    const eggs = await createProduct(app, producer.id, { name: 'Œufs', priceCents: 320 });
    const friday = await call<DistributionView>(app, 'distributions.create', {
      pickupDate: '2026-03-06', pickupStart: '17:00', pickupEnd: '19:00', opens: { date: '2026-03-03', time: '08:00' }, closes: { date: '2026-03-05', time: '20:00' },
    });
    const anne = await call<Member>(app, 'members.create', { name: 'Anne' });
    await call(app, 'standingOrders.create', { memberId: anne.id, lines: [{ productId: eggs.id, quantity: 2 }] });
    const { placer, pending, elapse } = await watchedPlacer(app);
    expect(pending()).toEqual([15 * MINUTE]);
    await call(app, 'offers.set', { distributionId: friday.id, productId: eggs.id, quantity: 10 });
    expect(pending()).toEqual([0]);
    await elapse();
    expect((await ordersOf(app, friday.id)).map(({ order }) => order.lines.map((line) => [line.productName, line.quantity]))).toEqual([[['Œufs', 2]]]);
    placer.stop();
  });
});

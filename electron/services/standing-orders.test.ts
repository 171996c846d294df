import { describe, expect, it } from 'vitest';
import type { DistributionView } from '../../shared/catalogue/views';
import type { Member } from '../../shared/model/member';
import type { Order } from '../../shared/model/order';
import type { PlacementView, RepeatResult, StandingOrderView } from '../../shared/standing/views';
import { useTempDirs } from '../testing/temp-dir';
import { call, createProducer, createProduct, openApp, refusal, type TestApp } from '../testing/service-calls';

const tempDir = useTempDirs();

/**
 * Monday 2 March 2026, 10:00 Brussels. Friday's distribution opens for
 * ordering on Tuesday 3 March at 08:00 and closes Thursday evening.
 */
async function relay(start = new Date('2026-03-02T09:00:00.000Z')) {
  const app = await openApp(await tempDir(), start);
  const producer = await createProducer(app, 'Ferme du Bois');
  const carrots = await createProduct(app, producer.id, { name: 'Carottes', priceCents: 250 });
  const eggs = await createProduct(app, producer.id, { name: 'Œufs', priceCents: 320 });
  const honey = await createProduct(app, producer.id, { name: 'Miel', priceCents: 900 });
  const friday = await call<DistributionView>(app, 'distributions.create', {
    pickupDate: '2026-03-06',
    pickupStart: '17:00',
    pickupEnd: '19:00',
    opens: { date: '2026-03-03', time: '08:00' },
    closes: { date: '2026-03-05', time: '20:00' },
  });
  // Carrots are short (2), eggs plenty, honey not on sale this week.
  await call(app, 'offers.set', { distributionId: friday.id, productId: carrots.id, quantity: 2 });
  await call(app, 'offers.set', { distributionId: friday.id, productId: eggs.id, quantity: 10 });
  const anne = await call<Member>(app, 'members.create', { name: 'Anne' });
  return { app, carrots, eggs, honey, friday, anne };
}

const tuesdayMorning = new Date('2026-03-03T08:30:00.000Z');

const ordersOf = async (app: TestApp, distributionId: string) => call<{ order: Order; member: { name: string } }[]>(app, 'orders.list', { distributionId, includeCancelled: false });
const basket = (order: Order) => order.lines.map((line) => [line.productName, line.quantity]);

describe('standing orders', () => {
  it('are placed when ordering opens, within stock, with the lines that could not be placed listed, and only once', async () => {
    const { app, carrots, eggs, honey, friday, anne } = await relay();
    await call<StandingOrderView>(app, 'standingOrders.create', {
      memberId: anne.id,
      lines: [
        { productId: carrots.id, quantity: 3 },
        { productId: eggs.id, quantity: 1 },
        { productId: honey.id, quantity: 1 },
      ],
    });
    // Ordering has not opened yet: nothing is placed.
    await app.placer.sweep();
    expect(await ordersOf(app, friday.id)).toEqual([]);

    app.clock.set(tuesdayMorning);
    await app.placer.sweep();
    const [placed] = await ordersOf(app, friday.id);
    expect(basket(placed!.order)).toEqual([
      ['Carottes', 2],
      ['Œufs', 1],
    ]);
    expect(placed!.order.lines[0]!.unitPriceCents).toBe(250);
    const listed = await call<PlacementView[]>(app, 'standingOrders.placements', { distributionId: friday.id });
    expect(listed).toEqual([
      expect.objectContaining({
        memberName: 'Anne',
        unplaced: [
          expect.objectContaining({ productName: 'Carottes', wanted: 3, placed: 2, reason: 'partial' }),
          expect.objectContaining({ productName: 'Miel', wanted: 1, placed: 0, reason: 'notOffered' }),
        ],
      }),
    ]);

    // Anne takes her eggs out by hand: the next sweeps, a restart and the organiser's button leave her choice alone.
    await call(app, 'orders.removeLine', { orderId: placed!.order.id, lineId: placed!.order.lines[1]!.id });
    await app.placer.sweep();
    expect(await call(app, 'standingOrders.place', { distributionId: friday.id })).toEqual({ placed: 0 });
    await app.close();
    const again = await openApp(app.dataDir, new Date('2026-03-03T09:30:00.000Z'));
    const [after] = await ordersOf(again, friday.id);
    expect(basket(after!.order)).toEqual([['Carottes', 2]]);
    await again.close();
  });

  it('never oversells: stock taken by another member first is listed as out of stock', async () => {
    const { app, carrots, eggs, friday, anne } = await relay();
    app.clock.set(tuesdayMorning);
    const marc = await call<Member>(app, 'members.create', { name: 'Marc' });
    const marcOrder = await call<Order>(app, 'orders.open', { distributionId: friday.id, memberId: marc.id });
    await call(app, 'orders.addLine', { orderId: marcOrder.id, productId: carrots.id, quantity: 2 });
    // Created while ordering is open: this week's basket is placed at once.
    await call(app, 'standingOrders.create', { memberId: anne.id, lines: [{ productId: carrots.id, quantity: 1 }, { productId: eggs.id, quantity: 2 }] });
    const orders = await ordersOf(app, friday.id);
    const anneOrder = orders.find((row) => row.member.name === 'Anne')!.order;
    expect(basket(anneOrder)).toEqual([['Œufs', 2]]);
    const sold = orders.flatMap((row) => row.order.lines).filter((line) => line.productId === carrots.id).reduce((sum, line) => sum + line.quantity, 0);
    expect(sold).toBe(2);
    const [listed] = await call<PlacementView[]>(app, 'standingOrders.placements', { distributionId: friday.id });
    expect(listed!.unplaced).toEqual([expect.objectContaining({ productName: 'Carottes', placed: 0, reason: 'outOfStock' })]);
    await app.close();
  });

  it('a paused standing order is skipped, a resumed one placed, a stopped one never again and cannot be edited', async () => {
    const { app, eggs, friday, anne } = await relay();
    const standing = await call<StandingOrderView>(app, 'standingOrders.create', { memberId: anne.id, lines: [{ productId: eggs.id, quantity: 2 }] });
    const paused = await call<StandingOrderView>(app, 'standingOrders.pause', { id: standing.standingOrder.id });
    expect(paused.status).toBe('paused');
    app.clock.set(tuesdayMorning);
    await app.placer.sweep();
    expect(await ordersOf(app, friday.id)).toEqual([]);

    await call(app, 'standingOrders.resume', { id: standing.standingOrder.id });
    await app.placer.sweep();
    expect(basket((await ordersOf(app, friday.id))[0]!.order)).toEqual([['Œufs', 2]]);

    const stopped = await call<StandingOrderView>(app, 'standingOrders.stop', { id: standing.standingOrder.id });
    expect(stopped.status).toBe('stopped');
    expect((await refusal(app, 'standingOrders.setLines', { id: standing.standingOrder.id, lines: [{ productId: eggs.id, quantity: 1 }] })).key).toBe(
      'error.standingOrderStopped',
    );
    const next = await call<DistributionView>(app, 'distributions.create', {
      pickupDate: '2026-03-13',
      pickupStart: '17:00',
      pickupEnd: '19:00',
      opens: { date: '2026-03-03', time: '08:00' },
      closes: { date: '2026-03-12', time: '20:00' },
    });
    await call(app, 'offers.set', { distributionId: next.id, productId: eggs.id, quantity: 10 });
    await app.placer.sweep();
    expect(await ordersOf(app, next.id)).toEqual([]);
    await app.close();
  });

  it('repeat on the distributions the organiser picked: every other week, up to a last pickup day', async () => {
    const { app, eggs, friday, anne } = await relay();
    const later: Record<string, string> = {};
    for (const pickupDate of ['2026-03-13', '2026-03-20', '2026-03-27', '2026-04-03']) {
      const distribution = await call<DistributionView>(app, 'distributions.create', {
        pickupDate, pickupStart: '17:00', pickupEnd: '19:00', opens: { date: '2026-03-03', time: '08:00' }, closes: { date: pickupDate, time: '12:00' },
      });
      await call(app, 'offers.set', { distributionId: distribution.id, productId: eggs.id, quantity: 10 });
      later[pickupDate] = distribution.id;
    }
    const standing = await call<StandingOrderView>(app, 'standingOrders.create', {
      memberId: anne.id, lines: [{ productId: eggs.id, quantity: 2 }], cadence: 'everyOtherWeek', until: '2026-03-27',
    });
    expect(standing.standingOrder).toMatchObject({ cadence: 'everyOtherWeek', from: '2026-03-02', until: '2026-03-27' });
    app.clock.set(tuesdayMorning);
    await app.placer.sweep();
    const placedOn = async (distributionId: string) => (await ordersOf(app, distributionId)).map((row) => basket(row.order));
    expect([await placedOn(friday.id), ...(await Promise.all(Object.values(later).map(placedOn)))]).toEqual([
      [[['Œufs', 2]]], [], [[['Œufs', 2]]], [], [],
    ]);
    // A last day already past is refused, and nothing changes.
    expect((await refusal(app, 'standingOrders.setLines', { id: standing.standingOrder.id, lines: [{ productId: eggs.id, quantity: 2 }], until: '2026-03-01' })).key).toBe(
      'error.standingUntilPast',
    );
    await app.close();
  });

  it('follow the distribution series the organiser picked: placed at its openings only, not at a distribution outside it', async () => {
    const { app, eggs, friday, anne } = await relay();
    // Tuesday pickups, made as a series; the first one opens for ordering together with Friday's.
    const tuesdays = await call<DistributionView[]>(app, 'distributions.createSeries', {
      from: '2026-03-10', weekday: 2, weeks: 2, pickupStart: '16:00', pickupEnd: '18:00',
    });
    await call(app, 'distributions.update', { id: tuesdays[0]!.id, changes: { opens: { date: '2026-03-03', time: '08:00' }, closes: { date: '2026-03-09', time: '20:00' } } });
    await call(app, 'offers.set', { distributionId: tuesdays[0]!.id, productId: eggs.id, quantity: 10 });
    const standing = await call<StandingOrderView>(app, 'standingOrders.create', {
      memberId: anne.id, lines: [{ productId: eggs.id, quantity: 2 }], seriesId: tuesdays[0]!.seriesId,
    });
    expect(standing.standingOrder.seriesId).toBe(tuesdays[0]!.seriesId);

    app.clock.set(tuesdayMorning);
    await app.placer.sweep();
    expect((await ordersOf(app, tuesdays[0]!.id)).map((row) => basket(row.order))).toEqual([[['Œufs', 2]]]);
    expect(await ordersOf(app, friday.id)).toEqual([]);
    expect(await call(app, 'standingOrders.place', { distributionId: friday.id })).toEqual({ placed: 0 });

    // Following every distribution again: Friday's basket is placed too.
    await call(app, 'standingOrders.setLines', { id: standing.standingOrder.id, lines: [{ productId: eggs.id, quantity: 2 }], seriesId: null });
    expect(await call(app, 'standingOrders.place', { distributionId: friday.id })).toEqual({ placed: 1 });
    // A series that does not exist is refused, and the standing order is left as it was.
    const unknown = '6f1c2b3a-4d5e-4f60-8a71-9b8c7d6e5f40';
    expect((await refusal(app, 'standingOrders.setLines', { id: standing.standingOrder.id, lines: [{ productId: eggs.id, quantity: 1 }], seriesId: unknown })).key).toBe(
      'error.seriesNotFound',
    );
    expect((await refusal(app, 'standingOrders.create', { memberId: anne.id, lines: [{ productId: eggs.id, quantity: 1 }], seriesId: unknown })).key).toBe('error.seriesNotFound');
    const [kept] = await call<StandingOrderView[]>(app, 'standingOrders.list', { memberId: anne.id });
    expect(kept!.standingOrder).toMatchObject({ seriesId: null, lines: [{ productId: eggs.id, quantity: 2 }] });
    await app.close();
  });

  it('refuses an empty basket and an unknown product, and changes nothing', async () => {
    const { app, anne } = await relay();
    expect((await refusal(app, 'standingOrders.create', { memberId: anne.id, lines: [] })).key).toBe('error.invalidInput');
    expect((await refusal(app, 'standingOrders.create', { memberId: anne.id, lines: [{ productId: anne.id, quantity: 1 }] })).key).toBe('error.productNotFound');
    expect(await call(app, 'standingOrders.list', { memberId: anne.id })).toEqual([]);
    await app.close();
  });

  it('refuses to list the standing orders of a member this copy does not hold rather than answering “none”', async () => {
    const { app, carrots } = await relay();
    expect((await refusal(app, 'standingOrders.list', { memberId: carrots.id })).key).toBe('error.memberNotFound');
    await app.close();
  });
});

describe('same as last week', () => {
  it('copies the member’s previous order within stock, lists what cannot be placed, and adds nothing when asked twice', async () => {
    // Tuesday 24 February: last week's distribution is open.
    const { app, carrots, eggs, honey, friday, anne } = await relay(new Date('2026-02-24T09:00:00.000Z'));
    const lastWeek = await call<DistributionView>(app, 'distributions.create', {
      pickupDate: '2026-02-27',
      pickupStart: '17:00',
      pickupEnd: '19:00',
      opens: { date: '2026-02-23', time: '08:00' },
      closes: { date: '2026-02-26', time: '20:00' },
    });
    await call(app, 'offers.set', { distributionId: lastWeek.id, productId: carrots.id, quantity: 10 });
    await call(app, 'offers.set', { distributionId: lastWeek.id, productId: eggs.id, quantity: 10 });
    await call(app, 'offers.set', { distributionId: lastWeek.id, productId: honey.id, quantity: 10 });
    const old = await call<Order>(app, 'orders.open', { distributionId: lastWeek.id, memberId: anne.id });
    for (const [product, quantity] of [[carrots, 3], [eggs, 1], [honey, 1]] as const) {
      await call(app, 'orders.addLine', { orderId: old.id, productId: product.id, quantity });
    }

    app.clock.set(tuesdayMorning);
    const result = await call<RepeatResult>(app, 'orders.repeatLast', { distributionId: friday.id, memberId: anne.id });
    expect(result).toMatchObject({ fromPickupDate: '2026-02-27', placed: 2 });
    expect(result.unplaced.map((line) => [line.productName, line.reason])).toEqual([
      ['Carottes', 'partial'],
      ['Miel', 'notOffered'],
    ]);
    const order = await call<{ order: Order }>(app, 'orders.get', { orderId: result.orderId });
    expect(basket(order.order)).toEqual([
      ['Carottes', 2],
      ['Œufs', 1],
    ]);

    const twice = await call<RepeatResult>(app, 'orders.repeatLast', { distributionId: friday.id, memberId: anne.id });
    expect(twice.placed).toBe(0);
    expect(basket((await call<{ order: Order }>(app, 'orders.get', { orderId: result.orderId })).order)).toEqual([
      ['Carottes', 2],
      ['Œufs', 1],
    ]);
    await app.close();
  });

  it('says so when the member has no earlier order', async () => {
    const { app, friday, anne } = await relay();
    app.clock.set(tuesdayMorning);
    expect(await refusal(app, 'orders.repeatLast', { distributionId: friday.id, memberId: anne.id })).toMatchObject({
      key: 'error.noPreviousOrder',
      params: { name: 'Anne' },
    });
    await app.close();
  });
});

import { describe, expect, it } from 'vitest';
import type { CheckinDay } from '../../shared/checkin/day';
import type { Order } from '../../shared/model/order';
import type { DistributionSettlement } from '../../shared/settlement/distribution';
import { PICKUP_UNDER_WAY, pickupDay } from '../testing/pickup-day';
import { call, openApp, refusal, reopened } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

/** Five members over two slots, ordered on Wednesday; the counter opens on Friday at 17:30. */
async function counterOpen() {
  const day = await pickupDay(await tempDir());
  await call(day.app, 'slots.generate', { distributionId: day.distribution.id, minutes: 60, capacity: 10 });
  const order = async (name: string, preferredPickupTime: string, phone: string, bread = 0) =>
    day.order(await day.member(name, { preferredPickupTime, phone }), [
      { product: day.carrots, quantity: 2 },
      ...(bread > 0 ? [{ product: day.bread, quantity: bread }] : []),
    ]);
  const zoe = await order('Zoé', '17:10', '0470 11 11 11', 1);
  const emile = await order('émile', '17:20', '0470 22 22 22');
  const anne = await order('Anne', '18:10', '0470 33 33 33', 2);
  const elodie = await order('Élodie', '17:40', '0470 44 44 44');
  const marc = await order('Marc', '18:40', '0470 55 55 55');
  day.app.clock.set(PICKUP_UNDER_WAY);
  return { ...day, zoe, emile, anne, elodie, marc };
}

const dayOf = (app: Parameters<typeof call>[0], distributionId: string) => call<CheckinDay>(app, 'checkin.day', { distributionId });

describe('distribution day at the counter', () => {
  it('check in five members, one item missing, a no-show and an undo; a reopening keeps it all, and the settlement refunds the missing line', async () => {
    const { app, distribution, zoe, emile, anne, elodie, marc, bread } = await counterOpen();

    // Orders by slot, then member name as the French alphabet reads (accents and case do not count).
    const before = await dayOf(app, distribution.id);
    expect(before.groups.map((group) => [group.slot?.start, group.orders.map((row) => row.member.name)])).toEqual([
      ['17:00', ['Élodie', 'émile', 'Zoé']],
      ['18:00', ['Anne', 'Marc']],
    ]);
    expect(before.groups[0]!.orders[2]).toMatchObject({ basketNumber: zoe.basketNumber, member: { name: 'Zoé', phone: '0470 11 11 11' }, totalCents: 880 });
    expect([before.collected, before.expected]).toEqual([0, 5]);

    // Ordering closed on Wednesday, yet the counter works on Friday.
    const collected = await call<Order>(app, 'checkin.collect', { orderId: zoe.id });
    expect(collected.collectedAt).toBe(PICKUP_UNDER_WAY.toISOString());
    app.clock.advance(60_000);
    // Collecting twice keeps the first time.
    expect((await call<Order>(app, 'checkin.collect', { orderId: zoe.id })).collectedAt).toBe(PICKUP_UNDER_WAY.toISOString());
    await call(app, 'checkin.collect', { orderId: emile.id });
    await call(app, 'checkin.collect', { orderId: anne.id });
    const breadLine = anne.lines.find((line) => line.productId === bread.id)!;
    const flagged = await call<Order>(app, 'checkin.markMissing', { orderId: anne.id, lineId: breadLine.id, note: 'pas livré' });
    expect(flagged.lines.find((line) => line.id === breadLine.id)!.missing).toEqual({ note: 'pas livré', at: '2026-03-06T16:31:00.000Z' });
    await call(app, 'checkin.collect', { orderId: elodie.id });
    await call(app, 'checkin.undo', { orderId: elodie.id }); // ticked by mistake

    // Closing time: who has not come, with phone numbers; Marc is marked no-show.
    app.clock.set(new Date('2026-03-06T18:05:00.000Z'));
    const closing = await dayOf(app, distribution.id);
    expect(closing.notCollected.map((row) => [row.member.name, row.member.phone])).toEqual([
      ['Élodie', '0470 44 44 44'],
      ['Marc', '0470 55 55 55'],
    ]);
    await call(app, 'checkin.noShow', { orderId: marc.id });
    expect(await refusal(app, 'checkin.noShow', { orderId: zoe.id })).toEqual({ key: 'error.orderCollected', params: { time: '17:30' } });

    const after = await dayOf(app, distribution.id);
    expect(after.groups.map((group) => [group.slot?.start, group.collected, group.expected])).toEqual([
      ['17:00', 2, 3],
      ['18:00', 1, 2],
    ]);
    expect([after.collected, after.expected, after.noShows]).toEqual([3, 5, 1]);
    const anneRow = after.groups[1]!.orders[0]!;
    expect(anneRow).toMatchObject({ totalCents: 1260, missingCents: 760 });

    // A fresh open of the folder finds the same day.
    const disk = await reopened(app.dataDir);
    expect(disk.get('order', zoe.id)?.collectedAt).toBe(PICKUP_UNDER_WAY.toISOString());
    expect(disk.get('order', elodie.id)).toMatchObject({ collectedAt: null, noShowAt: null });
    expect(disk.get('order', marc.id)?.noShowAt).toBe('2026-03-06T18:05:00.000Z');
    expect(disk.get('order', anne.id)?.lines.find((line) => line.id === breadLine.id)?.missing?.note).toBe('pas livré');
    const again = await openApp(app.dataDir, new Date('2026-03-06T18:06:00.000Z'));
    expect(await dayOf(again, distribution.id)).toEqual(after);

    // The missing bread is refunded: out of the bakery's sales, reported apart.
    const settlement = await call<DistributionSettlement>(again, 'settlement.forDistribution', { distributionId: distribution.id });
    const bakery = settlement.producers.find((row) => row.producerName === 'Boulangerie Martin')!;
    expect([bakery.grossCents, bakery.missingCents]).toEqual([380, 760]); // Zoé's loaf sold, Anne's two refunded
    expect(bakery.products).toEqual([expect.objectContaining({ productName: 'Pain', quantity: 1, grossCents: 380 })]);
    expect(settlement.totals).toMatchObject({ grossCents: 5 * 500 + 380, missingCents: 760 });

    // Found after all: clearing the flag puts the line back in the sales.
    await call(again, 'checkin.clearMissing', { orderId: anne.id, lineId: breadLine.id });
    const cleared = await call<DistributionSettlement>(again, 'settlement.forDistribution', { distributionId: distribution.id });
    expect(cleared.totals).toMatchObject({ grossCents: 5 * 500 + 3 * 380, missingCents: 0 });
  });

  it('a member marked no-show who turns up after all is collected; cancelled orders and unknown lines are refused, changing nothing', async () => {
    const { app, distribution, marc, zoe } = await counterOpen();
    await call(app, 'checkin.noShow', { orderId: marc.id });
    expect(await call<Order>(app, 'checkin.collect', { orderId: marc.id })).toMatchObject({ collectedAt: PICKUP_UNDER_WAY.toISOString(), noShowAt: null });

    app.clock.set(new Date('2026-03-04T10:00:00.000Z')); // back on Wednesday to cancel Zoé's order while ordering is open
    await call(app, 'orders.cancel', { orderId: zoe.id });
    app.clock.set(PICKUP_UNDER_WAY);
    expect((await refusal(app, 'checkin.collect', { orderId: zoe.id })).key).toBe('error.orderCancelled');
    expect((await refusal(app, 'checkin.markMissing', { orderId: marc.id, lineId: zoe.lines[0]!.id, note: '' })).key).toBe('error.lineNotFound');
    const day = await dayOf(app, distribution.id);
    expect(day.expected).toBe(4); // the cancelled order is not expected
    expect((await reopened(app.dataDir)).get('order', zoe.id)?.collectedAt).toBeNull();
  });
});

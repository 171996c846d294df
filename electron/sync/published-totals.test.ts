/**
 * The ordered totals a producer's copy keeps in its sync state (state.published)
 * are bounded like what organisers publish: distributions of the last month and
 * to come. Totals no organiser publishes any more age out instead of counting
 * forever, and a copy that becomes an organiser's counts its own orders only.
 */
import { describe, expect, it } from 'vitest';
import type { DistributionView } from '../../shared/catalogue/views';
import type { Member } from '../../shared/model/member';
import type { Order } from '../../shared/model/order';
import { enrol } from '../testing/roster';
import { call, createProducer, createProduct, openApp, refusal, type TestApp } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';
import { SyncFiles } from './state';

const tempDir = useTempDirs();
const start = new Date('2026-03-04T09:00:00.000Z');
const DAY = 86_400_000;
const sync = (app: TestApp) => call(app, 'sync.now', {});

/** The organiser's copy `a` with 3 carrots ordered, and Ferme du Bois's copy `p` that has read the published totals. */
async function producerCopyWithTotals() {
  const folder = await tempDir();
  const a = await openApp(await tempDir(), start);
  const p = await openApp(await tempDir(), start);
  await call(a, 'sync.saveSettings', { autoSyncMinutes: 0, producersFolder: folder });
  await call(p, 'sync.saveSettings', { autoSyncMinutes: 0, producersFolder: folder, role: 'producer' });
  const producer = await createProducer(a, 'Ferme du Bois');
  const product = await createProduct(a, producer.id, { name: 'Carottes' });
  const distribution = await call<DistributionView>(a, 'distributions.create', { pickupDate: '2026-03-06', pickupStart: '17:00', pickupEnd: '19:00' });
  await call(a, 'offers.set', { distributionId: distribution.id, productId: product.id, quantity: 10 });
  const member = await call<Member>(a, 'members.create', { name: 'Zoé Martin' });
  const order = await call<Order>(a, 'orders.open', { distributionId: distribution.id, memberId: member.id });
  await call(a, 'orders.addLine', { orderId: order.id, productId: product.id, quantity: 3 });
  await sync(a);
  await sync(p);
  await call(p, 'sync.saveSettings', { producerId: producer.id });
  await enrol(a, [p]);
  await sync(p);
  const published = async () => (await new SyncFiles(p.dataDir).state()).published;
  expect((await published())?.totals[distribution.id]).toEqual({ [product.id]: 3 });
  return { folder, a, p, product, distribution, published };
}

describe('the ordered totals a producer’s copy keeps', () => {
  it('age out once their distribution is more than a month past, when no organiser publishes any more', async () => {
    const { p, published } = await producerCopyWithTotals();
    p.clock.set(new Date(start.getTime() + 40 * DAY));
    await sync(p);
    expect(await published()).toBeNull();
  });

  it('stop counting on a copy that becomes an organiser’s: its stock can go down to its own orders', async () => {
    const { p, product, distribution, published } = await producerCopyWithTotals();
    const lower = { distributionId: distribution.id, productId: product.id, quantity: 1 };
    expect((await refusal(p, 'offers.set', lower)).key).toBeTruthy();
    await call(p, 'sync.saveSettings', { role: 'organiser' });
    await sync(p);
    expect(await published()).toBeNull();
    await call(p, 'offers.set', lower);
    expect(p.workspace.store.all('offer').find((offer) => offer.productId === product.id)?.quantity).toBe(1);
  });
});

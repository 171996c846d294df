/**
 * The ordered totals a producer's copy keeps in its sync state (state.published)
 * are bounded like what organisers publish: distributions of the last month and
 * to come. Totals no organiser publishes any more age out instead of counting
 * forever, and a copy that becomes an organiser's counts its own orders only.
 */
import { describe, expect, it } from 'vitest';
import { producerCopyWithOrder } from '../testing/producer-copy';
import { call, refusal, type TestApp } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';
import { SyncFiles } from './state';

const tempDir = useTempDirs();
const start = new Date('2026-03-04T09:00:00.000Z');
const DAY = 86_400_000;
const sync = (app: TestApp) => call(app, 'sync.now', {});

/** The organiser's copy `a` with 3 carrots ordered, and Ferme du Bois's copy `p` that has read the published totals. */
async function producerCopyWithTotals() {
  const { folder, a, p, product, distribution } = await producerCopyWithOrder(tempDir, start);
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

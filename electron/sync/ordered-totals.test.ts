/**
 * ordered.json, the ordered totals a producer's copy shows beside its stock, is
 * signed like every sync file (issue 13): one written by anyone else in the
 * organiser's directory is refused and listed, and the real totals stay shown.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DistributionView } from '../../shared/catalogue/views';
import type { Member } from '../../shared/model/member';
import type { Order } from '../../shared/model/order';
import type { SyncStatus } from '../../shared/sync/status';
import { canonicalJson, fnv1a64 } from '../../shared/sync/canonical';
import { enrol } from '../testing/roster';
import { call, createProducer, createProduct, openApp, type TestApp } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';
import { ROOT } from './folder';

const tempDir = useTempDirs();
const start = new Date('2026-03-04T09:00:00.000Z');
const sync = (app: TestApp) => call(app, 'sync.now', {});

/** The stock grid the producer's copy shows, as text (the ordered count is in each cell). */
async function stockGrid(p: TestApp, producerId: string): Promise<string> {
  return JSON.stringify(await call(p, 'offers.stockGrid', { producerId }));
}

describe('ordered totals in the producers folder', () => {
  it.each([
    ['unsigned', (file: Record<string, unknown>) => ({ ...file, signature: undefined })],
    ['signed by another key', (file: Record<string, unknown>) => ({ ...file, signature: Buffer.alloc(64, 7).toString('base64') })],
  ])('a file %s in the organiser’s directory is refused and listed; the signed totals stay shown', async (_, forge) => {
    const producers = await tempDir();
    const a = await openApp(await tempDir(), start);
    const p = await openApp(await tempDir(), start);
    await call(a, 'sync.saveSettings', { autoSyncMinutes: 0, producersFolder: producers });
    await call(p, 'sync.saveSettings', { autoSyncMinutes: 0, producersFolder: producers, role: 'producer' });
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
    expect(await stockGrid(p, producer.id)).toContain('"ordered":3');

    // Someone who can write in the folder replaces the organiser's totals: nothing ordered, dated later.
    const device = a.workspace.store.deviceId;
    const path = join(producers, ROOT, device, 'ordered.json');
    const real = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    const totals = { [distribution.id]: { [product.id]: 0 } };
    await writeFile(path, JSON.stringify(forge({ ...real, at: '2026-03-04T09:30:00.000Z', totals, checksum: fnv1a64(canonicalJson(totals)) })));
    p.clock.set(new Date('2026-03-04T10:00:00.000Z'));
    await sync(p);

    expect(await stockGrid(p, producer.id)).toContain('"ordered":3');
    expect((await call<SyncStatus>(p, 'sync.status', {})).setAside.refused).toContainEqual(expect.objectContaining({ code: 'badSignature', device, file: `${device}/ordered.json` }));
  });
});

/**
 * ordered.json, the ordered totals a producer's copy shows beside its stock, is
 * signed like every sync file (issue 13): one written by anyone else in the
 * organiser's directory is refused and listed, and the real totals stay shown.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/sync/status';
import { canonicalJson, fnv1a64 } from '../../shared/sync/canonical';
import { producerCopyWithOrder } from '../testing/producer-copy';
import { call, type TestApp } from '../testing/service-calls';
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
    const { folder: producers, a, p, producer, product, distribution } = await producerCopyWithOrder(tempDir, start);
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

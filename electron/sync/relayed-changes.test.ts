/**
 * Changes relayed under another copy's name (issue 13): an approved copy can put in
 * its own signed files a change stamped with the organiser's device id. Only the
 * copy it names could tell it never made it; if that copy alone refused it, the
 * copies would diverge silently. The rule (reading.ts) depends on the file's author
 * alone: a producer's copy sends only its own changes, refused on every copy
 * otherwise; an organiser's copy relays, taken on every copy.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../shared/model/change';
import { serialise } from '../../shared/sync/hlc';
import type { SyncStatus } from '../../shared/sync/status';
import { enrol, signedAs } from '../testing/roster';
import { call, createProducer, createProduct, openApp, type TestApp } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';
import { ROOT } from './folder';

const tempDir = useTempDirs();
const start = new Date('2026-03-04T09:00:00.000Z');
const later = new Date(start.getTime() + 60 * 60_000);
const sync = (app: TestApp) => call(app, 'sync.now', {});
const refused = async (app: TestApp) => (await call<SyncStatus>(app, 'sync.status', {})).setAside.refused;

/** Writes `changes` as the next batch in `copy`'s directory, signed with its key: what that copy, turned hostile, can do. */
async function forge(folder: string, copy: TestApp, changes: ChangeRecord[]): Promise<string> {
  const dir = join(folder, ROOT, copy.workspace.store.deviceId);
  const seq = (await readdir(dir)).filter((name) => name.endsWith('.batch')).length + 1;
  await writeFile(join(dir, `${String(seq).padStart(8, '0')}.batch`), await signedAs(copy, seq, changes));
  return `${copy.workspace.store.deviceId}/${String(seq).padStart(8, '0')}.batch`;
}

/** A change stamped as if `claimed`'s copy had made it, at `at`. */
function stampedBy(claimed: TestApp, at: Date, change: Omit<ChangeRecord, 'at' | 'device'>): ChangeRecord {
  const device = claimed.workspace.store.deviceId;
  return { ...change, at: serialise({ millis: at.getTime(), counter: 0, device }), device };
}

describe('a producer’s copy relaying a change under the organiser’s name', () => {
  it('is refused and listed on the organiser’s copy and on a second organiser’s copy alike, which keep the same stock', async () => {
    const folder = await tempDir();
    const [a, p, c] = [await openApp(await tempDir(), start), await openApp(await tempDir(), start), await openApp(await tempDir(), start)];
    await call(a, 'sync.saveSettings', { autoSyncMinutes: 0, producersFolder: folder });
    await call(c, 'sync.saveSettings', { autoSyncMinutes: 0, producersFolder: folder });
    await call(p, 'sync.saveSettings', { autoSyncMinutes: 0, producersFolder: folder, role: 'producer' });
    const bois = await createProducer(a, 'Ferme du Bois');
    const carrots = await createProduct(a, bois.id, { name: 'Carottes' });
    const distribution = await call<{ id: string }>(a, 'distributions.create', { pickupDate: '2026-03-06', pickupStart: '17:00', pickupEnd: '19:00' });
    await call(a, 'offers.set', { distributionId: distribution.id, productId: carrots.id, quantity: 10 });
    const offer = a.workspace.store.all('offer').find((each) => each.productId === carrots.id)!;
    await sync(a);
    await sync(p);
    await sync(c);
    await call(p, 'sync.saveSettings', { producerId: bois.id });
    await enrol(a, [p, c]);
    await sync(c);
    for (const app of [a, p, c]) app.clock.set(later);

    // Within the producer's rights (an offer of its own product), but stamped with the organiser's device id.
    const forged = stampedBy(a, later, { entity: 'offer', entityId: offer.id, fields: { quantity: 500 } });
    const file = await forge(folder, p, [forged]);
    for (const app of [a, c, a, c]) await sync(app);

    const quantity = (app: TestApp) => app.workspace.store.get('offer', offer.id)?.quantity;
    expect(quantity(a)).toBe(10);
    expect(quantity(c)).toBe(10);
    const listed = expect.objectContaining({ code: 'relayedChange', device: p.workspace.store.deviceId, file, record: `offer ${offer.id}`, value: forged.at });
    expect(await refused(a)).toContainEqual(listed);
    expect(await refused(c)).toContainEqual(listed);
    for (const app of [a, p, c]) await app.close();
  });

  it('its own offer changes still reach every copy, and its snapshot carries none of the organiser’s writes', async () => {
    const folder = await tempDir();
    const [a, p, c] = [await openApp(await tempDir(), start), await openApp(await tempDir(), start), await openApp(await tempDir(), start)];
    await call(a, 'sync.saveSettings', { autoSyncMinutes: 0, producersFolder: folder });
    await call(p, 'sync.saveSettings', { autoSyncMinutes: 0, producersFolder: folder, role: 'producer' });
    const bois = await createProducer(a, 'Ferme du Bois');
    const carrots = await createProduct(a, bois.id, { name: 'Carottes' });
    const distribution = await call<{ id: string }>(a, 'distributions.create', { pickupDate: '2026-03-06', pickupStart: '17:00', pickupEnd: '19:00' });
    await call(a, 'offers.set', { distributionId: distribution.id, productId: carrots.id, quantity: 10 });
    const offer = a.workspace.store.all('offer').find((each) => each.productId === carrots.id)!;
    await sync(a);
    await sync(p);
    await call(p, 'sync.saveSettings', { producerId: bois.id });
    await enrol(a, [p]);
    for (const app of [a, p, c]) app.clock.set(later);
    await call(p, 'offers.set', { distributionId: distribution.id, productId: carrots.id, quantity: 12 });
    await sync(p);
    await sync(a);
    // Its batch damaged in the folder: its copy writes a snapshot in its place, of its offers (the organiser created this one).
    const pDir = join(folder, ROOT, p.workspace.store.deviceId);
    const batch = (await readdir(pDir)).filter((name) => name.endsWith('.batch')).at(-1)!;
    await writeFile(join(pDir, batch), '{"format":');
    await sync(p);
    expect(await readdir(pDir)).not.toContain(batch);
    // A copy joining now reads that snapshot and the organiser's files together.
    await call(c, 'sync.saveSettings', { autoSyncMinutes: 0, producersFolder: folder });
    await sync(c);
    expect(a.workspace.store.get('offer', offer.id)?.quantity).toBe(12);
    expect(c.workspace.store.get('offer', offer.id)?.quantity).toBe(12);
    expect(await refused(a)).toEqual([]);
    expect(await refused(c)).toEqual([]);
    for (const app of [a, p, c]) await app.close();
  });
});

describe('an organiser’s copy relaying a change under another organiser’s name', () => {
  it('is taken on every copy, so they stay the same, and listed on the copy it names', async () => {
    const folder = await tempDir();
    const [a, b, c] = [await openApp(await tempDir(), start), await openApp(await tempDir(), start), await openApp(await tempDir(), start)];
    for (const app of [a, b, c]) await call(app, 'sync.saveSettings', { autoSyncMinutes: 0, teamFolder: folder });
    const producer = await createProducer(a, 'Ferme du Bois');
    await sync(a);
    await enrol(a, [b, c]);
    await sync(c);
    for (const app of [a, b, c]) app.clock.set(later);

    const forged = stampedBy(a, later, { entity: 'producer', entityId: producer.id, fields: { name: 'Piraté' } });
    const file = await forge(folder, b, [forged]);
    for (const app of [a, c, a, c]) await sync(app);

    const name = (app: TestApp) => app.workspace.store.get('producer', producer.id)?.name;
    expect(name(c)).toBe(name(a));
    expect(await refused(a)).toContainEqual(expect.objectContaining({ code: 'ownDevice', device: b.workspace.store.deviceId, file, record: `producer ${producer.id}`, value: forged.at }));
    for (const app of [a, b, c]) await app.close();
  });
});

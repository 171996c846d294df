/**
 * What the roster must also hold (issue 13): a copy the organiser removes is
 * refused from then on, and listed; two copies that each started a roster are
 * listed as a conflict, never merged; and a new copy's first trust in a roster
 * (trust on first use) is recorded, shown, and binds it from then on.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBatch, serialiseBatch } from '../../shared/sync/envelope';
import { serialise } from '../../shared/sync/hlc';
import type { SyncStatus } from '../../shared/sync/status';
import { enrol } from '../testing/roster';
import { call, createProducer, openApp, refusal, type TestApp } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';
import { ROOT } from './folder';

const tempDir = useTempDirs();
const start = new Date('2026-03-04T09:00:00.000Z');
const sync = (app: TestApp) => call(app, 'sync.now', {});
const status = (app: TestApp) => call<SyncStatus>(app, 'sync.status', {});
const names = (app: TestApp) => app.workspace.store.all('producer').map((producer) => producer.name);

async function joined(folder: string): Promise<TestApp> {
  const app = await openApp(await tempDir(), start);
  await call(app, 'sync.saveSettings', { autoSyncMinutes: 0, teamFolder: folder });
  return app;
}

describe('removing a copy from the roster', () => {
  it('keeps what it sent before; its later files are refused and listed, here and on a copy joining later', async () => {
    const folder = await tempDir();
    const a = await joined(folder);
    const b = await joined(folder);
    await enrol(a, [b]);
    await createProducer(b, 'Ferme d’avant');
    await sync(b);
    await sync(a);
    expect(names(a)).toContain('Ferme d’avant');

    const device = b.workspace.store.deviceId;
    const after = await call<SyncStatus>(a, 'sync.removeCopy', { device });
    expect(after.copies.roster.map((copy) => copy.device)).not.toContain(device);
    // Not offered for approval again either.
    expect(after.copies.awaiting).toEqual([]);

    await createProducer(b, 'Ferme d’après');
    await sync(b);
    await sync(a);
    expect(names(a)).toContain('Ferme d’avant');
    expect(names(a)).not.toContain('Ferme d’après');
    const { setAside, copies } = await status(a);
    expect(setAside.refused).toContainEqual(expect.objectContaining({ code: 'removedCopy', device }));
    expect(copies.awaiting).toEqual([]);

    const late = await joined(folder);
    await sync(late);
    expect(names(late)).not.toContain('Ferme d’après');
    expect((await status(late)).setAside.refused).toContainEqual(expect.objectContaining({ code: 'removedCopy', device }));
  });

  it('only the keeper removes, and never itself nor a copy not on the roster', async () => {
    const folder = await tempDir();
    const a = await joined(folder);
    const b = await joined(folder);
    await enrol(a, [b]);
    expect((await refusal(b, 'sync.removeCopy', { device: a.workspace.store.deviceId })).key).toBe('error.notRosterKeeper');
    expect((await refusal(a, 'sync.removeCopy', { device: a.workspace.store.deviceId })).key).toBe('error.copyNotOnRoster');
    expect((await refusal(a, 'sync.removeCopy', { device: 'c0ffee00-0000-4000-8000-000000000000' })).key).toBe('error.copyNotOnRoster');
    expect((await status(a)).copies.roster).toHaveLength(2);
  });
});

describe('two first organisers', () => {
  it('each copy lists the other’s roster as a conflict; neither is merged into the other', async () => {
    const shared = await tempDir();
    const a = await joined(shared);
    await sync(a);
    // c started its own roster in a folder of its own, then was pointed at the shared one.
    const c = await joined(await tempDir());
    await sync(c);
    await call(c, 'sync.saveSettings', { teamFolder: shared });
    await sync(c);
    await sync(a);

    const [aDevice, cDevice] = [a.workspace.store.deviceId, c.workspace.store.deviceId];
    expect((await status(a)).setAside.refused).toContainEqual(expect.objectContaining({ code: 'rivalRoster', device: cDevice, file: `${cDevice}/roster.json` }));
    expect((await status(c)).setAside.refused).toContainEqual(expect.objectContaining({ code: 'rivalRoster', device: aDevice, file: `${aDevice}/roster.json` }));
    expect((await status(a)).copies.roster.map((copy) => copy.device)).toEqual([aDevice]);
    expect((await status(c)).copies.roster.map((copy) => copy.device)).toEqual([cDevice]);
  });
});

describe('a new copy’s first trust in a roster', () => {
  it('is recorded with the keeper’s code and shown; from then on, a file not signed by a copy on that roster is refused', async () => {
    const folder = await tempDir();
    const a = await joined(folder);
    const b = await joined(folder);
    await enrol(a, [b]);
    // Someone without b's key writes an unsigned batch in b's directory.
    const device = b.workspace.store.deviceId;
    const forged = createBatch(device, 99, [
      { at: serialise({ millis: start.getTime(), counter: 0, device }), device, entity: 'producer', entityId: crypto.randomUUID(), fields: { name: 'Intrus' } },
    ]);
    const bDir = join(folder, ROOT, device);
    const seq = (await readdir(bDir)).filter((name) => name.endsWith('.batch')).length + 1;
    await writeFile(join(bDir, `${String(seq).padStart(8, '0')}.batch`), serialiseBatch({ ...forged, seq }));

    const late = await joined(folder);
    late.clock.set(new Date(start.getTime() + 60_000));
    await sync(late);
    const { copies, setAside } = await status(late);
    expect(copies.approved).toBe(false);
    expect(copies.firstTrust).toEqual({ code: (await status(a)).copies.code, at: new Date(start.getTime() + 60_000).toISOString() });
    expect(names(late)).not.toContain('Intrus');
    expect(setAside.refused).toContainEqual(expect.objectContaining({ code: 'badSignature', device, value: 'unsigned' }));
  });
});

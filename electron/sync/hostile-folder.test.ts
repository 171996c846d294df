/**
 * A shared folder is writable by everyone who has it (issue 13): what another
 * copy's directory holds is read, never trusted. Each test writes a forged or
 * damaged file the way an attacker or bad luck would, then checks what the
 * organiser's copy keeps and what its sync screen lists.
 */
import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../shared/model/change';
import { serialise } from '../../shared/sync/hlc';
import type { SyncReport, SyncStatus } from '../../shared/sync/status';
import { useTempDirs } from '../testing/temp-dir';
import { enrol, signedAs } from '../testing/roster';
import { call, createProducer, createProduct, openApp, type TestApp } from '../testing/service-calls';
import { ROOT } from './folder';
import { DAMAGED_GRACE_MS, MAX_BATCH_BYTES } from './reading';
import { MAX_PARKED, MAX_PARKED_BYTES } from './state';

const tempDir = useTempDirs();
const start = new Date('2026-03-04T09:00:00.000Z');
const sync = (app: TestApp) => call<SyncReport>(app, 'sync.now', {});
const status = (app: TestApp) => call<SyncStatus>(app, 'sync.status', {});
const problems = (report: SyncReport) => report.folders.flatMap((folder) => folder.problems);

/** The organiser's copy `a` and a second copy `b`, both synced once with one producer. */
async function twoCopies() {
  const folder = await tempDir();
  const a = await openApp(await tempDir(), start);
  const b = await openApp(await tempDir(), start);
  for (const app of [a, b]) await call(app, 'sync.saveSettings', { autoSyncMinutes: 0, teamFolder: folder });
  const producer = await createProducer(a, 'Ferme du Bois');
  await sync(a);
  await sync(b);
  await enrol(a, [b]);
  const bDir = join(folder, ROOT, b.workspace.store.deviceId);
  /** Writes the next batch file in b's directory, as b's copy (or whoever can write there) would. */
  const forge = async (changes: ChangeRecord[], claimed = b.workspace.store.deviceId) => {
    const seq = (await readdir(bDir)).filter((name) => name.endsWith('.batch')).length + 1;
    const path = join(bDir, `${String(seq).padStart(8, '0')}.batch`);
    // Signed with b's key: what b's own copy, turned hostile, can write (a forger without the key: roster.test.ts).
    await writeFile(path, await signedAs(b, seq, changes, claimed));
    return { path, file: `${b.workspace.store.deviceId}/${String(seq).padStart(8, '0')}.batch` };
  };
  return { folder, a, b, producer, bDir, forge };
}

const rename = (device: string, at: string, entityId: string, name: string): ChangeRecord => ({ at, device, entity: 'producer', entityId, fields: { name } });

describe('timestamps from another copy are read strictly', () => {
  it('an impossible timestamp is refused and listed, and does not beat the organiser’s name', async () => {
    const { a, b, producer, forge } = await twoCopies();
    const device = b.workspace.store.deviceId;
    const at = `2200-13-45T99:99:99.999Z-0000-${device}`;
    const { file } = await forge([rename(device, at, producer.id, 'Piraté')]);
    await sync(a);
    expect(a.workspace.store.get('producer', producer.id)?.name).toBe('Ferme du Bois');
    expect((await status(a)).setAside.refused).toContainEqual(expect.objectContaining({ code: 'badTimestamp', device, file, record: `producer ${producer.id}`, value: at, level: 'team' }));
  });

  it('a timestamp years ahead is refused on its own: the copy’s later changes still arrive', async () => {
    const { a, b, producer, forge } = await twoCopies();
    const device = b.workspace.store.deviceId;
    await forge([rename(device, `2200-01-01T00:00:00.000Z-0000-${device}`, producer.id, 'Piraté')]);
    await createProducer(b, 'Miellerie du Val');
    await sync(b);
    await sync(a);
    expect(a.workspace.store.get('producer', producer.id)?.name).toBe('Ferme du Bois');
    expect(a.workspace.store.all('producer').map((p) => p.name)).toContain('Miellerie du Val');
    expect((await status(a)).setAside.refused.map((entry) => entry.code)).toEqual(['futureTimestamp']);
  });
});

describe('changes from another copy are validated field by field', () => {
  it('one invalid field on a producer is refused and listed; the producer, its creation and its products reach every copy, even one joining later', async () => {
    const { folder, a, b, forge } = await twoCopies();
    const device = b.workspace.store.deviceId;
    const miellerie = await createProducer(b, 'Miellerie du Val');
    const honey = await createProduct(b, miellerie.id, { name: 'Miel de châtaignier', category: 'épicerie', unit: 'pot' });
    await sync(b);
    // b's copy (or whoever writes in its directory) then sends a distance no schema accepts, beside a valid note.
    const bad: ChangeRecord = { at: `2026-03-04T09:05:00.000Z-0000-${device}`, device, entity: 'producer', entityId: miellerie.id, fields: { distanceKm: 'far', notes: 'ruches bio' } };
    await forge([bad]);
    await sync(a);
    expect(a.workspace.store.get('producer', miellerie.id)).toMatchObject({ name: 'Miellerie du Val', distanceKm: null, notes: 'ruches bio' });
    expect(a.workspace.store.get('product', honey.id)?.name).toBe('Miel de châtaignier');
    expect((await status(a)).setAside.refused).toEqual([
      expect.objectContaining({ code: 'invalidField', device, record: `producer ${miellerie.id}`, field: 'distanceKm', value: '"far"', detail: 'validation.number', level: 'team' }),
    ]);
    expect((await status(a)).setAside.parked).toEqual([]);

    const late = await openApp(await tempDir(), start);
    await call(late, 'sync.saveSettings', { autoSyncMinutes: 0, teamFolder: folder });
    await sync(late);
    expect(late.workspace.store.get('producer', miellerie.id)).toMatchObject({ name: 'Miellerie du Val', distanceKm: null, notes: 'ruches bio' });
    expect(late.workspace.store.get('product', honey.id)?.name).toBe('Miel de châtaignier');
  });
});

describe('a refused field whose reason has parameters', () => {
  it('keeps them, so the sync screen says how long a name may be', async () => {
    const { a, b, producer, forge } = await twoCopies();
    const device = b.workspace.store.deviceId;
    await forge([{ at: `2026-03-04T09:05:00.000Z-0000-${device}`, device, entity: 'producer', entityId: producer.id, fields: { name: 'x'.repeat(121) } }]);
    await sync(a);
    expect(a.workspace.store.get('producer', producer.id)?.name).toBe('Ferme du Bois');
    expect((await status(a)).setAside.refused).toEqual([expect.objectContaining({ code: 'invalidField', field: 'name', detail: 'validation.tooLong', params: { max: 120 } })]);
  });
});

describe('an invalid value that loses to a later write', () => {
  it('is refused and listed all the same, never silently dropped', async () => {
    const { a, b, producer, forge } = await twoCopies();
    const device = b.workspace.store.deviceId;
    await forge([{ at: `2026-03-04T09:02:00.000Z-0000-${device}`, device, entity: 'producer', entityId: producer.id, fields: { distanceKm: 12 } }]);
    // Older than the write before it: it would lose anyway, and still is not a value any copy may send.
    await forge([{ at: `2026-03-04T09:01:00.000Z-0000-${device}`, device, entity: 'producer', entityId: producer.id, fields: { distanceKm: 'far' } }]);
    a.clock.set(new Date('2026-03-04T10:00:00.000Z'));
    await sync(a);
    expect(a.workspace.store.get('producer', producer.id)?.distanceKm).toBe(12);
    expect((await status(a)).setAside.refused).toEqual([expect.objectContaining({ code: 'invalidField', device, record: `producer ${producer.id}`, field: 'distanceKm', value: '"far"' })]);
  });
});

describe('a copy’s directory cannot speak for another copy', () => {
  it('changes under this copy’s own device id that it does not hold, relayed by an organiser’s copy, are listed (and taken, as every copy takes them: relayed-changes.test.ts)', async () => {
    const { a, b, producer, forge } = await twoCopies();
    const mine = a.workspace.store.deviceId;
    const at = `2026-03-04T09:01:00.000Z-0000-${mine}`;
    const { file } = await forge([rename(mine, at, producer.id, 'Piraté')]);
    await sync(a);
    expect((await status(a)).setAside.refused).toContainEqual(expect.objectContaining({ code: 'ownDevice', device: b.workspace.store.deviceId, file, record: `producer ${producer.id}`, value: at }));
  });

  it('its own changes relayed back to it are not listed (they change nothing)', async () => {
    const { a, producer, forge } = await twoCopies();
    const held = a.workspace.store.stampsOf('producer', producer.id)!._!;
    await forge([rename(a.workspace.store.deviceId, held, producer.id, 'Ferme du Bois')]);
    await sync(a);
    expect((await status(a)).setAside.refused).toEqual([]);
  });

  it('a batch claiming to be written by another copy than its directory’s is refused and listed', async () => {
    const { a, b, forge } = await twoCopies();
    const other = 'c0ffee00-0000-4000-8000-000000000000';
    const { file } = await forge([{ at: `2026-03-04T09:01:00.000Z-0000-${other}`, device: other, entity: 'producer', entityId: crypto.randomUUID(), fields: { name: 'Intrus' } }], other);
    await sync(a);
    expect(a.workspace.store.all('producer').map((p) => p.name)).not.toContain('Intrus');
    expect((await status(a)).setAside.refused).toContainEqual(expect.objectContaining({ code: 'wrongDevice', device: b.workspace.store.deviceId, file, value: other }));
  });
});

describe('damaged and oversized files', () => {
  it('a batch with a wrong checksum is named as damaged after the grace period, then replaced when that copy syncs again', async () => {
    const { a, b, bDir } = await twoCopies();
    await createProducer(b, 'Miellerie du Val');
    await sync(b);
    const path = join(bDir, '00000001.batch');
    const batch = JSON.parse(await readFile(path, 'utf8')) as { changes: ChangeRecord[] };
    batch.changes[0]!.fields.name = 'Abîmé';
    await writeFile(path, `${JSON.stringify(batch)}\n`);

    // Within the grace period it may still be arriving through the sync tool.
    await utimes(path, start, start);
    expect(problems(await sync(a)).map((problem) => problem.code)).toContain('waiting');
    a.clock.advance(DAMAGED_GRACE_MS + 60_000);
    expect(problems(await sync(a))).toContainEqual(expect.objectContaining({ code: 'damaged', device: b.workspace.store.deviceId, file: `${b.workspace.store.deviceId}/00000001.batch` }));
    expect((await status(a)).folders[0]!.problems.map((problem) => problem.code)).toEqual(['damaged']);

    await sync(b);
    expect(problems(await sync(a))).toEqual([]);
    expect(a.workspace.store.all('producer').map((p) => p.name)).toContain('Miellerie du Val');
  });

  it('a batch larger than any Cabas writes is refused by its size, unread', async () => {
    const { a, b, bDir } = await twoCopies();
    await createProducer(b, 'Miellerie du Val');
    await sync(b);
    const huge = `{"format":"cabas-sync",${' '.repeat(MAX_BATCH_BYTES)}}\n`;
    await writeFile(join(bDir, '00000002.batch'), huge);
    const report = await sync(a);
    expect(a.workspace.store.all('producer').map((p) => p.name)).toContain('Miellerie du Val');
    // Not parsed: unparsed, it is neither "still being copied" nor "not a sync file".
    expect(problems(report).map((problem) => problem.code)).toEqual(['tooLarge']);
    expect((await status(a)).setAside.refused).toContainEqual(expect.objectContaining({ code: 'tooLarge', file: `${b.workspace.store.deviceId}/00000002.batch`, value: String(huge.length) }));
  });
});

describe('changes set aside are bounded, shown and discardable', () => {
  it('a flood of changes whose records never come is capped, counted on the sync screen, and discarded by the organiser', async () => {
    const { a, b, forge } = await twoCopies();
    const device = b.workspace.store.deviceId;
    const flood = Array.from({ length: MAX_PARKED + 1_000 }, (_, i): ChangeRecord => ({
      at: serialise({ millis: start.getTime() - 60_000, counter: i, device }),
      device,
      entity: 'offer',
      entityId: crypto.randomUUID(),
      fields: { quantity: 1 },
    }));
    await forge(flood);
    await sync(a);
    await sync(a);
    const { setAside } = await status(a);
    expect(setAside.parked).toEqual([{ reason: 'recordIncomplete', count: MAX_PARKED }]);
    expect(setAside.parkedDropped).toBe(1_000);
    const stateFile = join(a.dataDir, 'sync', 'state.json');
    expect((await stat(stateFile)).size).toBeLessThan(MAX_PARKED_BYTES + 100_000);

    const after = await call<SyncStatus>(a, 'sync.discardSetAside', {});
    expect(after.setAside).toEqual({ parked: [], parkedDropped: 0, refused: [], refusedDropped: 0 });
    expect((await stat(stateFile)).size).toBeLessThan(10_000);
  });
});

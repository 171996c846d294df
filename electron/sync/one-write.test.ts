/**
 * A change on a copy that syncs is one durable write (issue 11): its sync journal entries ride
 * in the store's journal line; the sync journal's own file catches up before the store drops
 * that line, and a copy killed before then still sends the change at its next sync.
 */
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/sync/status';
import { enrol } from '../testing/roster';
import { call, createProducer, openApp, reopened, type TestApp } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();
const start = new Date('2026-03-04T09:00:00.000Z');

async function syncingCopy(folder: string, dataDir?: string): Promise<TestApp> {
  const app = await openApp(dataDir ?? (await tempDir()), start);
  await call(app, 'sync.saveSettings', { autoSyncMinutes: 0, teamFolder: folder });
  return app;
}

const lines = async (path: string): Promise<Record<string, unknown>[]> => {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
};
const storeJournal = (app: TestApp) => join(app.dataDir, 'journal.jsonl');
const syncJournal = (app: TestApp) => join(app.dataDir, 'sync', 'journal.jsonl');
const journaledIds = async (app: TestApp) => (await lines(syncJournal(app))).map((entry) => (entry.change as { entityId: string }).entityId);

describe('a change on a copy that syncs', () => {
  it('is acknowledged with one line in the store journal carrying its sync entries; the sync journal file is written at the fold', async () => {
    const app = await syncingCopy(await tempDir());
    const producer = await createProducer(app, 'Ferme du Bois');

    const line = (await lines(storeJournal(app))).at(-1)!;
    expect(line.sync).toMatchObject({ origin: null, changes: [expect.objectContaining({ entity: 'producer', entityId: producer.id })] });
    expect(await journaledIds(app)).not.toContain(producer.id);

    await app.workspace.store.fold();
    expect(await lines(storeJournal(app))).toEqual([]);
    expect(await journaledIds(app)).toContain(producer.id);
  });

  it('killed before the fold, the copy sends the change at its next sync, numbered as before', async () => {
    const folder = await tempDir();
    const organiser = await syncingCopy(folder);
    const other = await syncingCopy(folder);
    await enrol(organiser, [other]);
    await organiser.syncer.flush();
    const expectedN = ((await lines(syncJournal(organiser))).at(-1)?.n as number | undefined ?? 0) + 1;
    const producer = await createProducer(organiser, 'Ferme du Bois');

    // The folder as a kill would leave it now: the change acknowledged, nothing folded.
    const killed = await tempDir();
    await cp(organiser.dataDir, killed, { recursive: true });
    expect(await journaledIds(organiser)).not.toContain(producer.id);
    const restarted = await openApp(killed, start);

    await call(restarted, 'sync.now', {});
    await call(other, 'sync.now', {});
    expect(other.workspace.store.get('producer', producer.id)?.name).toBe('Ferme du Bois');
    await restarted.workspace.store.fold();
    const entry = (await lines(join(killed, 'sync', 'journal.jsonl'))).find((written) => (written.change as { entityId: string }).entityId === producer.id);
    expect(entry?.n).toBe(expectedN);
    const status = await call<SyncStatus>(restarted, 'sync.status', {});
    expect(status.folders.every((folderStatus) => folderStatus.problems.length === 0)).toBe(true);
  });

  it('survives a look at the folder without the app (a store opened and folded alone): the next start still sends it', async () => {
    const folder = await tempDir();
    const organiser = await syncingCopy(folder);
    const other = await syncingCopy(folder);
    await enrol(organiser, [other]);
    const producer = await createProducer(organiser, 'Ferme du Bois');
    const killed = await tempDir();
    await cp(organiser.dataDir, killed, { recursive: true });

    const look = await reopened(killed);
    expect(look.get('producer', producer.id)?.name).toBe('Ferme du Bois');
    await look.close();
    expect((await lines(join(killed, 'journal.jsonl'))).some((line) => JSON.stringify(line.sync ?? {}).includes(producer.id))).toBe(true);

    const restarted = await openApp(killed, start);
    await call(restarted, 'sync.now', {});
    await call(other, 'sync.now', {});
    expect(other.workspace.store.get('producer', producer.id)?.name).toBe('Ferme du Bois');
  });

  it('is never dropped from the store journal while its sync entries cannot be written', async () => {
    const app = await syncingCopy(await tempDir());
    const producer = await createProducer(app, 'Ferme du Bois');
    // The sync journal's file cannot be written (a directory in its place).
    await rm(syncJournal(app), { force: true });
    await mkdir(syncJournal(app));

    await expect(app.workspace.store.fold()).rejects.toThrow();
    expect((await lines(storeJournal(app))).some((line) => JSON.stringify(line.sync ?? {}).includes(producer.id))).toBe(true);

    await rm(syncJournal(app), { recursive: true });
    await app.workspace.store.fold();
    expect(await lines(storeJournal(app))).toEqual([]);
    expect(await journaledIds(app)).toContain(producer.id);
  });

  it('on a copy with no folder set, carries no sync entries', async () => {
    const app = await openApp(await tempDir(), start);
    await createProducer(app, 'Ferme du Bois');
    expect((await lines(storeJournal(app))).at(-1)).not.toHaveProperty('sync');
    await app.workspace.store.fold();
    expect(await lines(syncJournal(app))).toEqual([]);
  });
});

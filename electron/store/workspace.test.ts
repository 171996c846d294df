import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppStatus, BackupInfo } from '../../shared/contract/results';
import type { Producer } from '../../shared/model/producer';
import { manualClock, openTestBackend, type TestBackend } from '../testing/fixtures';
import { snapshotData, snapshotFolder, useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

async function value<T>(backend: TestBackend, name: string, payload: unknown = {}): Promise<T> {
  const outcome = await backend.dispatch(name, payload);
  if (!outcome.ok) throw new Error(`${name} refused: ${JSON.stringify(outcome.error)}`);
  return outcome.value as T;
}

/** A folder with two producers and today's daily backup of them, then producers.json damaged. */
async function damagedFolder() {
  const dataDir = await tempDir();
  const clock = manualClock(new Date(2026, 2, 2, 9, 0));
  const first = await openTestBackend({ dataDir, now: clock.now });
  await value(first, 'producers.create', { name: 'Ferme du Bois' });
  await value(first, 'producers.create', { name: 'Les Jardins de Marie' });
  clock.set(new Date(2026, 2, 3, 9, 0));
  // Reopening on a new day takes the daily backup of the good state, in the background.
  const second = await openTestBackend({ dataDir, now: clock.now, dailyBackup: { afterOpenMs: 0 } });
  await second.workspace.store.backupIfNewDay();
  const good = await value<Producer[]>(second, 'producers.list', {});
  const goodFiles = await snapshotData(dataDir);
  const damagedText = (await readFile(join(dataDir, 'producers.json'), 'utf8')).slice(0, 40);
  await writeFile(join(dataDir, 'producers.json'), damagedText);
  clock.set(new Date(2026, 2, 3, 10, 0));
  const backend = await openTestBackend({ dataDir, now: clock.now });
  return { dataDir, clock, backend, good, goodFiles, damagedText };
}

describe('a workspace whose data file is damaged', () => {
  it('opens in recovery and says which file and why', async () => {
    const { backend, dataDir } = await damagedFolder();
    expect(backend.workspace.inRecovery).toBe(true);
    const status = await value<AppStatus>(backend, 'app.status');
    expect(status).toMatchObject({ state: 'recovery', dataDir, problem: { file: 'producers.json', reason: 'invalidJson' } });
  });

  it('refuses every other operation, reads included, and writes nothing', async () => {
    const { backend, dataDir } = await damagedFolder();
    const before = await snapshotFolder(dataDir);
    const refused: [string, unknown][] = [
      ['producers.create', { name: 'Nouvelle ferme' }],
      ['producers.list', {}],
      ['relay.get', {}],
      ['relay.update', { name: 'Autre relais' }],
      ['backups.create', {}],
    ];
    for (const [name, payload] of refused) {
      expect(await backend.dispatch(name, payload), name).toEqual({ ok: false, error: { key: 'error.recoveryMode' } });
    }
    expect(await snapshotFolder(dataDir)).toEqual(before);
  });

  it('lists the backups, the good daily one readable', async () => {
    const { backend } = await damagedFolder();
    const backups = await value<BackupInfo[]>(backend, 'backups.list');
    expect(backups.length).toBeGreaterThan(0);
    expect(backups[0]).toMatchObject({ kind: 'daily', readable: true, files: ['producers.json'] });
  });

  it('restoring the latest good backup keeps the damaged file in damaged/ and comes back ready with the backup data', async () => {
    const { backend, dataDir, good, goodFiles, damagedText } = await damagedFolder();
    const [latest] = await value<BackupInfo[]>(backend, 'backups.list');

    const status = await value<AppStatus>(backend, 'backups.restore', { id: latest!.id });

    expect(status).toMatchObject({ state: 'ready', dataDir });
    expect(backend.workspace.inRecovery).toBe(false);
    // The damaged bytes are kept, never lost.
    const [stamp, ...others] = await readdir(join(dataDir, 'damaged'));
    expect(others).toEqual([]);
    expect(await readFile(join(dataDir, 'damaged', stamp!, 'producers.json'), 'utf8')).toBe(damagedText);
    // The live files are the backup's, and the services see them.
    expect(await snapshotData(dataDir)).toEqual(goodFiles);
    expect(await value<Producer[]>(backend, 'producers.list', {})).toEqual(good);
    // And the workspace takes changes again.
    await value(backend, 'producers.create', { name: 'Après la restauration' });
    expect(await value<Producer[]>(backend, 'producers.list', {})).toHaveLength(3);
  });

  it('refuses an unknown backup id and stays in recovery', async () => {
    const { backend, dataDir } = await damagedFolder();
    const before = await snapshotFolder(dataDir);
    expect(await backend.dispatch('backups.restore', { id: 'no-such-backup' })).toEqual({
      ok: false,
      error: { key: 'error.backupNotFound' },
    });
    expect(await backend.dispatch('backups.restore', { id: '..' })).toMatchObject({ ok: false, error: { key: 'error.backupNotFound' } });
    expect(backend.workspace.inRecovery).toBe(true);
    expect(await snapshotFolder(dataDir)).toEqual(before);
  });
});

describe('restoring while the workspace is ready', () => {
  it('a change queued during the restore lands on the restored data, and memory equals the disk', async () => {
    const dataDir = await tempDir();
    const clock = manualClock(new Date(2026, 2, 2, 9, 0));
    const backend = await openTestBackend({ dataDir, now: clock.now });
    await value(backend, 'producers.create', { name: 'Dans la sauvegarde' });
    const backup = await value<BackupInfo>(backend, 'backups.create');
    clock.advance(1000);
    await value(backend, 'producers.create', { name: 'Après la sauvegarde' });

    // Both calls are in flight at once, as with two browser tabs.
    const [restored, created] = await Promise.all([
      backend.dispatch('backups.restore', { id: backup.id }),
      backend.dispatch('producers.create', { name: 'Pendant la restauration' }),
    ]);
    expect(restored.ok).toBe(true);
    expect(created.ok).toBe(true);

    const inMemory = (await value<Producer[]>(backend, 'producers.list', { archived: 'all' })).map((p) => p.name).sort();
    expect(inMemory).toEqual(['Dans la sauvegarde', 'Pendant la restauration']);
    const reopened = await openTestBackend({ dataDir, now: clock.now });
    const onDisk = (await value<Producer[]>(reopened, 'producers.list', { archived: 'all' })).map((p) => p.name).sort();
    expect(onDisk).toEqual(inMemory);
  });

  it('an unreadable backup is refused and the data stays as it was', async () => {
    const dataDir = await tempDir();
    const clock = manualClock(new Date(2026, 2, 2, 9, 0));
    const backend = await openTestBackend({ dataDir, now: clock.now });
    await value(backend, 'producers.create', { name: 'Ferme du Bois' });
    const backup = await value<BackupInfo>(backend, 'backups.create');
    await writeFile(join(dataDir, 'backups', backup.id, 'producers.json'), '{"format":"cab');
    clock.advance(1000);
    await value(backend, 'producers.create', { name: 'Les Jardins de Marie' });
    const before = await snapshotFolder(dataDir);

    expect(await backend.dispatch('backups.restore', { id: backup.id })).toEqual({
      ok: false,
      error: { key: 'error.backupUnreadable' },
    });
    expect(await snapshotFolder(dataDir)).toEqual(before);
    expect(await value<Producer[]>(backend, 'producers.list', {})).toHaveLength(2);
  });

  it('a backup missing one of its listed files is unreadable, so a restore never stops half-way', async () => {
    const dataDir = await tempDir();
    const clock = manualClock(new Date(2026, 2, 2, 9, 0));
    const backend = await openTestBackend({ dataDir, now: clock.now });
    await value(backend, 'relay.update', { name: 'Relais de la Gare' });
    await value(backend, 'producers.create', { name: 'Ferme du Bois' });
    const backup = await value<BackupInfo>(backend, 'backups.create');
    expect(backup.files).toEqual(['producers.json', 'relay.json']);
    await rm(join(dataDir, 'backups', backup.id, 'relay.json'));
    const before = await snapshotFolder(dataDir);

    const listed = (await value<BackupInfo[]>(backend, 'backups.list')).find((entry) => entry.id === backup.id);
    expect(listed?.readable).toBe(false);
    expect(await backend.dispatch('backups.restore', { id: backup.id })).toMatchObject({
      ok: false,
      error: { key: 'error.backupUnreadable' },
    });
    expect(await snapshotFolder(dataDir)).toEqual(before);
  });
});

describe('backups and the write journal', () => {
  it('a restore in recovery keeps the unfolded journal in damaged/ and never replays it over the restored files', async () => {
    const dataDir = await tempDir();
    const clock = manualClock(new Date(2026, 2, 2, 9, 0));
    const first = await openTestBackend({ dataDir, now: clock.now });
    await value(first, 'producers.create', { name: 'Ferme du Bois' });
    const backup = await value<BackupInfo>(first, 'backups.create');
    clock.advance(1000);
    // Acknowledged in the journal, not folded into producers.json yet.
    await value(first, 'producers.create', { name: 'Après la sauvegarde' });
    const journal = await readFile(join(dataDir, 'journal.jsonl'), 'utf8');
    expect(journal).toContain('Après la sauvegarde');
    await writeFile(join(dataDir, 'relay.json'), '{"format":');
    const backend = await openTestBackend({ dataDir, now: clock.now });
    expect(backend.workspace.inRecovery).toBe(true);

    const status = await value<AppStatus>(backend, 'backups.restore', { id: backup.id });

    expect(status).toMatchObject({ state: 'ready' });
    const names = async (opened: TestBackend) => (await value<Producer[]>(opened, 'producers.list', {})).map((producer) => producer.name);
    expect(await names(backend)).toEqual(['Ferme du Bois']);
    expect(await names(await openTestBackend({ dataDir, now: clock.now }))).toEqual(['Ferme du Bois']);
    const [stamp] = await readdir(join(dataDir, 'damaged'));
    expect(await readFile(join(dataDir, 'damaged', stamp!, 'journal.jsonl'), 'utf8')).toBe(journal);
  });

  it('the daily backup taken at open after a kill holds the changes that were only in the journal', async () => {
    const dataDir = await tempDir();
    const clock = manualClock(new Date(2026, 2, 2, 9, 0));
    const first = await openTestBackend({ dataDir, now: clock.now });
    await value(first, 'producers.create', { name: 'Ferme du Bois' });
    clock.advance(1000);
    await value(first, 'producers.create', { name: 'Dans le journal' });
    // The app is killed: the second change is only in the journal. Next day, the daily backup is taken after open.
    clock.set(new Date(2026, 2, 3, 9, 0));
    const second = await openTestBackend({ dataDir, now: clock.now, dailyBackup: { afterOpenMs: 0 } });
    await second.workspace.store.backupIfNewDay();
    const daily = (await value<BackupInfo[]>(second, 'backups.list')).find((entry) => entry.kind === 'daily')!;
    expect(daily.createdAt).toBe(new Date(2026, 2, 3, 9, 0).toISOString());
    expect(daily.readable).toBe(true);
    await value(second, 'producers.create', { name: 'Après la sauvegarde' });

    await value<AppStatus>(second, 'backups.restore', { id: daily.id });

    const names = (await value<Producer[]>(second, 'producers.list', {})).map((producer) => producer.name).sort();
    expect(names).toEqual(['Dans le journal', 'Ferme du Bois']);
  });
});

describe('a daily backup that fails in the background', () => {
  it('is said in the app status, which the backups screen shows, until a later try succeeds; the change is kept', async () => {
    const dataDir = await tempDir();
    const clock = manualClock(new Date(2026, 2, 2, 9, 0));
    const backend = await openTestBackend({ dataDir, now: clock.now, dailyBackup: { afterOpenMs: false } });
    // The backup's folder cannot be made (as on a full or read-only disk).
    await mkdir(join(dataDir, 'backups'), { recursive: true });
    const blocked = join(dataDir, 'backups', `${new Date(2026, 2, 2, 9, 0).toISOString().replace(/[:.]/g, '-')}-daily`);
    await writeFile(blocked, 'not a folder');

    await value(backend, 'producers.create', { name: 'Ferme du Bois' });
    await backend.workspace.store.backupIfNewDay();
    const failed = await value<AppStatus>(backend, 'app.status');
    expect(failed).toMatchObject({ state: 'ready', backupFailed: { at: new Date(2026, 2, 2, 9, 0).toISOString() } });

    clock.advance(11 * 60 * 1000);
    await value(backend, 'producers.create', { name: 'Les Jardins de Marie' });
    await backend.workspace.store.backupIfNewDay();
    expect(await value<AppStatus>(backend, 'app.status')).not.toHaveProperty('backupFailed');
    expect((await value<BackupInfo[]>(backend, 'backups.list')).filter((backup) => backup.kind === 'daily')).toHaveLength(1);
    await backend.close();
    const names = (await value<Producer[]>(await openTestBackend({ dataDir, now: clock.now }), 'producers.list', {})).map((producer) => producer.name);
    expect(names.sort()).toEqual(['Ferme du Bois', 'Les Jardins de Marie']);
  });
});

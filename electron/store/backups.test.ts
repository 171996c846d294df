import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/contract/errors';
import type { BackupInfo } from '../../shared/contract/results';
import { envelope, manualClock, producerRecord, writeDataFile } from '../testing/fixtures';
import { snapshotData, snapshotFolder, useTempDirs } from '../testing/temp-dir';
import { createBackup, listBackups, restoreBackup } from './backups';
import { currentFormat } from './migrations';
import { openStore, type Store, type StoreOptions } from './store';

const tempDir = useTempDirs();

async function ready(options: StoreOptions): Promise<Store> {
  const opened = await openStore(options);
  if (opened.state !== 'ready') throw new Error(`expected a ready store, got ${JSON.stringify(opened.problem)}`);
  return opened.store;
}

const dailies = async (dataDir: string) => (await listBackups(dataDir, currentFormat)).filter((b) => b.kind === 'daily');

/** A local wall-clock date: daily backups follow the organiser's day, not UTC. */
const day = (date: number, hour = 9, minute = 0) => new Date(2026, 2, date, hour, minute);

async function folderWithOneProducer() {
  const dataDir = await tempDir();
  await writeDataFile(dataDir, 'producers.json', envelope({ producer: [producerRecord({ name: 'Ferme du Bois' })] }));
  return dataDir;
}

/** The app's daily backups: after open (in the background) and at the first change of each day. */
const daily = { afterOpenMs: false } as const;

describe('daily backups', () => {
  it('are taken once per local day, in the background after open', async () => {
    const dataDir = await folderWithOneProducer();
    const clock = manualClock(day(2, 8));
    await (await ready({ dataDir, now: clock.now, dailyBackup: { afterOpenMs: 0 } })).backupIfNewDay();
    expect(await dailies(dataDir)).toHaveLength(1);

    clock.set(day(2, 23, 59));
    await (await ready({ dataDir, now: clock.now, dailyBackup: { afterOpenMs: 0 } })).backupIfNewDay();
    expect(await dailies(dataDir)).toHaveLength(1);

    clock.set(day(3, 0, 1));
    await (await ready({ dataDir, now: clock.now, dailyBackup: { afterOpenMs: 0 } })).backupIfNewDay();
    const taken = await dailies(dataDir);
    expect(taken).toHaveLength(2);
    expect(taken.map((b) => b.createdAt)).toEqual([day(3, 0, 1).toISOString(), day(2, 8).toISOString()]);
    expect(taken[0]).toMatchObject({ files: ['producers.json'], readable: true });
  });

  it('are not taken while the folder holds no data', async () => {
    const dataDir = await tempDir();
    await (await ready({ dataDir, now: () => day(2), dailyBackup: daily })).backupIfNewDay();
    expect(await listBackups(dataDir, currentFormat)).toEqual([]);
  });

  it('are taken after the first change when the folder was empty', async () => {
    const dataDir = await tempDir();
    const store = await ready({ dataDir, now: () => day(2), dailyBackup: daily });
    await store.transact((tx) => tx.put('producer', producerRecord()));
    await store.backupIfNewDay();
    expect(await dailies(dataDir)).toHaveLength(1);
  });

  it('are not taken by a merge of other copies’ changes (a new copy taking a relay’s history), but at the next change made here', async () => {
    const dataDir = await tempDir();
    let copied = 0;
    const store = await ready({ dataDir, now: () => day(2), foldWhenIdleMs: false, dailyBackup: daily, writeHooks: { step: (step) => void (step === 'backup.file' && copied++) } });
    const other = 'f0000000-7d3c-4c4e-9a59-2a9f1f6c0d11';
    const producer = producerRecord({ name: 'Ferme du Bois' });
    await store.merge([{ at: `${day(1).toISOString()}-0000-${other}`, device: other, entity: 'producer', entityId: producer.id, fields: { ...producer } }], 'team');
    expect(store.get('producer', producer.id)?.name).toBe('Ferme du Bois');
    // Closing waits for a backup under way: none was started.
    await store.close();
    expect(copied).toBe(0);
    expect(await dailies(dataDir)).toEqual([]);
    const reopened = await ready({ dataDir, now: () => day(2), dailyBackup: daily });
    await reopened.transact((tx) => tx.put('producer', producerRecord()));
    await reopened.backupIfNewDay();
    expect(await dailies(dataDir)).toHaveLength(1);
  });

  it('are taken after the first change of a day when the app stays open past midnight', async () => {
    const dataDir = await folderWithOneProducer();
    const clock = manualClock(day(2, 22));
    const store = await ready({ dataDir, now: clock.now, dailyBackup: daily });
    await store.backupIfNewDay();
    expect(await dailies(dataDir)).toHaveLength(1);

    clock.set(day(3, 0, 30));
    const added = producerRecord({ name: 'Les Jardins de Marie' });
    await store.transact((tx) => tx.put('producer', added));
    // Started by the change, not waited for by it: this waits for the one under way.
    await store.backupIfNewDay();
    const taken = await dailies(dataDir);
    expect(taken).toHaveLength(2);
    expect(taken[0]!.createdAt).toBe(day(3, 0, 30).toISOString());
    const backedUp = await readFile(join(dataDir, 'backups', taken[0]!.id, 'producers.json'), 'utf8');
    expect(backedUp).toContain(added.id);

    clock.set(day(3, 10));
    await store.transact((tx) => tx.put('producer', producerRecord()));
    await store.backupIfNewDay();
    expect(await dailies(dataDir)).toHaveLength(2);
  });

  it('keep only the last 14', async () => {
    const dataDir = await folderWithOneProducer();
    for (let date = 1; date <= 20; date++) await (await ready({ dataDir, now: () => day(date), dailyBackup: daily })).backupIfNewDay();
    const kept = await dailies(dataDir);
    expect(kept.map((b) => b.createdAt)).toEqual(
      Array.from({ length: 14 }, (_, i) => day(20 - i).toISOString()),
    );
    expect((await readdir(join(dataDir, 'backups'))).filter((id) => id.endsWith('-daily'))).toHaveLength(14);
  });

  it('a failed daily backup does not turn a saved change into an error, is reported, and is tried again later', async () => {
    const dataDir = await folderWithOneProducer();
    const clock = manualClock(day(2, 22));
    const store = await ready({ dataDir, now: clock.now, dailyBackup: daily });
    await store.backupIfNewDay();
    // The next backup folder cannot be created (as on a full or read-only disk).
    clock.set(day(3, 9));
    const blocked = join(dataDir, 'backups', `${day(3, 9).toISOString().replace(/[:.]/g, '-')}-daily`);
    await writeFile(blocked, 'not a folder');

    const added = producerRecord({ name: 'Sauvé malgré tout' });
    await expect(store.transact((tx) => tx.put('producer', added))).resolves.toEqual(added);
    await store.backupIfNewDay();
    expect(store.backupFailure).toMatchObject({ at: day(3, 9).toISOString() });
    expect(store.backupFailure?.detail).toBeTruthy();
    expect((await readFile(join(dataDir, 'producers.json'), 'utf8')).includes(added.id)).toBe(true);
    expect(await dailies(dataDir)).toHaveLength(1);

    // Not again at every change (a full disk would be tried at each keystroke), but once a while has passed.
    clock.set(day(3, 9, 1));
    await store.transact((tx) => tx.put('producer', producerRecord()));
    await store.backupIfNewDay();
    expect(await dailies(dataDir)).toHaveLength(1);
    clock.set(day(3, 10));
    await store.transact((tx) => tx.put('producer', producerRecord()));
    await store.backupIfNewDay();
    expect(await dailies(dataDir)).toHaveLength(2);
    expect(store.backupFailure).toBeUndefined();
  });
});

describe('listing backups', () => {
  it('lists manual backups newest first, with their files', async () => {
    const dataDir = await folderWithOneProducer();
    const first = await createBackup(dataDir, 'manual', day(2, 9));
    const second = await createBackup(dataDir, 'manual', day(2, 10));
    const listed = await listBackups(dataDir, currentFormat);
    expect(listed.map((b) => b.id)).toEqual([second.id, first.id]);
    expect(listed[0]).toEqual<BackupInfo>({
      id: second.id,
      kind: 'manual',
      createdAt: day(2, 10).toISOString(),
      files: ['producers.json'],
      readable: true,
    });
  });

  it('never lists a backup interrupted before its backup.json was written', async () => {
    const dataDir = await folderWithOneProducer();
    const done = await createBackup(dataDir, 'manual', day(2, 9));
    const interrupted = join(dataDir, 'backups', '2026-03-02T11-00-00-000Z-manual');
    await mkdir(interrupted, { recursive: true });
    await writeFile(join(interrupted, 'producers.json'), await readFile(join(dataDir, 'producers.json')));
    expect((await listBackups(dataDir, currentFormat)).map((b) => b.id)).toEqual([done.id]);
  });

  it('lists an unreadable backup as readable:false, and restoring it is refused without touching the data', async () => {
    const dataDir = await folderWithOneProducer();
    const backup = await createBackup(dataDir, 'manual', day(2, 9));
    await writeFile(join(dataDir, 'backups', backup.id, 'producers.json'), '{"format":"cabas","version":1,"records":{"producer":[{"id":');
    const [listed] = await listBackups(dataDir, currentFormat);
    expect(listed).toMatchObject({ id: backup.id, readable: false });

    const before = await snapshotFolder(dataDir);
    const refused = restoreBackup(dataDir, backup.id, currentFormat, 'ready', day(2, 10));
    await expect(refused).rejects.toBeInstanceOf(UserError);
    await expect(refused).rejects.toMatchObject({ key: 'error.backupUnreadable' });
    expect(await snapshotFolder(dataDir)).toEqual(before);
  });
});

describe('restoring a backup from a ready store', () => {
  it('first takes a pre-restore backup, removes data files the backup lacks, and the data equals the backup', async () => {
    const dataDir = await folderWithOneProducer();
    const backup = await createBackup(dataDir, 'manual', day(2, 9));
    const backedUp = await snapshotData(join(dataDir, 'backups', backup.id));
    delete backedUp['backup.json'];
    // After the backup: a changed producers file and a new relay file.
    await writeDataFile(dataDir, 'producers.json', envelope({ producer: [producerRecord({ name: 'Plus tard' })] }));
    await writeDataFile(dataDir, 'relay.json', envelope({}));
    const beforeRestore = await snapshotData(dataDir);

    await restoreBackup(dataDir, backup.id, currentFormat, 'ready', day(2, 11));

    expect(await snapshotData(dataDir)).toEqual(backedUp);
    const preRestore = (await listBackups(dataDir, currentFormat)).find((b) => b.kind === 'pre-restore');
    expect(preRestore).toMatchObject({ createdAt: day(2, 11).toISOString(), readable: true, files: ['producers.json', 'relay.json'] });
    const saved = await snapshotData(join(dataDir, 'backups', preRestore!.id));
    delete saved['backup.json'];
    expect(saved).toEqual(beforeRestore);
    // Reopening gives the backup's data.
    const store = await ready({ dataDir, now: () => day(2, 12) });
    expect(store.all('producer').map((p) => p.name)).toEqual(['Ferme du Bois']);
  });

  it('refuses an id that names no backup', async () => {
    const dataDir = await folderWithOneProducer();
    await expect(restoreBackup(dataDir, 'nope', currentFormat, 'ready', day(2))).rejects.toMatchObject({
      key: 'error.backupNotFound',
    });
  });
});

describe('backups of files unchanged since an earlier backup', () => {
  it('share the earlier copy instead of writing it again, and each backup still restores its own data', async () => {
    const dataDir = await folderWithOneProducer();
    await writeDataFile(dataDir, 'members.json', envelope({ member: [] }));
    const first = await createBackup(dataDir, 'daily', day(2, 9));
    const firstData = await snapshotData(join(dataDir, 'backups', first.id));
    // The next day only the producers changed.
    await writeDataFile(dataDir, 'producers.json', envelope({ producer: [producerRecord({ name: 'Plus tard' })] }));
    const second = await createBackup(dataDir, 'daily', day(3, 9));
    const secondData = await snapshotData(join(dataDir, 'backups', second.id));

    const inode = async (id: string, file: string) => (await stat(join(dataDir, 'backups', id, file))).ino;
    expect(await inode(second.id, 'members.json')).toBe(await inode(first.id, 'members.json'));
    expect(await inode(second.id, 'producers.json')).not.toBe(await inode(first.id, 'producers.json'));

    // Pruning the first backup leaves the second whole; restoring either gives its own files.
    await restoreBackup(dataDir, first.id, currentFormat, 'ready', day(3, 10));
    delete firstData['backup.json'];
    expect(await snapshotData(dataDir)).toEqual(firstData);
    await rm(join(dataDir, 'backups', first.id), { recursive: true });
    expect((await listBackups(dataDir, currentFormat)).find((b) => b.id === second.id)).toMatchObject({ readable: true });
    await restoreBackup(dataDir, second.id, currentFormat, 'ready', day(3, 11));
    delete secondData['backup.json'];
    expect(await snapshotData(dataDir)).toEqual(secondData);
  });

  it('link to a backup an earlier version took, and record each file as it did (hex SHA-256 of its bytes)', async () => {
    const dataDir = await folderWithOneProducer();
    const bytes = await readFile(join(dataDir, 'producers.json'));
    // The hash as earlier versions wrote it into backup.json (node:crypto's createHash, hex).
    const earlierHash = createHash('sha256').update(bytes).digest('hex');
    const earlierId = '2026-03-01T09-00-00-000Z-daily';
    await mkdir(join(dataDir, 'backups', earlierId), { recursive: true });
    await writeFile(join(dataDir, 'backups', earlierId, 'producers.json'), bytes);
    const earlierMeta = { kind: 'daily', createdAt: day(1, 9).toISOString(), files: ['producers.json'], hashes: { 'producers.json': earlierHash } };
    await writeFile(join(dataDir, 'backups', earlierId, 'backup.json'), JSON.stringify(earlierMeta));

    const next = await createBackup(dataDir, 'daily', day(2, 9));
    const inode = async (id: string) => (await stat(join(dataDir, 'backups', id, 'producers.json'))).ino;
    expect(await inode(next.id)).toBe(await inode(earlierId));
    const meta = JSON.parse(await readFile(join(dataDir, 'backups', next.id, 'backup.json'), 'utf8')) as { hashes: Record<string, string> };
    expect(meta.hashes['producers.json']).toBe(earlierHash);
  });

  it('copy a file again when the earlier copy was changed behind the app’s back', async () => {
    const dataDir = await folderWithOneProducer();
    const first = await createBackup(dataDir, 'daily', day(2, 9));
    const live = await readFile(join(dataDir, 'producers.json'), 'utf8');
    await writeFile(join(dataDir, 'backups', first.id, 'producers.json'), live.replace('Ferme du Bois', 'Ferme du BOIS'));
    const second = await createBackup(dataDir, 'daily', day(3, 9));
    expect(await readFile(join(dataDir, 'backups', second.id, 'producers.json'), 'utf8')).toBe(live);
  });
});

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Producer } from '../../shared/model/producer';
import { envelope, manualClock, openTestBackend, producerRecord, writeDataFile } from '../testing/fixtures';
import { readJson, snapshotData, snapshotFolder, useTempDirs } from '../testing/temp-dir';
import type { EnvelopeHeader } from './envelope';
import { migrateFile, type FormatSpec } from './migrations';
import { openStore } from './store';

const tempDir = useTempDirs();

/** Format 1 called the phone field `telephone`; format 2 calls it `phone`. */
function legacyProducer(name: string): Record<string, unknown> {
  const { phone, ...rest } = producerRecord({ name });
  return { ...rest, telephone: phone === '' ? '+32 470 00 00 00' : phone };
}

const renamePhone: FormatSpec = {
  version: 2,
  migrations: [
    {
      from: 1,
      why: 'producer.telephone renamed to producer.phone',
      migrate: (file: EnvelopeHeader) => ({
        ...file,
        records: {
          ...file.records,
          ...(file.records.producer && {
            producer: file.records.producer.map((record) => {
              const { telephone, ...rest } = record as Record<string, unknown>;
              return { ...rest, phone: telephone };
            }),
          }),
        },
      }),
    },
  ],
};

async function versionOneFolder() {
  const dataDir = await tempDir();
  const producers = [legacyProducer('Ferme du Bois'), legacyProducer('Les Jardins de Marie')];
  await writeDataFile(dataDir, 'producers.json', envelope({ producer: producers }, 1));
  await writeDataFile(dataDir, 'relay.json', envelope({}, 1));
  return { dataDir, producers, original: await snapshotData(dataDir) };
}

async function backupsOfKind(dataDir: string, kind: string): Promise<string[]> {
  return (await readdir(join(dataDir, 'backups')).catch(() => [] as string[])).filter((id) => id.endsWith(`-${kind}`));
}

describe('format migrations on open', () => {
  it('backs up the version-1 bytes before rewriting, then writes version 2 with the migrated data', async () => {
    const { dataDir, producers, original } = await versionOneFolder();
    const seenAtFirstRewrite: Record<string, string>[] = [];
    const clock = manualClock(new Date(2026, 2, 2, 9, 0));

    const opened = await openStore({
      dataDir,
      format: renamePhone,
      now: clock.now,
      writeHooks: {
        beforeRename: async () => {
          // The instant before the first migrated file replaces an original one.
          if (seenAtFirstRewrite.length > 0) return;
          const [backup] = await backupsOfKind(dataDir, 'pre-migration');
          seenAtFirstRewrite.push(backup ? await snapshotData(join(dataDir, 'backups', backup)) : {});
        },
      },
    });

    expect(opened.state).toBe('ready');
    expect(seenAtFirstRewrite).toHaveLength(1);
    const { 'backup.json': meta, ...backedUp } = seenAtFirstRewrite[0]!;
    expect(backedUp).toEqual(original);
    expect(JSON.parse(meta!)).toMatchObject({ kind: 'pre-migration', files: ['producers.json', 'relay.json'] });

    for (const path of ['producers.json', 'relay.json']) {
      expect(await readJson(join(dataDir, path))).toMatchObject({ format: 'cabas', version: 2 });
    }
    const onDisk = (await readJson(join(dataDir, 'producers.json'))) as { records: { producer: Producer[] } };
    expect(onDisk.records.producer.map((p) => [p.name, p.phone])).toEqual(
      producers.map((p) => [p.name, p.telephone]),
    );
    expect(onDisk.records.producer.every((p) => !('telephone' in p))).toBe(true);
    if (opened.state === 'ready') expect(opened.store.all('producer')).toEqual(onDisk.records.producer);
  });

  it('keeps the pre-migration backup intact after the migration', async () => {
    const { dataDir, original } = await versionOneFolder();
    await openStore({ dataDir, format: renamePhone });
    const [backup] = await backupsOfKind(dataDir, 'pre-migration');
    const { 'backup.json': _meta, ...backedUp } = await snapshotData(join(dataDir, 'backups', backup!));
    expect(backedUp).toEqual(original);
  });

  it('migrating twice is a no-op: no rewrite and no second pre-migration backup', async () => {
    const { dataDir } = await versionOneFolder();
    const clock = manualClock(new Date(2026, 2, 2, 9, 0));
    await openStore({ dataDir, format: renamePhone, now: clock.now });
    const after = await snapshotData(dataDir);
    clock.advance(60_000);
    let rewrites = 0;
    const again = await openStore({ dataDir, format: renamePhone, now: clock.now, writeHooks: { beforeRename: () => void rewrites++ } });
    expect(again.state).toBe('ready');
    expect(rewrites).toBe(0);
    expect(await snapshotData(dataDir)).toEqual(after);
    expect(await backupsOfKind(dataDir, 'pre-migration')).toHaveLength(1);
  });

  it('leaves current files alone and takes no pre-migration backup when nothing is outdated', async () => {
    const dataDir = await tempDir();
    await writeDataFile(dataDir, 'producers.json', envelope({ producer: [producerRecord()] }));
    const before = await snapshotData(dataDir);
    await openStore({ dataDir });
    expect(await snapshotData(dataDir)).toEqual(before);
    expect(await backupsOfKind(dataDir, 'pre-migration')).toEqual([]);
  });

  it('a file with no migration path opens in recovery and nothing is written', async () => {
    const { dataDir } = await versionOneFolder();
    const before = await snapshotFolder(dataDir);
    const noPath: FormatSpec = { version: 3, migrations: renamePhone.migrations };
    const opened = await openStore({ dataDir, format: noPath });
    expect(opened).toMatchObject({ state: 'recovery', problem: { file: 'producers.json', reason: 'schema' } });
    if (opened.state === 'recovery') expect(opened.problem.detail).toContain('no migration from format 2');
    expect(await snapshotFolder(dataDir)).toEqual(before);
  });

  it('a migration that produces invalid records opens in recovery and nothing is written', async () => {
    const { dataDir } = await versionOneFolder();
    const before = await snapshotFolder(dataDir);
    const broken: FormatSpec = { version: 2, migrations: [{ from: 1, why: 'forgets the rename', migrate: (file) => file }] };
    const opened = await openStore({ dataDir, format: broken });
    expect(opened).toMatchObject({ state: 'recovery', problem: { file: 'producers.json', reason: 'schema' } });
    expect(await snapshotFolder(dataDir)).toEqual(before);
  });

  it('Workspace.open migrates too, and the app reports the new format', async () => {
    const { dataDir, producers } = await versionOneFolder();
    const backend = await openTestBackend({ dataDir, format: renamePhone });
    const status = await backend.dispatch('app.status', {});
    expect(status).toMatchObject({ ok: true, value: { state: 'ready', formatVersion: 2 } });
    const listed = await backend.dispatch('producers.list', {});
    expect(listed.ok && (listed.value as Producer[]).map((p) => p.phone)).toEqual(producers.map((p) => p.telephone));
    // A pre-migration backup is a backup like any other: listed and readable.
    const backups = await backend.dispatch('backups.list', {});
    expect(backups.ok && backups.value).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'pre-migration', readable: true })]),
    );
    expect(await readFile(join(dataDir, 'producers.json'), 'utf8')).toContain('"version": 2');
  });
});

describe('migrateFile', () => {
  it('runs each step in order and stamps the version', () => {
    const steps: FormatSpec = {
      version: 3,
      migrations: [
        { from: 2, why: 'second', migrate: (file) => ({ ...file, records: { ...file.records, log: [...file.records.log!, 'b'] } }) },
        { from: 1, why: 'first', migrate: (file) => ({ ...file, records: { ...file.records, log: [...file.records.log!, 'a'] } }) },
      ],
    };
    const migrated = migrateFile({ format: 'cabas', version: 1, records: { log: [] } }, 'x.json', steps);
    expect(migrated).toEqual({ format: 'cabas', version: 3, records: { log: ['a', 'b'] } });
  });
});

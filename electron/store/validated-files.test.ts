import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppStatus } from '../../shared/contract/results';
import { envelope, openTestBackend, producerRecord, writeDataFile } from '../testing/fixtures';
import { call as value } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';
import { openDataFolder, type FolderResult } from './data-files';
import { currentFormat } from './migrations';

const tempDir = useTempDirs();
/** A fixed modification time, so a test can put a file back exactly as it was dated. */
const DATED = new Date('2026-01-05T10:00:00.000Z');

async function dated(dataDir: string, path: string, contents: string): Promise<void> {
  await writeDataFile(dataDir, path, contents);
  await utimes(join(dataDir, path), DATED, DATED);
}

function checked(read: FolderResult): Record<string, boolean> {
  if (!read.ok) throw new Error(`opened in recovery: ${JSON.stringify(read.problem)}`);
  return Object.fromEntries(read.files.map((file) => [file.path, file.checked]));
}

async function relayFolder() {
  const dataDir = await tempDir();
  const producer = producerRecord({ name: 'Ferme du Bois', distanceKm: null });
  await dated(dataDir, 'producers.json', envelope({ producer: [producer] }));
  await dated(dataDir, 'members.json', envelope({ member: [] }));
  return { dataDir, producer };
}

describe('opening a folder whose files were already validated', () => {
  it('checks record by record only the files changed since the last good open, and reads the same records', async () => {
    const { dataDir, producer } = await relayFolder();
    expect(checked(await openDataFolder(dataDir, currentFormat))).toEqual({ 'members.json': true, 'producers.json': true });

    const again = await openDataFolder(dataDir, currentFormat);
    expect(checked(again)).toEqual({ 'members.json': false, 'producers.json': false });
    expect(again.ok && again.files.find((file) => file.path === 'producers.json')?.records.producer).toEqual([producer]);

    await writeDataFile(dataDir, 'producers.json', envelope({ producer: [{ ...producer, name: 'Ferme des Prés' }] }));
    expect(checked(await openDataFolder(dataDir, currentFormat))).toEqual({ 'members.json': false, 'producers.json': true });
  });

  it('a file damaged without changing its size or date still opens the recovery screen', async () => {
    const { dataDir } = await relayFolder();
    expect((await openTestBackend({ dataDir })).workspace.inRecovery).toBe(false);
    const path = join(dataDir, 'producers.json');
    const before = await stat(path);
    // "null" → "ab": the same number of bytes, but a distance must be a number.
    const damaged = (await readFile(path, 'utf8')).replace('"distanceKm": null', '"distanceKm": "ab"');
    await writeFile(path, damaged);
    await utimes(path, DATED, DATED);
    const after = await stat(path);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);

    const backend = await openTestBackend({ dataDir });
    expect(await value<AppStatus>(backend, 'app.status', {})).toMatchObject({ state: 'recovery', problem: { file: 'producers.json', reason: 'schema' } });
  });

  it('a file the app wrote itself is taken as it is at the next open', async () => {
    const dataDir = await tempDir();
    const backend = await openTestBackend({ dataDir });
    await value(backend, 'producers.create', { name: 'Ferme du Bois' });
    await backend.close();
    const read = await openDataFolder(dataDir, currentFormat);
    expect(checked(read)).toEqual({ 'producers.json': false });
    expect(read.ok && read.files[0]?.records.producer?.map((record) => record.name)).toEqual(['Ferme du Bois']);
  });
});

/**
 * Test helpers: real folders under the OS temp dir, removed after each test,
 * and a byte-exact picture of a folder to prove that nothing was written.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterEach } from 'vitest';
import { closeAppsUnder } from './open-apps';

/** Call once at the top of a test file; returns a maker of fresh temp folders, all removed after each test. */
export function useTempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    const dirs = made.splice(0);
    // Apps opened in them first, while their folders are there to fold into.
    for (const dir of dirs) await closeAppsUnder(dir);
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cabas-test-'));
    made.push(dir);
    return dir;
  };
}

/** Every file under `dir` (relative path with `/` → contents), sorted by path. */
export async function snapshotFolder(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  async function walk(current: string): Promise<void> {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files[relative(dir, path).split(sep).join('/')] = await readFile(path, 'utf8');
    }
  }
  await walk(dir);
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}

/** The data files only (what `listDataFiles` would read), without backups, damaged copies, device.json or the lists of expected and validated files. */
export async function snapshotData(dir: string): Promise<Record<string, string>> {
  const all = await snapshotFolder(dir);
  return Object.fromEntries(
    Object.entries(all).filter(([path]) => !/^(backups|damaged)\//.test(path) && !['device.json', 'expected-files.json', 'validated-files.json'].includes(path)),
  );
}

export async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}

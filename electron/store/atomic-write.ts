/**
 * Crash-safe file replacement: write a temp file beside the target, fsync it,
 * rename it over the target, fsync the folder. A crash at any instant leaves
 * either the old file or the new one, never a mix; a stale temp file is ignored
 * by the loader (it never ends in `.json`) and removed at the next open (stale-temps.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

export const TEMP_SUFFIX = '.tmp';

/** What tempPathFor makes: a name of its own, so a cleanup never takes a file someone else left. */
export const TEMP_NAME = /\.[0-9a-f]{12}\.tmp$/;

export function tempPathFor(path: string): string {
  return `${path}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
}

/**
 * The instants of the store's write path where a crash can strike: before a journal line is
 * written, after it is written and before it is flushed, before each data file of a fold is
 * written, before the folded part of the journal is dropped, and before each file of a daily
 * backup is copied (the backup runs beside the changes: a test holds it there).
 */
export type WriteStep = 'journal.append' | 'journal.sync' | 'fold.file' | 'journal.drop' | 'backup.file';

/**
 * Test seam: lets a test stop a write at any step, as a crash would — by throwing (a failed
 * write) or by never resolving (the process died there; the test then reopens the folder).
 */
export interface WriteHooks {
  beforeRename?: (tempPath: string) => Promise<void> | void;
  /** `path` is the data-folder file the step is about (the journal, or the data file being folded). */
  step?: (step: WriteStep, path: string) => Promise<void> | void;
}

export async function writeFileAtomic(path: string, contents: string, hooks: WriteHooks = {}): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tempPath = tempPathFor(path);
  try {
    const handle = await open(tempPath, 'w', 0o600);
    try {
      await handle.writeFile(contents, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await hooks.beforeRename?.(tempPath);
    await rename(tempPath, path);
  } catch (error) {
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await flushFolder(dirname(path));
}

/** The rename itself is only durable once the folder entry is flushed (ext4, XFS). */
export async function flushFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Some platforms (Windows) cannot open a folder for fsync; rename is still atomic there.
  } finally {
    await handle?.close();
  }
}

/**
 * A restore killed at any instant (issue 13: a kill within 60 ms of
 * backups.restore left a mix of backup and current files in 2 of 40 tries).
 * The kill is simulated by making the k-th file-system change fail and
 * nothing after it run, for every k; the next open must find the old state or
 * the restored one, whole.
 */
import { describe, expect, it, vi } from 'vitest';
import { currentFormat } from './migrations';

const crash = vi.hoisted(() => ({ at: 0, count: 0 }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const killable =
    <A extends unknown[], R>(step: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (crash.at > 0 && ++crash.count >= crash.at) throw new Error('killed');
      return step(...args);
    };
  return { ...actual, rename: killable(actual.rename), unlink: killable(actual.unlink), rm: killable(actual.rm), copyFile: killable(actual.copyFile), truncate: killable(actual.truncate) };
});

const { rm } = await import('node:fs/promises');
const { openTestBackend, manualClock } = await import('../testing/fixtures');
const { snapshotData, useTempDirs } = await import('../testing/temp-dir');
const { call: value } = await import('../testing/service-calls');
const { restoreBackup } = await import('./backups');

const tempDir = useTempDirs();

/** The folder's data as the store reads it: an empty write journal is the same as none. */
async function dataState(dataDir: string): Promise<Record<string, string>> {
  const files = await snapshotData(dataDir);
  if (files['journal.jsonl'] === '') delete files['journal.jsonl'];
  return files;
}


/**
 * A backup with one producer; since then a second producer and a member (a file the backup has not got).
 * `unfolded`: those two changes are still only in the write journal when the restore starts.
 */
async function folderToRestore(unfolded: boolean) {
  const dataDir = await tempDir();
  const clock = manualClock(new Date(2026, 2, 2, 9, 0));
  const backend = await openTestBackend({ dataDir, now: clock.now, ...(unfolded && { foldWhenIdleMs: false }) });
  await value(backend, 'producers.create', { name: 'Ferme du Bois' });
  const backup = await value<{ id: string }>(backend, 'backups.create', {});
  const restored = await dataState(dataDir);
  clock.advance(60_000);
  await value(backend, 'producers.create', { name: 'Miellerie du Val' });
  await value(backend, 'members.create', { name: 'Zoé Martin' });
  // Closed (its journal folded) or left with the journal unfolded, as a killed process leaves it: no fold of its own runs during the restore.
  if (!unfolded) await backend.workspace.close();
  return { dataDir, clock, backup, old: await dataState(dataDir), restored };
}

describe.each([
  ['the changes since the backup folded into the files', false],
  ['the changes since the backup still in the write journal', true],
])('a restore killed at any instant, %s', (_, unfolded) => {
  it('leaves, at the next open, the old state or the restored one — never a mix', { timeout: 120_000 }, async () => {
    const outcomes = new Set<string>();
    const said = new Set<string>();
    for (let at = 1; ; at++) {
      const { dataDir, clock, backup, old, restored } = await folderToRestore(unfolded);
      crash.count = 0;
      crash.at = at;
      let killed = false;
      try {
        await restoreBackup(dataDir, backup.id, currentFormat, 'ready', clock.now());
      } catch (error) {
        if ((error as Error).message !== 'killed') throw error;
        killed = true;
      } finally {
        crash.at = 0;
      }
      const reopened = await openTestBackend({ dataDir, now: clock.now, foldWhenIdleMs: false });
      expect(reopened.workspace.inRecovery, `killed at step ${at}`).toBe(false);
      const now = await dataState(dataDir);
      const which = JSON.stringify(now) === JSON.stringify(old) ? 'old' : JSON.stringify(now) === JSON.stringify(restored) ? 'restored' : 'mix';
      expect(which, `killed at step ${at}: ${Object.keys(now).join(', ')}`).not.toBe('mix');
      // And the screen says which.
      const status = await value<{ interruptedRestore?: string }>(reopened, 'app.status', {});
      if (killed) expect(status.interruptedRestore === 'finished', `killed at step ${at}`).toBe(which === 'restored');
      said.add(status.interruptedRestore ?? 'nothing');
      outcomes.add(which);
      await rm(dataDir, { recursive: true, force: true });
      if (!killed) break;
    }
    expect([...outcomes].sort()).toEqual(['old', 'restored']);
    expect([...said].sort()).toEqual(['finished', 'nothing', 'undone']);
  });
});

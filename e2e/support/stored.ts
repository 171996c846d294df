/**
 * What the next launch would find in a data folder: the data files with the write
 * journal replayed over them (a change is durable once journaled; the files catch up
 * a moment later). Opened beside the running host as a look only: it never folds.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { EntityKind } from '../../shared/model/change';
import type { EntityOf } from '../../electron/store/entities';
import { openStore } from '../../electron/store/store';

export async function storedRecords<K extends EntityKind>(dataDir: string, kind: K): Promise<EntityOf<K>[]> {
  const opened = await openStore({ dataDir, foldWhenIdleMs: false });
  if (opened.state !== 'ready') throw new Error(`the data folder does not open: ${JSON.stringify(opened.problem)}`);
  return opened.store.all(kind);
}

/**
 * Waits until the host has folded every journaled change into the data files (it does so
 * a moment after the last change), so a test can then check that a cancelled action
 * leaves a data file's bytes and time untouched.
 */
export async function allFolded(dataDir: string): Promise<void> {
  await expect.poll(async () => (await stat(join(dataDir, 'journal.jsonl')).catch(() => ({ size: 0 }))).size).toBe(0);
}

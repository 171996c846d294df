import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../shared/model/change';
import { useTempDirs } from '../testing/temp-dir';
import { Journal } from './journal';

const tempDir = useTempDirs();
const opened: Journal[] = [];
/** Every journal a test opens is closed after it: a file handle left to the garbage collector is deprecated (DEP0137). */
afterEach(async () => {
  for (const journal of opened.splice(0)) await journal.close();
});
const openJournal = async (path: string) => {
  const journal = await Journal.open(path);
  opened.push(journal);
  return journal;
};
/** Takes a commit's entries as the store hands them over, then writes them (as a fold does). */
async function written(journal: Journal, changes: ChangeRecord[], origin: 'team' | null): Promise<void> {
  journal.take({ from: journal.next, origin, changes });
  await journal.flush();
}

const change = (n: number): ChangeRecord => ({ at: `2026-11-26T10:00:00.000Z-${String(n).padStart(4, '0')}-d`, device: 'd', entity: 'producer', entityId: `p${n}`, fields: { name: `P${n}` } });

describe('sync journal', () => {
  it('is read back after a restart, and a torn last line (crash mid-append) is dropped', async () => {
    const path = join(await tempDir(), 'sync', 'journal.jsonl');
    const journal = await openJournal(path);
    await written(journal, [change(1), change(2)], null);
    await written(journal, [change(3)], 'team');
    await appendFile(path, '{"n":4,"origin":null,"cha');
    const reopened = await openJournal(path);
    expect(reopened.head).toBe(3);
    expect(reopened.after(1).map((entry) => [entry.n, entry.origin, entry.change.entityId])).toEqual([[2, null, 'p2'], [3, 'team', 'p3']]);
  });

  it('a torn last line is cut off at open, so the next append is not glued to it and survives the next restart', async () => {
    const path = join(await tempDir(), 'sync', 'journal.jsonl');
    const journal = await openJournal(path);
    await written(journal, [change(1)], null);
    await appendFile(path, '{"n":2,"origin":null,"cha');
    const afterCrash = await openJournal(path);
    await written(afterCrash, [change(2), change(3)], null);
    const restarted = await openJournal(path);
    expect(restarted.head).toBe(3);
    expect(restarted.after(0).map((entry) => entry.change.entityId)).toEqual(['p1', 'p2', 'p3']);
    expect((await readFile(path, 'utf8')).endsWith('\n')).toBe(true);
  });

  it('compaction drops what every folder has and numbering carries on after a restart', async () => {
    const path = join(await tempDir(), 'journal.jsonl');
    const journal = await openJournal(path);
    await written(journal, [change(1), change(2), change(3)], null);
    await journal.compact(3);
    expect((await readFile(path, 'utf8')).trim().split('\n')).toHaveLength(1);
    const reopened = await openJournal(path);
    await written(reopened, [change(4)], null);
    expect(reopened.after(3).map((entry) => entry.n)).toEqual([4]);
  });

  it('keeps appending to the file on disk after another opening of the folder compacted it', async () => {
    const path = join(await tempDir(), 'journal.jsonl');
    const journal = await openJournal(path);
    await written(journal, [change(1), change(2)], null);
    const other = await openJournal(path);
    await other.compact(1);
    // The first journal's file was replaced by rename: its next line must land in the new file, not the replaced one.
    await written(journal, [change(3)], null);
    expect((await openJournal(path)).after(0).map((entry) => entry.change.entityId)).toEqual(['p2', 'p3']);
  });
  it('a change appended while compaction runs is kept, in memory and on disk', async () => {
    const path = join(await tempDir(), 'journal.jsonl');
    const journal = await openJournal(path);
    await written(journal, [change(1), change(2), change(3)], null);
    // Not awaited: the sync round compacts while the store acknowledges a new change.
    const compacting = journal.compact(3);
    const appending = written(journal, [change(4)], null);
    await Promise.all([compacting, appending]);
    expect(journal.after(3).map((entry) => entry.change.entityId)).toEqual(['p4']);
    expect((await openJournal(path)).after(3).map((entry) => entry.change.entityId)).toEqual(['p4']);
  });

  it('holds what it takes until written, and skips entries it already holds (a line replayed after its entries were written)', async () => {
    const path = join(await tempDir(), 'journal.jsonl');
    const journal = await openJournal(path);
    await written(journal, [change(1), change(2)], null);
    journal.take({ from: 3, origin: 'team', changes: [change(3)] });
    expect(journal.after(0).map((entry) => entry.n)).toEqual([1, 2, 3]);
    expect((await openJournal(path)).head).toBe(2);

    const restarted = await openJournal(path);
    // The store's journal lines replayed at open: the first commit's entries are in the file, the second's are not.
    restarted.take({ from: 1, origin: null, changes: [change(1), change(2)] });
    restarted.take({ from: 3, origin: 'team', changes: [change(3)] });
    await restarted.close();
    const reread = await openJournal(path);
    expect(reread.after(0).map((entry) => [entry.n, entry.origin, entry.change.entityId])).toEqual([[1, null, 'p1'], [2, null, 'p2'], [3, 'team', 'p3']]);
  });
});

/**
 * The sync journal: every change this copy committed — made here, or merged
 * from one of its sync folders — in commit order, so each folder can be sent
 * what it has not got yet (a change merged from the producers folder still has
 * to reach the team folder).
 *
 * A commit's entries are durable before it is acknowledged, but not by a write
 * of their own: they ride in the store's journal line (electron/store/sync-log.ts),
 * and this file is written in batches, before the store drops the lines that
 * carry them and on close. After a crash the store's replayed lines hand back
 * the entries this file missed, with their numbers (`take` skips those it holds).
 * A torn last line (a crash mid-write) is cut off the file on open (append-only.ts);
 * its entries are still in the store's journal.
 */
import type { ChangeRecord } from '../../shared/model/change';
import type { SyncLevel } from '../../shared/sync/levels';
import { AppendOnlyFile, openLines } from '../store/append-only';
import { writeFileAtomic } from '../store/atomic-write';
import type { JournaledChanges } from '../store/sync-log';

export interface JournalEntry {
  n: number;
  /** null: made on this copy; otherwise the folder it was merged from. */
  origin: SyncLevel | null;
  change: ChangeRecord;
}

export class Journal {
  private readonly file: AppendOnlyFile;
  /** The number of the latest entry in the file: the ones after it are held in memory only (and in the store's journal). */
  private written: number;
  /**
   * Writes and compactions run one after the other: a compaction awaits between
   * choosing what to keep and renaming the new file into place, and a line written
   * meanwhile would go into the file being replaced.
   */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly path: string,
    private entries: JournalEntry[],
    private last: number,
  ) {
    this.file = new AppendOnlyFile(path);
    this.written = last;
  }

  static async open(path: string): Promise<Journal> {
    const entries = await openLines(path, (value) => (isEntry(value) ? value : undefined));
    return new Journal(path, entries, entries.at(-1)?.n ?? 0);
  }

  /** The number of the latest entry (0 when nothing was ever journaled). */
  get head(): number {
    return this.last;
  }

  /** The number the next entry gets. */
  get next(): number {
    return this.last + 1;
  }

  after(n: number): JournalEntry[] {
    return this.entries.filter((entry) => entry.n > n);
  }

  /** Takes in a commit's entries, numbered on from `from`; those already held (a line replayed after they were written) are skipped. */
  take({ from, origin, changes }: JournaledChanges): void {
    changes.forEach((change, index) => {
      const n = from + index;
      if (n <= this.last) return;
      this.entries.push({ n, origin: origin as SyncLevel | null, change });
      this.last = n;
    });
  }

  /** Writes the entries held in memory only; resolves once they are on disk. */
  flush(): Promise<void> {
    return this.locked(() => this.writeHeld());
  }

  /** Writes what is held, then closes the file until the next write: the app is stopping. */
  close(): Promise<void> {
    return this.locked(async () => {
      await this.writeHeld();
      await this.file.close();
    });
  }

  /** Drops the entries every folder has been sent. The last entry always stays: it carries the numbering on after a restart. */
  compact(upTo: number): Promise<void> {
    return this.locked(async () => {
      const kept = this.entries.filter((entry, index) => entry.n > upTo || index === this.entries.length - 1);
      if (kept.length === this.entries.length) return;
      const keptUpTo = this.last;
      // The open handle would keep writing into the replaced file.
      await this.file.close();
      await writeFileAtomic(this.path, kept.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
      // Entries taken while the file was being replaced are held, to be written after it.
      this.entries = kept.concat(this.entries.filter((entry) => entry.n > keptUpTo));
      this.written = keptUpTo;
    });
  }

  private async writeHeld(): Promise<void> {
    let first = this.entries.length;
    while (first > 0 && this.entries[first - 1]!.n > this.written) first -= 1;
    const held = this.entries.slice(first);
    if (held.length === 0) return;
    await this.file.append(held);
    this.written = held.at(-1)!.n;
  }

  private locked<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function isEntry(value: unknown): value is JournalEntry {
  const entry = value as Partial<JournalEntry> | null;
  return typeof entry === 'object' && entry !== null && typeof entry.n === 'number' && typeof entry.change === 'object' && entry.change !== null;
}

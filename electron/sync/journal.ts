/**
 * The sync journal: every change this copy committed — made here, or merged
 * from one of its sync folders — in commit order, so each folder can be sent
 * what it has not got yet (a change merged from the producers folder still has
 * to reach the team folder). Lines are appended and fsync'd before the change
 * is acknowledged; a torn last line (a crash mid-append) is cut off the file
 * on open (append-only.ts), and its change still travels in the next snapshot,
 * which is built from the data itself.
 */
import type { ChangeRecord } from '../../shared/model/change';
import type { SyncLevel } from '../../shared/sync/levels';
import { AppendOnlyFile, openLines } from '../store/append-only';
import { writeFileAtomic } from '../store/atomic-write';

export interface JournalEntry {
  n: number;
  /** null: made on this copy; otherwise the folder it was merged from. */
  origin: SyncLevel | null;
  change: ChangeRecord;
}

export class Journal {
  private readonly file: AppendOnlyFile;
  /**
   * Appends and compactions run one after the other: a compaction awaits between
   * choosing what to keep and renaming the new file into place, and a line appended
   * meanwhile would go into the file being replaced and out of the kept entries.
   */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly path: string,
    private entries: JournalEntry[],
    private last: number,
  ) {
    this.file = new AppendOnlyFile(path);
  }

  static async open(path: string): Promise<Journal> {
    const entries = await openLines(path, (value) => (isEntry(value) ? value : undefined));
    return new Journal(path, entries, entries.at(-1)?.n ?? 0);
  }

  /** The number of the latest entry (0 when nothing was ever journaled). */
  get head(): number {
    return this.last;
  }

  after(n: number): JournalEntry[] {
    return this.entries.filter((entry) => entry.n > n);
  }

  append(changes: readonly ChangeRecord[], origin: SyncLevel | null): Promise<void> {
    if (changes.length === 0) return Promise.resolve();
    const added = changes.map((change) => ({ n: ++this.last, origin, change }));
    return this.locked(async () => {
      await this.file.append(added);
      for (const entry of added) this.entries.push(entry);
    });
  }

  /** Closes the file until the next append: the app is stopping. */
  close(): Promise<void> {
    return this.file.close();
  }

  /** Drops the entries every folder has been sent. The last entry always stays: it carries the numbering on after a restart. */
  compact(upTo: number): Promise<void> {
    return this.locked(async () => {
      const kept = this.entries.filter((entry, index) => entry.n > upTo || index === this.entries.length - 1);
      if (kept.length === this.entries.length) return;
      // The open handle would keep writing into the replaced file.
      await this.file.close();
      await writeFileAtomic(this.path, kept.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
      this.entries = kept;
    });
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

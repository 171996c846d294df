/**
 * The sync journal: every change this copy committed — made here, or merged
 * from one of its sync folders — in commit order, so each folder can be sent
 * what it has not got yet (a change merged from the producers folder still has
 * to reach the team folder). Lines are appended and fsync'd before the change
 * is acknowledged; a torn last line (a crash mid-append) is dropped on open,
 * and its change still travels in the next snapshot, which is built from the
 * data itself.
 */
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ChangeRecord } from '../../shared/model/change';
import type { SyncLevel } from '../../shared/sync/levels';
import { writeFileAtomic } from '../store/atomic-write';

export interface JournalEntry {
  n: number;
  /** null: made on this copy; otherwise the folder it was merged from. */
  origin: SyncLevel | null;
  change: ChangeRecord;
}

export class Journal {
  private constructor(
    private readonly path: string,
    private entries: JournalEntry[],
    private last: number,
  ) {}

  static async open(path: string): Promise<Journal> {
    let text = '';
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const entries: JournalEntry[] = [];
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        entries.push(JSON.parse(line) as JournalEntry);
      } catch {
        break;
      }
    }
    return new Journal(path, entries, entries.at(-1)?.n ?? 0);
  }

  /** The number of the latest entry (0 when nothing was ever journaled). */
  get head(): number {
    return this.last;
  }

  after(n: number): JournalEntry[] {
    return this.entries.filter((entry) => entry.n > n);
  }

  async append(changes: readonly ChangeRecord[], origin: SyncLevel | null): Promise<void> {
    if (changes.length === 0) return;
    const added = changes.map((change) => ({ n: ++this.last, origin, change }));
    await mkdir(dirname(this.path), { recursive: true });
    const handle = await open(this.path, 'a', 0o600);
    try {
      await handle.writeFile(added.map((entry) => `${JSON.stringify(entry)}\n`).join(''), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    this.entries.push(...added);
  }

  /** Drops the entries every folder has been sent. The last entry always stays: it carries the numbering on after a restart. */
  async compact(upTo: number): Promise<void> {
    const kept = this.entries.filter((entry, index) => entry.n > upTo || index === this.entries.length - 1);
    if (kept.length === this.entries.length) return;
    await writeFileAtomic(this.path, kept.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    this.entries = kept;
  }
}

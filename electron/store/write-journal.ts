/**
 * The store's write-ahead journal, `journal.jsonl` in the data folder (not the sync
 * journal of electron/sync/journal.ts, which lists changes to send to other copies).
 *
 * A change is acknowledged once its line — the records the transaction wrote, with
 * their field timestamps and removals, enough to replay it — is written and
 * fdatasync'd: one small append instead of rewriting a distribution file of years
 * of orders. The per-entity JSON files catch up later (Store.fold), and the folded
 * lines are then dropped. Each line holds whole records, so replaying a line over a
 * file that already has it changes nothing: a crash between a fold and the drop
 * only replays lines twice. On a copy that syncs, a line also carries the commit's
 * sync journal entries (sync-log.ts): one durable write for both journals.
 *
 * Lines are numbered; the numbers follow each other within the file. At open, a
 * tail that is not a whole valid line (a power cut mid-append) is cut off before
 * anything is appended, so it is never glued to the next line. A bad line with
 * good lines after it is not a torn append but damage, and the folder opens in
 * recovery naming the journal.
 */
import { constants, statSync } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { StoreProblem } from '../../shared/contract/results';
import type { EntityKind } from '../../shared/model/change';
import { flushFolder, writeFileAtomic, type WriteHooks } from './atomic-write';
import { entities, entityKinds, fileOf } from './entities';
import { FORMAT, graveSchema, stampsSchema } from './envelope';
import { migrateFile, type FormatSpec } from './migrations';
import { journaledChangesSchema, type JournaledChanges } from './sync-log';

export const JOURNAL_FILE = 'journal.jsonl';

/**
 * Where the system offers it (Linux, macOS), the journal is opened for synchronised data writes:
 * each write returns once its bytes are on disk, as a write followed by fdatasync would, in one
 * trip through the thread pool instead of two (the second trip was a fifth of a change's time at
 * five years, issue 11). Elsewhere (Windows) every append is followed by an explicit fdatasync.
 */
const SYNCED_WRITES: number = constants.O_DSYNC ?? 0;

/** One record written or taken out by a transaction, as journaled. */
export interface JournalEntry {
  kind: EntityKind;
  /** The record's new state; for a removal its last state, which names its file. */
  record: { id: string };
  removed?: true;
  stamps?: Record<string, string>;
  grave?: z.infer<typeof graveSchema>;
}

export interface JournalLine {
  n: number;
  /** The format version the records were written in: a line from an older version is migrated on replay. */
  v: number;
  staged: JournalEntry[];
  /** On a copy that syncs: the commit's sync journal entries (sync-log.ts), durable with the line. */
  sync?: JournaledChanges;
}

const entrySchema = z.strictObject({
  kind: z.enum(entityKinds as [EntityKind, ...EntityKind[]]),
  record: z.looseObject({ id: z.string() }),
  removed: z.literal(true).optional(),
  stamps: stampsSchema.optional(),
  grave: graveSchema.optional(),
});

const lineSchema = z.strictObject({ n: z.number().int().min(1), v: z.number().int().min(1), staged: z.array(entrySchema), sync: journaledChangesSchema.optional() });

/** What open found: the good lines, where each starts, and how many bytes they fill (the rest is a torn tail). */
export interface JournalContents {
  lines: JournalLine[];
  offsets: number[];
  goodBytes: number;
  totalBytes: number;
}

export type JournalRead = { ok: true; journal: JournalContents } | { ok: false; problem: StoreProblem };

/** A line as the store will replay it: valid JSON, the journal's shape, each record valid for its kind (migrated if older). */
function parseLine(text: string, format: FormatSpec): { line: JournalLine } | { reason: StoreProblem['reason']; detail: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { reason: 'invalidJson', detail: (error as Error).message };
  }
  const shape = lineSchema.safeParse(json);
  if (!shape.success) return { reason: 'schema', detail: shape.error.issues[0]?.message ?? 'invalid' };
  const line = shape.data;
  if (line.v > format.version) return { reason: 'newerVersion', detail: `format ${line.v}, this version of Cabas reads up to ${format.version}` };
  const staged: JournalEntry[] = [];
  for (const entry of line.staged) {
    let record: unknown = entry.record;
    let stamps = entry.stamps;
    if (line.v < format.version) {
      try {
        const migrated = migrateFile(
          { format: FORMAT, version: line.v, records: { [entry.kind]: [record] }, sync: stamps ? { stamps: { [entry.kind]: { [entry.record.id]: stamps } } } : undefined },
          fileOf(entry.kind, record as never),
          format,
        );
        record = migrated.records[entry.kind]?.[0];
        stamps = migrated.sync?.stamps?.[entry.kind]?.[entry.record.id] ?? stamps;
      } catch (error) {
        return { reason: 'schema', detail: (error as Error).message };
      }
    }
    const parsed = entities[entry.kind].schema.safeParse(record);
    if (!parsed.success) return { reason: 'schema', detail: `${entry.kind} ${entry.record.id}: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
    staged.push({ ...entry, record: parsed.data as { id: string }, stamps });
  }
  return { line: { n: line.n, v: format.version, staged, ...(line.sync && { sync: line.sync }) } };
}

/** Reads the journal of a data folder; a missing journal is an empty one. Writes nothing. */
export async function readJournal(dataDir: string, format: FormatSpec): Promise<JournalRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dataDir, JOURNAL_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, journal: { lines: [], offsets: [], goodBytes: 0, totalBytes: 0 } };
    return { ok: false, problem: { file: JOURNAL_FILE, reason: 'unreadable', detail: (error as Error).message } };
  }
  const lines: JournalLine[] = [];
  const offsets: number[] = [];
  let offset = 0;
  let firstBad: { number: number; offset: number; reason: StoreProblem['reason']; detail: string } | undefined;
  for (let number = 1; offset < bytes.length; number++) {
    const end = bytes.indexOf(0x0a, offset);
    // No newline: the line was being written when the power went; nothing can follow it.
    if (end === -1) {
      firstBad ??= { number, offset, reason: 'invalidJson', detail: 'unfinished line' };
      break;
    }
    const parsed = parseLine(bytes.subarray(offset, end).toString('utf8'), format);
    const previous = lines.at(-1);
    if ('line' in parsed && previous && parsed.line.n !== previous.n + 1) {
      firstBad ??= { number, offset, reason: 'schema', detail: `line number ${parsed.line.n} after ${previous.n}` };
    } else if (!('line' in parsed)) {
      firstBad ??= { number, offset, ...parsed };
    } else if (firstBad) {
      // A good line after a bad one: the bad one is not a torn append but damage.
      return { ok: false, problem: { file: JOURNAL_FILE, reason: firstBad.reason, detail: `line ${firstBad.number}: ${firstBad.detail}` } };
    } else {
      lines.push(parsed.line);
      offsets.push(offset);
    }
    offset = end + 1;
  }
  return { ok: true, journal: { lines, offsets, goodBytes: firstBad?.offset ?? bytes.length, totalBytes: bytes.length } };
}

/** The open journal: appends lines, drops the folded ones. One operation at a time. */
export class WriteJournal {
  private handle: FileHandle | undefined;
  /** The inode the handle has open: a journal replaced by another opening of the folder has another one. */
  private inode = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** Set when a failed append could not be taken back: the next append first cuts the file again. */
  private dirtyTail = false;

  private constructor(
    private readonly dataDir: string,
    private readonly hooks: WriteHooks,
    /** Each line's number and where it starts, for dropping a prefix. */
    private lines: { n: number; offset: number }[],
    /** Bytes of whole, flushed lines: where the next line goes. */
    private size: number,
    private last: number,
  ) {}

  /** Opens the journal read at open, first cutting off a torn tail so the next line never continues it. */
  static async open(dataDir: string, read: JournalContents, hooks: WriteHooks = {}): Promise<WriteJournal> {
    const journal = new WriteJournal(
      dataDir,
      hooks,
      read.lines.map((line, index) => ({ n: line.n, offset: read.offsets[index]! })),
      read.goodBytes,
      read.lines.at(-1)?.n ?? 0,
    );
    if (read.totalBytes > read.goodBytes) {
      const handle = await journal.opened();
      try {
        await handle.truncate(read.goodBytes);
        await handle.sync();
      } catch (error) {
        // The open fails and nobody holds this journal: its file is closed here, not left to the garbage collector.
        await journal.closeHandle().catch(() => undefined);
        throw error;
      }
    }
    return journal;
  }

  get path(): string {
    return join(this.dataDir, JOURNAL_FILE);
  }

  /** Bytes not yet folded: past a size the store folds without waiting to be idle. */
  get bytes(): number {
    return this.size;
  }

  /** The number of the latest line. */
  get head(): number {
    return this.last;
  }

  /** Appends one line and flushes it; resolves with its number once it is durable. A failed append leaves no trace. */
  append(staged: readonly JournalEntry[], version: number, sync?: JournaledChanges): Promise<number> {
    return this.locked(async () => {
      await this.followFile();
      const n = this.last + 1;
      const bytes = Buffer.from(`${JSON.stringify({ n, v: version, staged, sync })}\n`, 'utf8');
      const handle = await this.opened();
      try {
        if (this.dirtyTail) {
          await handle.truncate(this.size);
          this.dirtyTail = false;
        }
        await this.hooks.step?.('journal.append', JOURNAL_FILE);
        // Written at the known end, not in append mode: whatever a failed write left past it is overwritten or cut.
        for (let written = 0; written < bytes.length; ) {
          written += (await handle.write(bytes, written, bytes.length - written, this.size + written)).bytesWritten;
        }
        await this.hooks.step?.('journal.sync', JOURNAL_FILE);
        if (SYNCED_WRITES === 0) await handle.datasync();
      } catch (error) {
        // The change is reported as failed: its line must not be replayed at the next open.
        await handle
          .truncate(this.size)
          .then(() => handle.datasync())
          .catch(() => {
            this.dirtyTail = true;
          });
        throw error;
      }
      this.lines.push({ n, offset: this.size });
      this.size += bytes.length;
      this.last = n;
      return n;
    });
  }

  /**
   * One stat before each append: if another opening of the same folder folded the journal
   * (a test's fresh look at the folder while the app runs), the file is taken as it now is,
   * instead of writing past its end and leaving a hole the next open would call damage.
   */
  private async followFile(): Promise<void> {
    // Synchronous: a stat takes microseconds, a round trip through the thread pool costs more on the acknowledgement path.
    const onDisk = statSync(this.path, { throwIfNoEntry: false });
    if (this.handle && onDisk && onDisk.ino === this.inode && onDisk.size === this.size) return;
    if (!this.handle && (onDisk?.size ?? 0) === this.size) return;
    await this.closeHandle();
    let bytes = Buffer.alloc(0);
    try {
      bytes = await readFile(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const lines: { n: number; offset: number }[] = [];
    let offset = 0;
    for (let end = bytes.indexOf(0x0a); end !== -1; end = bytes.indexOf(0x0a, offset)) {
      let n: unknown;
      try {
        n = (JSON.parse(bytes.subarray(offset, end).toString('utf8')) as { n?: unknown }).n;
      } catch {
        break;
      }
      if (typeof n !== 'number') break;
      lines.push({ n, offset });
      offset = end + 1;
    }
    this.lines = lines;
    this.size = offset;
    this.last = lines.at(-1)?.n ?? this.last;
    // Whatever follows the last whole line is cut before the next one is written.
    this.dirtyTail = offset < bytes.length;
  }

  /** Drops the lines up to `n` once the data files hold them; later lines (changes made during the fold) stay. */
  dropUpTo(n: number): Promise<void> {
    return this.locked(async () => {
      const keepFrom = this.lines.findIndex((line) => line.n > n);
      if (keepFrom === 0 || this.lines.length === 0) return;
      await this.hooks.step?.('journal.drop', JOURNAL_FILE);
      if (keepFrom === -1) {
        const handle = await this.opened();
        await handle.truncate(0);
        await handle.datasync();
        this.lines = [];
        this.size = 0;
        return;
      }
      const from = this.lines[keepFrom]!.offset;
      const rest = Buffer.alloc(this.size - from);
      await (await this.opened()).read(rest, 0, rest.length, from);
      // Replaced in one rename: a crash leaves the whole old journal (replayed twice, harmlessly) or the rest.
      await writeFileAtomic(this.path, rest.toString('utf8'), this.hooks);
      await this.closeHandle();
      this.lines = this.lines.slice(keepFrom).map((line) => ({ n: line.n, offset: line.offset - from }));
      this.size -= from;
    });
  }

  /** Closes the file; a later append opens it again. */
  close(): Promise<void> {
    return this.locked(() => this.closeHandle());
  }

  private async closeHandle(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close();
  }

  private async opened(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    let handle: FileHandle;
    try {
      handle = await open(this.path, constants.O_RDWR | SYNCED_WRITES);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      handle = await open(this.path, constants.O_RDWR | constants.O_CREAT | constants.O_TRUNC | SYNCED_WRITES, 0o600);
      // The new name must survive a power cut as well as the lines written into it.
      await flushFolder(this.dataDir);
    }
    try {
      this.inode = (await handle.stat()).ino;
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
    this.handle = handle;
    return handle;
  }

  private locked<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

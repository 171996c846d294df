/**
 * Folding the write journal into the data files (issue 11): the files a change touched are
 * rewritten from memory later, off the acknowledgement path — once the changes pause, at
 * once past a size, on close and before a backup — and the folded lines are then dropped.
 */
import { access, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { WriteHooks } from './atomic-write';
import { endWriteBatch, writeDataFile } from './data-files';
import { serialiseFile, type FileRecords, type SyncSection } from './envelope';
import { isPartition, summarise, type StoreIndex } from './store-index';
import type { WriteJournal } from './write-journal';

/** Folding waits for this long a pause in the changes (an organiser typing an order makes one every few seconds at most). */
const FOLD_WHEN_IDLE_MS = 1_000;
/** About two thousand order edits: replaying them at open stays far under the time to read the files. */
const FOLD_PAST_BYTES = 4 * 1024 * 1024;

export interface FoldContext {
  dataDir: string;
  journal: WriteJournal;
  formatVersion: number;
  writeHooks?: WriteHooks;
  /** The store's index, brought up to date with every partition written. */
  index?: StoreIndex;
  /** How long after the last change the journal is folded (false: only on close, past a size, before a backup). */
  whenIdleMs?: number | false;
  /** Past this many journal bytes, a change starts a fold without waiting to be idle. */
  pastBytes?: number;
  /**
   * Runs before the folded lines up to `upTo` are dropped, and says up to where they may be: what
   * else they keep durable (a syncing copy's sync journal entries) is written elsewhere first, or kept.
   */
  beforeDrop?: (upTo: number) => Promise<number>;
  /** A file's records and sync section as held in memory now, taken in one synchronous step. */
  contents(path: string): { records: FileRecords; sync: SyncSection };
  /** True once a restore replaced the store: its memory no longer matches the folder, it never folds again. */
  retired(): boolean;
}

export class Folding {
  /** Data files whose records changed since they were last written. */
  private readonly dirty = new Set<string>();
  /** The number of the latest journal line held in memory. */
  private applied = 0;
  private chain: Promise<unknown> = Promise.resolve();
  /** While above zero (a backup or restore reading the files), no fold starts on its own. */
  private held = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly whenIdleMs: number | false;
  private readonly pastBytes: number;

  constructor(private readonly context: FoldContext) {
    this.whenIdleMs = context.whenIdleMs ?? FOLD_WHEN_IDLE_MS;
    this.pastBytes = context.pastBytes ?? FOLD_PAST_BYTES;
  }

  /** A file whose records changed in memory: the next fold writes it. */
  touched(path: string): void {
    this.dirty.add(path);
  }

  /** The data files whose records changed in memory and are not yet written (at open: the ones the journal's lines touched). */
  get unfolded(): ReadonlySet<string> {
    return this.dirty;
  }

  /** The journal line `n` is held in memory: a fold from now on may drop it. */
  reached(n: number): void {
    this.applied = n;
  }

  /** Runs `work` with no fold starting on its own until it ends (a fold it asks for itself still runs). */
  async holding<T>(work: () => Promise<T>): Promise<T> {
    this.held += 1;
    try {
      return await work();
    } finally {
      this.held -= 1;
    }
  }

  /** Resolves once the index saves under way (a fold's, an entry dropped by a lookup) are done. */
  settled(): Promise<void> {
    return this.context.index?.settled() ?? Promise.resolve();
  }

  /** No fold starts on its own any more (a pending one is called off). */
  stop(): void {
    clearTimeout(this.idleTimer);
  }

  /**
   * Brings the data files up to date with the journal, then drops the folded lines. Runs
   * beside transactions: each file is serialised from memory in one synchronous step,
   * so it holds at least every line up to `upTo`; lines appended meanwhile stay in the
   * journal and their files stay dirty. One fold at a time.
   */
  fold(): Promise<void> {
    const run = this.chain.then(() => this.foldOnce());
    this.chain = run.catch(() => undefined);
    return run;
  }

  /**
   * Folds with every file taken from memory at one instant, then runs `work` before any
   * other fold starts: while it runs the data files hold exactly the changes up to that
   * instant, though changes go on into the journal (the daily backup copies them so,
   * without making anyone wait: daily-backup.ts).
   */
  snapshot<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(async () => {
      if (this.context.retired()) throw new Error('the store was replaced by a restore');
      await this.foldOnce(true);
      return work();
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /**
   * `atOnce`: every file is serialised in the same synchronous step as `upTo` is taken, so
   * the files written hold the lines up to `upTo` and no later one (what a backup that leaves
   * the journal out needs). Otherwise each file is serialised when its turn comes (no more
   * than one file's text in memory), and may hold later lines too: the journal keeps them.
   */
  private async foldOnce(atOnce = false): Promise<void> {
    const { dataDir, journal, formatVersion, writeHooks, index } = this.context;
    if (this.context.retired()) return;
    // A data folder that went away (a removed drive, a test's folder deleted) is not recreated by a late fold.
    await access(dataDir);
    const upTo = this.applied;
    const paths = [...this.dirty];
    this.dirty.clear();
    const contents = (path: string) => {
      const { records, sync } = this.context.contents(path);
      return { records, sync, text: serialiseFile(records, formatVersion, sync) };
    };
    const taken = atOnce ? new Map(paths.map((path) => [path, contents(path)])) : undefined;
    try {
      for (const path of paths) {
        await writeHooks?.step?.('fold.file', path);
        const { records, sync, text } = taken?.get(path) ?? contents(path);
        await writeDataFile(dataDir, path, text, writeHooks, true);
        // The entry sums up the file as just written; a crash before the index is saved leaves it stale, and the next open reads the file.
        if (index && isPartition(path)) index.put(path, summarise(records, sync, await stat(join(dataDir, path))));
      }
    } catch (error) {
      for (const path of paths) this.dirty.add(path);
      throw error;
    } finally {
      await endWriteBatch(dataDir);
    }
    // Only a shortcut for the next open: failing to write it loses nothing.
    if (index && paths.some(isPartition)) await index.save().catch(() => undefined);
    await journal.dropUpTo((await this.context.beforeDrop?.(upTo)) ?? upTo);
  }

  /** After a change (or lines replayed at open): a fold once the changes pause, or at once past a size. Never on the acknowledgement path. */
  soon(): void {
    clearTimeout(this.idleTimer);
    const start = () => {
      // A failed fold loses nothing (the journal keeps the lines); the next one tries again.
      if (this.held === 0 && !this.context.retired()) void this.fold().catch(() => undefined);
    };
    if (this.context.journal.bytes > this.pastBytes) start();
    else if (this.whenIdleMs !== false) {
      this.idleTimer = setTimeout(start, this.whenIdleMs);
      // A pending fold must not keep a process alive: the journal already holds the change.
      this.idleTimer.unref?.();
    }
  }
}

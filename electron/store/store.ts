/**
 * The relay's data: every record in memory, one JSON file per entity group on
 * disk. All changes go through `transact`, one at a time, so a rule checked
 * inside a transaction still holds when its result is written; the change is
 * acknowledged (the promise resolves) once its line is flushed to the write
 * journal (write-journal.ts). The touched data files are rewritten later, off
 * the acknowledgement path (folding.ts), and opening reads the files then
 * replays the journal. Around this kernel: transactions (transaction.ts), the
 * change records they make (change-records.ts), which records each file holds
 * (file-index.ts), the files read on first use (partition-loader.ts), the
 * sync ledger (sync-ledger.ts) and the daily backup in the background (daily-backup.ts).
 */
import { mkdir } from 'node:fs/promises';
import type { StoreProblem } from '../../shared/contract/results';
import { UserError } from '../../shared/contract/errors';
import type { AccountEntry } from '../../shared/accounts/ledger';
import type { ChangeRecord, EntityKind } from '../../shared/model/change';
import { HybridClock } from '../../shared/sync/hlc';
import type { Stamps } from '../../shared/sync/stamps';
import type { WriteHooks } from './atomic-write';
import type { JournaledChanges, SyncLog } from './sync-log';
import { readJournal, WriteJournal, type JournalEntry, type JournalLine } from './write-journal';
import { createBackup } from './backups';
import { DailyBackup, type BackupFailure } from './daily-backup';
import { endWriteBatch, openDataFolder, writeDataFile } from './data-files';
import { loadDeviceId } from './device-id';
import { fileOf, type EntityOf } from './entities';
import { serialiseFile } from './envelope';
import { currentFormat, type FormatSpec } from './migrations';
import { keyOf, latestOf, SyncLedger, type Grave, type MergeResult } from './sync-ledger';
import { Partitions } from './partitions';
import { PartitionLoader } from './partition-loader';
import { StoreIndex, type IndexEntry } from './store-index';
import { changesOf } from './change-records';
import { FileIndex } from './file-index';
import { Folding } from './folding';
import { emptyTables, takeIn, type Tables } from './tables';
import { Transaction, type PublishedOrdered, type Staged } from './transaction';
import type { ValidatedFiles } from './validated-files';

export type { FieldContest, Grave, MergeResult, RefusedField } from './sync-ledger';
export { Transaction, type Loader, type PublishedOrdered, type PutOptions, type RemovableKind } from './transaction';

export interface StoreOptions {
  dataDir: string;
  format?: FormatSpec;
  now?: () => Date;
  writeHooks?: WriteHooks;
  /** How long after the last change the journal is folded into the data files (false: only on close, past a size, before a backup). */
  foldWhenIdleMs?: number | false;
  /** Past this many journal bytes, a change starts a fold without waiting to be idle. */
  foldPastBytes?: number;
  /**
   * The daily backup, taken in the background (the open and the changes never wait for it):
   * `afterOpenMs` after open (false: not after open) and at the first change made here each day.
   * Left out or false, only when asked (`backupIfNewDay`): the app passes it (backend.ts), a test
   * that is not about backups has none running beside it.
   */
  dailyBackup?: { afterOpenMs: number | false } | false;
  /** Rules derived from changes, run inside every `transact` (DerivedRule). */
  rules?: readonly DerivedRule[];
  /**
   * The sync journal of a copy that syncs: each commit's entries for it ride in the commit's journal
   * line, so the change is one durable write (sync-log.ts); its file is brought up to date before
   * folded lines are dropped, and the lines replayed at open are handed to it again.
   */
  syncLog?: SyncLog;
}

/** A record a transaction wrote, with its state before, for the rules derived from it. */
export interface Written {
  kind: EntityKind;
  record: { id: string };
  before: { id: string } | undefined;
  removed: boolean;
}

/**
 * A rule derived from changes (an order written ⇒ its account debit in line): registered
 * once with the store and run inside every `transact`, after its work and in the same
 * write, so no caller can forget it. It is not run on changes merged from other copies:
 * the copy that made them ran it already, and merged its results.
 */
export type DerivedRule = (tx: Transaction, written: readonly Written[], at: Date) => void;

export type OpenResult = { state: 'ready'; store: Store } | { state: 'recovery'; problem: StoreProblem };

/**
 * Told of each commit, after it: its changes, and the records they replaced (by `kind:id`, undefined for
 * a new one), for what follows which records a change moved away from (an entry's former order).
 */
export type ChangeListener = (changes: readonly ChangeRecord[], replaced: ReadonlyMap<string, { id: string } | undefined>) => void;

export async function openStore(options: StoreOptions): Promise<OpenResult> {
  const { dataDir, format = currentFormat, now = () => new Date() } = options;
  await mkdir(dataDir, { recursive: true });
  const partitions = new Partitions(await StoreIndex.read(dataDir, format.version), now());
  const read = await openDataFolder(dataDir, format, partitions);
  if (!read.ok) return { state: 'recovery', problem: read.problem };
  const journaled = await readJournal(dataDir, format);
  if (!journaled.ok) return { state: 'recovery', problem: journaled.problem };

  const outdated = read.files.filter((file) => file.version < format.version);
  if (outdated.length > 0) {
    // The backup comes first: a migration that goes wrong must be undoable by hand.
    await createBackup(dataDir, 'pre-migration', now());
    for (const file of outdated) {
      await writeDataFile(dataDir, file.path, serialiseFile(file.records, format.version, file.sync), options.writeHooks, true);
    }
    await endWriteBatch(dataDir);
  }
  if (await partitions.index.summariseRead(read.files)) await partitions.index.save().catch(() => undefined);

  const tables = emptyTables();
  const stamps = new Map<string, Stamps>();
  const graves = new Map<string, Grave>();
  for (const file of read.files) takeIn(file, tables, stamps, graves);
  // The distributions of the files left unread come from the index: the season list needs no file.
  for (const entry of partitions.unloaded.values()) {
    const distribution = entry.distribution as EntityOf<'distribution'> | null;
    if (distribution) tables.distribution.set(distribution.id, distribution);
  }
  const journal = await WriteJournal.open(dataDir, journaled.journal, options.writeHooks);
  const deviceId = await loadDeviceId(dataDir);
  const ledger = new SyncLedger(deviceId, stamps, graves);
  const store = new Store(dataDir, deviceId, tables, format, now, { ...options, journal, partitions, trust: read.trust }, ledger);
  store.indexAll();
  // Lines left by a session that ended without folding (a crash, a killed process) are held in memory and
  // folded with the next change, on close or before the daily backup: opening writes nothing it does not have to.
  store.replay(journaled.journal.lines);
  // The backup copies every file that changed since the last one (seconds at five years): it waits until
  // the first screen is up, then runs beside the changes (issue 11).
  if (options.dailyBackup && options.dailyBackup.afterOpenMs !== false) store.backupAfter(options.dailyBackup.afterOpenMs);
  if (journaled.journal.lines.length > 0) store.foldSoon();
  return { state: 'ready', store };
}

export class Store {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly journal: WriteJournal;
  private readonly rules: readonly DerivedRule[];
  private readonly syncLog?: SyncLog;
  /**
   * Lines replayed at open carrying sync journal entries that no sync log took (a look at the folder
   * without the app's syncer): never dropped by this store's folds, so the app's next open hands them over.
   */
  private readonly untaken: number[] = [];
  private readonly listeners = new Set<ChangeListener>();
  private readonly clock: HybridClock;
  /** Work on the data files as a whole (the daily backup, a manual one, a restore, close): one at a time. */
  private filesQueue: Promise<unknown> = Promise.resolve();
  private readonly daily: DailyBackup;
  private readonly backupAtChanges: boolean;
  /** Set once a restore replaced this store (null: the reopened folder is in recovery). */
  private successor: Store | null | undefined;
  /** Which records each file holds, so writing a file never scans years of other files' records. */
  private readonly fileIndex = new FileIndex();
  /** What every read goes through: the partitions it needs are loaded first. */
  private readonly load: PartitionLoader;
  private readonly folding: Folding;
  private published: PublishedOrdered = new Map();
  private committed = 0;

  constructor(
    readonly dataDir: string,
    readonly deviceId: string,
    private readonly tables: Tables,
    private readonly format: FormatSpec,
    private readonly now: () => Date,
    options: Pick<StoreOptions, 'writeHooks' | 'syncLog' | 'foldWhenIdleMs' | 'foldPastBytes' | 'rules' | 'dailyBackup'> & {
      journal: WriteJournal;
      /** The files the open left unread, loaded on first access (none: everything was read). */
      partitions?: Partitions;
      /** The folder's validated-files list, to note the files loaded later. */
      trust?: ValidatedFiles;
    },
    /** Each record's field timestamps and the records taken out: what merging other copies' changes needs (sync-ledger.ts). */
    private readonly ledger = new SyncLedger(deviceId),
  ) {
    this.syncLog = options.syncLog;
    this.backupAtChanges = Boolean(options.dailyBackup);
    this.journal = options.journal;
    this.rules = options.rules ?? [];
    this.clock = new HybridClock(deviceId, () => now().getTime());
    const { partitions, trust } = options;
    this.load = new PartitionLoader({ dataDir, format, tables, ledger: this.ledger, fileIndex: this.fileIndex, partitions, trust });
    this.folding = new Folding({
      dataDir,
      journal: this.journal,
      formatVersion: format.version,
      writeHooks: options.writeHooks,
      index: partitions?.index,
      whenIdleMs: options.foldWhenIdleMs,
      pastBytes: options.foldPastBytes,
      beforeDrop: async (upTo) => {
        if (!this.syncLog) return Math.min(upTo, (this.untaken[0] ?? Infinity) - 1);
        await this.syncLog.flush();
        return upTo;
      },
      contents: (path) => {
        const current = this.view();
        return { records: this.fileIndex.recordsOf(path, current), sync: this.fileIndex.syncOf(path, current, this.tables, this.ledger) };
      },
      retired: () => this.successor !== undefined,
    });
    this.daily = new DailyBackup({ dataDir, now, folding: this.folding, hooks: options.writeHooks, oneAtATime: (work) => this.oneAtATime(work) });
    this.resumeClock(this.ledger.stamps.values(), this.ledger.graves.values());
    const unread = partitions?.latest() ?? '';
    if (unread !== '') this.clock.resume(unread);
  }

  /** The index entry of a file the open left unread (its counts and totals), or undefined once it is loaded. */
  unreadSummary(path: string): IndexEntry | undefined {
    return this.load.unread(path);
  }

  /** Each member's balance and number of entries (null: walk-in sales), without reading years of months. */
  accountTotals(): Map<string | null, { balanceCents: number; entryCount: number }> {
    return this.load.accountTotals();
  }

  /** The account entries of these orders, from the months that hold some (Transaction.entriesOfOrders). */
  entriesOfOrders(orderIds: ReadonlySet<string>): AccountEntry[] {
    return this.view().entriesOfOrders(orderIds);
  }

  /** A member's whole account, from the months that hold some of it. */
  entriesOfMember(memberId: string): AccountEntry[] {
    return this.view().entriesOfMember(memberId);
  }

  /** The entries taken at a distribution's counter, from the months that hold some. */
  entriesOfDistribution(distributionId: string): AccountEntry[] {
    return this.view().entriesOfDistribution(distributionId);
  }

  /** The entries of the months from `first` to `last` (`yyyy-MM`, inclusive; open-ended when undefined): only those months are read. */
  entriesOfMonths(first: string | undefined, last: string | undefined): AccountEntry[] {
    return this.view().entriesOfMonths(first, last);
  }

  /** Members' balances, the months still unread counted from the index. */
  balancesOf(memberIds: ReadonlySet<string | null>): Map<string | null, number> {
    return this.view().balancesOf(memberIds);
  }

  /** A read-only look through a transaction that stages nothing: the same reads as the store's, one place for them. */
  private view(): Transaction {
    return new Transaction(this.tables, this.fileIndex, this.load, this.published);
  }

  /** Every partition the open left unread: for what reads the whole copy (a snapshot for sync). */
  loadAll(): void {
    this.load.loadAll();
  }

  /** How many files the open left unread and nothing has needed since. */
  get unloadedFiles(): number {
    return this.load.unloadedFiles;
  }

  /** The clock resumes after the latest change this copy holds, so a restart never reuses a timestamp. */
  private resumeClock(stamps: Iterable<Stamps>, graves: Iterable<Grave>): void {
    const latest = latestOf(stamps, graves);
    if (latest !== '') this.clock.resume(latest);
  }

  /** Applies the journal lines read at open over the records read from the files. */
  replay(lines: readonly JournalLine[]): void {
    for (const line of lines) {
      this.apply(line.staged);
      this.folding.reached(line.n);
      // Entries the sync journal may not have written before the session ended: it skips those it holds.
      if (line.sync && this.syncLog) this.syncLog.taken(line.sync);
      else if (line.sync) this.untaken.push(line.n);
    }
    const staged = lines.flatMap((line) => line.staged);
    this.resumeClock(
      staged.flatMap((entry) => (entry.stamps ? [entry.stamps] : [])),
      staged.flatMap((entry) => (entry.grave ? [entry.grave] : [])),
    );
  }

  /** Which records each file holds, taken again from every record held. */
  indexAll(): void {
    this.fileIndex.rebuild(this.tables, this.ledger);
  }

  /** The field timestamps of a record; fields written before sync existed count as this copy's, at the epoch. */
  stampsOf(kind: EntityKind, id: string): Stamps | undefined {
    this.load.whole(kind, id);
    return this.ledger.stampsOf(kind, id, this.tables[kind].get(id) as Record<string, unknown> | undefined);
  }

  /** Records taken out, with their removal time: part of a copy's state for sync. */
  removedRecords(): { kind: EntityKind; id: string; grave: Grave }[] {
    this.loadAll();
    return this.ledger.removedRecords();
  }


  publishedOrdered(distributionId: string): ReadonlyMap<string, number> | undefined {
    return this.published.get(distributionId);
  }

  /** A producer's copy: the ordered totals read from the producers folder, for its stock screen and stock rules. */
  setPublishedOrdered(totals: Record<string, Record<string, number>>): void {
    this.published = new Map(Object.entries(totals).map(([distributionId, byProduct]) => [distributionId, new Map(Object.entries(byProduct))]));
  }

  /** Moves the clock past a timestamp seen in another copy's changes (refused if that clock is too far ahead). */
  receiveTime(at: string): void {
    this.clock.receive(at);
  }

  get<K extends EntityKind>(kind: K, id: string): EntityOf<K> | undefined {
    this.load.record(kind, id);
    return this.tables[kind].get(id);
  }

  all<K extends EntityKind>(kind: K): EntityOf<K>[] {
    this.load.kind(kind);
    return [...this.tables[kind].values()];
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs `work` alone: no other transaction starts until its files are written.
   * If `work` throws, or a write fails, nothing changes in memory.
   */
  transact<T>(work: (tx: Transaction) => T | Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      if (this.successor !== undefined) {
        if (this.successor === null) throw new UserError('error.recoveryMode');
        return this.successor.transact(work);
      }
      // The rules date what they write when the transaction began: never after what the work itself
      // dated (a counter's debit before the payment taken against it, whatever the clock did meanwhile).
      const began = this.now();
      const tx = new Transaction(this.tables, this.fileIndex, this.load, this.published, (staged) => this.derive(staged, began));
      const result = await work(tx);
      this.derive(tx, began);
      await this.commit(tx, this.changesOf(tx), null);
      return result;
    });
  }

  /** Runs the derived rules over what the work staged; what they stage joins the same write. */
  private derive(tx: Transaction, at: Date): void {
    if (this.rules.length === 0 || tx.staged.size === 0) return;
    const written = [...tx.staged.values()].map(({ kind, record, removed }) => ({
      kind,
      record,
      before: this.tables[kind].get(record.id) as { id: string } | undefined,
      removed: removed === true,
    }));
    for (const rule of this.rules) rule(tx, written, at);
  }

  /** Counts committed changes: a view derived from the whole store (the conflicts list) is recomputed only when it moves. */
  get version(): number {
    return this.committed;
  }

  private async commit(tx: Transaction, changes: ChangeRecord[], origin: string | null): Promise<void> {
    if (changes.length === 0) return;
    const sync = this.syncLog?.entriesFor(changes, origin);
    const n = await this.append(tx, sync);
    if (sync) this.syncLog?.taken(sync);
    const replaced = new Map([...tx.staged.values()].map(({ kind, record }) => [keyOf(kind, record.id), this.tables[kind].get(record.id) as { id: string } | undefined]));
    this.apply(tx.staged.values());
    this.folding.reached(n);
    this.committed += 1;
    this.folding.soon();
    for (const listener of this.listeners) listener(changes, replaced);
    // Started here, never waited for: the change is acknowledged as soon as it is journaled, and a
    // failed backup never turns it into an error (the organiser would type it again). Started at a
    // change made here, not at a merge: a new copy's first sync would otherwise fold and copy every
    // file it took from the folder while it goes on (issue 11).
    if (origin === null && this.backupAtChanges) void this.backupIfNewDay();
  }

  /**
   * Merges changes made on other copies, per field, last writer wins: the decisions are
   * shared/sync/merge.ts's, taken by the sync ledger (sync-ledger.ts) over the records
   * held here. A record the changes do not make whole and valid is left as it is and
   * its changes are handed back as `parked`, to be merged again with later ones.
   */
  merge(changes: readonly ChangeRecord[], origin: string): Promise<MergeResult> {
    return this.exclusive(async () => {
      if (this.successor !== undefined) {
        if (this.successor === null) throw new UserError('error.recoveryMode');
        return this.successor.merge(changes, origin);
      }
      const tx = new Transaction(this.tables, this.fileIndex, this.load, this.published);
      const { result, entries } = this.ledger.merge(changes, (kind, id) => {
        this.load.whole(kind, id);
        return this.tables[kind].get(id) as Record<string, unknown> | undefined;
      });
      for (const entry of entries) tx.staged.set(keyOf(entry.kind, entry.record.id), entry);
      // The latest is enough to resume after (timestamps sort as strings), not each of a snapshot's parsed again.
      const latest = result.applied.reduce((max, change) => (change.at > max ? change.at : max), '');
      if (latest !== '') this.clock.resume(latest);
      await this.commit(tx, result.applied, origin);
      return result;
    });
  }

  /**
   * After a restore the workspace reopens the folder and this store's memory no longer
   * matches the disk. Transactions already queued here run on the reopened store instead,
   * so none of them writes the old data back over the restored files.
   */
  retire(successor: Store | null): void {
    this.successor = successor;
    this.folding.stop();
    this.daily.stop();
    // Its memory no longer matches the folder: it must never fold again, nor hold the old journal open.
    void this.journal.close().catch(() => undefined);
  }

  /** Today's daily backup, in the background (daily-backup.ts): resolves once it ended, never rejects. */
  backupIfNewDay(): Promise<void> {
    return this.daily.ifNewDay();
  }

  /** The last daily backup failed (and no later one succeeded): when and why, for the backups screen. */
  get backupFailure(): BackupFailure | undefined {
    return this.daily.failure;
  }

  /** The daily backup, `ms` from now (after open: once the first screen is up). */
  backupAfter(ms: number): void {
    this.daily.after(ms);
  }

  /** Runs `work` once no other whole-folder work (a backup, a restore, close) is under way. */
  private oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const run = this.filesQueue.then(work);
    this.filesQueue = run.catch(() => undefined);
    return run;
  }

  /** Resolves once the whole-folder work under way (a daily backup) has ended; changes go on meanwhile. */
  filesIdle(): Promise<void> {
    return this.filesQueue.then(() => undefined);
  }

  /**
   * Runs `work` between transactions with no fold starting on its own until it ends, after a
   * daily backup under way: a backup or a restore reading the data files calls `fold()`
   * first, then finds them complete.
   */
  withFoldsHeld<T>(work: () => Promise<T>): Promise<T> {
    // In the changes' queue from the call on (a change asked after a restore lands on the restored data);
    // so while it waits for a daily backup under way, the changes asked after it wait too.
    return this.exclusive(() => this.oneAtATime(() => this.folding.holding(work)));
  }

  /**
   * Waits for a daily backup under way (a backup cut off would be left out of the list, but
   * one that ends is better), folds, then closes the journal: the backend's close path.
   * Changes made afterwards still work (the journal reopens); no daily backup starts any more.
   */
  close(): Promise<void> {
    this.daily.stop();
    return this.withFoldsHeld(async () => {
      this.folding.stop();
      await this.fold();
      await this.folding.settled();
      await this.journal.close();
      // The files now hold everything: what is derived from them and saved beside them is saved against them.
      // Not a retired store's: its memory no longer matches the folder (a restore replaced it).
      if (this.successor === undefined) for (const closing of this.closing) await closing().catch(() => undefined);
    });
  }

  private readonly closing = new Set<() => Promise<void>>();

  /** Work run once the store is closed and its files hold every change (a derived result saved against them). */
  onClose(work: () => Promise<void>): void {
    this.closing.add(work);
  }

  /** Data files whose records changed in memory and are not yet written (at open: those the journal's replayed lines touched). */
  unfoldedFiles(): string[] {
    return [...this.folding.unfolded];
  }

  /** Brings the data files up to date with the journal, then drops the folded lines (folding.ts). */
  fold(): Promise<void> {
    return this.folding.fold();
  }

  /** After a change (or lines replayed at open): a fold once the changes pause, or at once past a size. */
  foldSoon(): void {
    this.folding.soon();
  }

  /** Runs `work` between transactions, e.g. a backup that must not see a half-applied change. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private changesOf(tx: Transaction): ChangeRecord[] {
    const { deviceId, tables, ledger, clock } = this;
    return changesOf(tx, { deviceId, tables, ledger, clock, stampsOf: (kind, id) => this.stampsOf(kind, id) });
  }

  /** The transaction's line in the journal, flushed: once this resolves the change survives a power cut. */
  private async append(tx: Transaction, sync: JournaledChanges | undefined): Promise<number> {
    const entries: JournalEntry[] = [...tx.staged.values()].map(({ kind, record, removed, stamps, grave }) => ({ kind, record, removed, stamps, grave }));
    try {
      return await this.journal.append(entries, this.format.version, sync);
    } catch (error) {
      throw new UserError('error.storeWrite', { detail: (error as Error).message });
    }
  }

  /** The records of one kind held by one file, without scanning the others. */
  inFile<K extends EntityKind>(kind: K, path: string): EntityOf<K>[] {
    this.load.file(path);
    return [...(this.fileIndex.idsOf(path, kind) ?? [])].map((id) => this.tables[kind].get(id)!);
  }

  private apply(staged: Iterable<Omit<Staged, 'baseline'>>): void {
    for (const { kind, record, removed, stamps, grave } of staged) {
      const key = keyOf(kind, record.id);
      const path = fileOf(kind, record as never);
      // A change replayed or merged into an unread file: the file comes in first, so the fold writes it whole.
      this.load.file(path);
      this.folding.touched(path);
      this.ledger.record({ kind, record, removed, stamps, grave });
      if (grave) this.fileIndex.addGrave(path, key);
      if (removed) {
        this.tables[kind].delete(record.id);
        this.fileIndex.remove(kind, record);
        continue;
      }
      (this.tables[kind] as Map<string, unknown>).set(record.id, record);
      this.fileIndex.add(kind, record);
    }
  }
}

/**
 * The relay's data: every record in memory, one JSON file per entity group on
 * disk. All changes go through `transact`, one at a time, so a rule checked
 * inside a transaction still holds when its result is written; the change is
 * acknowledged (the promise resolves) once its line is flushed to the write
 * journal (write-journal.ts). The touched data files are rewritten later, off
 * the acknowledgement path (`fold`: when idle, past a size, on close and
 * before a backup), and opening reads the files then replays the journal.
 */
import { randomUUID } from 'node:crypto';
import { access, mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { format as formatDate } from 'date-fns';
import { z } from 'zod';
import type { StoreProblem } from '../../shared/contract/results';
import { UserError } from '../../shared/contract/errors';
import type { ChangeRecord, EntityKind } from '../../shared/model/change';
import { HybridClock } from '../../shared/sync/hlc';
import { legacyStamp, stampedAt, withFields, type Stamps } from '../../shared/sync/stamps';
import { writeFileAtomic, type WriteHooks } from './atomic-write';
import { readJournal, WriteJournal, type JournalEntry, type JournalLine } from './write-journal';
import { createBackup, ensureDailyBackup } from './backups';
import { endWriteBatch, openDataFolder, readDataFileSync, writeDataFile, type LoadedFile } from './data-files';
import { distributionFile, entities, entityKinds, fileOf, type EntityOf } from './entities';
import { serialiseFile, type FileRecords, type SyncSection } from './envelope';
import { currentFormat, type FormatSpec } from './migrations';
import { keyOf, latestOf, SyncLedger, type Grave, type MergeResult } from './sync-ledger';
import { Partitions } from './partitions';
import { isPartition, StoreIndex, summarise, type IndexEntry } from './store-index';
import type { ValidatedFiles } from './validated-files';

export type { FieldContest, Grave, MergeResult, RefusedField } from './sync-ledger';

export interface StoreOptions {
  dataDir: string;
  format?: FormatSpec;
  now?: () => Date;
  writeHooks?: WriteHooks;
  /** How long after the last change the journal is folded into the data files (false: only on close, past a size, before a backup). */
  foldWhenIdleMs?: number | false;
  /** Past this many journal bytes, a change starts a fold without waiting to be idle. */
  foldPastBytes?: number;
  /** Rules derived from changes, run inside every `transact` (DerivedRule). */
  rules?: readonly DerivedRule[];
  /**
   * Called with every committed batch of changes once its files are on disk and
   * before the change is acknowledged: the sync journal. `origin` is null for a
   * change made on this copy, or the sync folder a merged change came from.
   */
  onCommit?: (changes: readonly ChangeRecord[], origin: string | null) => Promise<void>;
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

type Tables = { [K in EntityKind]: Map<string, EntityOf<K>> };
/** A record to write, or (`removed`) to take out of its file; `record` is then its last state, which names the file. */
type Staged = { kind: EntityKind; record: { id: string }; removed?: true; stamps?: Stamps; grave?: Grave; baseline?: Record<string, unknown> };

export interface PutOptions {
  /**
   * For a record written for the first time over values every copy assumes
   * anyway (the relay's default settings): fields still equal to them are not
   * news, and count as written at the epoch, so they never win over a real
   * write from another copy (a new copy saving its language before its first
   * sync must not put "Mon relais" over the relay's name everywhere).
   */
  baseline?: Record<string, unknown>;
}

/**
 * The only kinds a transaction may remove outright. Records with history
 * (producers, products, members, orders…) are archived or cancelled instead;
 * an empty pickup slot has none, and a removed slot must not linger on the
 * sheets or in its distribution's file.
 */
export type RemovableKind = Extract<EntityKind, 'slot'>;
export type ChangeListener = (changes: readonly ChangeRecord[]) => void;

const deviceSchema = z.object({ deviceId: z.uuid() });

/** The device id names this copy of the app in change records; it is made once per data folder. */
async function loadDeviceId(dataDir: string): Promise<string> {
  const path = join(dataDir, 'device.json');
  try {
    return deviceSchema.parse(JSON.parse(await readFile(path, 'utf8'))).deviceId;
  } catch {
    const deviceId = randomUUID();
    await writeFileAtomic(path, JSON.stringify({ deviceId }));
    return deviceId;
  }
}

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
  if (await summariseRead(dataDir, partitions.index, read.files)) await partitions.index.save().catch(() => undefined);

  const tables = Object.fromEntries(entityKinds.map((kind) => [kind, new Map()])) as Tables;
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
  await store.backupIfNewDay();
  if (journaled.journal.lines.length > 0) store.foldSoon();
  return { state: 'ready', store };
}

/** Puts a file's records, stamps and removed records into the tables and the ledger's maps. */
function takeIn(file: Pick<LoadedFile, 'records' | 'sync'>, tables: Tables, stamps: Map<string, Stamps>, graves: Map<string, Grave>): void {
  for (const kind of entityKinds) {
    for (const record of file.records[kind] ?? []) (tables[kind] as Map<string, unknown>).set(record.id, record);
    for (const [id, stamp] of Object.entries(file.sync.stamps?.[kind] ?? {})) stamps.set(keyOf(kind, id), stamp);
    for (const [id, grave] of Object.entries(file.sync.removed?.[kind] ?? {})) graves.set(keyOf(kind, id), grave);
  }
}

/** Index entries for the partitions read at open that had none (new, changed, or no index yet); true if any was added. */
async function summariseRead(dataDir: string, index: StoreIndex, files: readonly LoadedFile[]): Promise<boolean> {
  let added = false;
  for (const file of files) {
    if (!isPartition(file.path) || index.entries.has(file.path)) continue;
    index.entries.set(file.path, summarise(file.records, file.sync, await stat(join(dataDir, file.path))));
    added = true;
  }
  return added;
}

/** Loads the partitions (partitions.ts) that a read is about to need; the store's own records need none. */
export interface Loader {
  file(path: string): void;
  record(kind: EntityKind, id: string): void;
  kind(kind: EntityKind): void;
  /** No load: the index entry of a file still unread. */
  unread(path: string): IndexEntry | undefined;
}

/** Distribution → product → quantity ordered, as published in the producers folder. */
export type PublishedOrdered = Map<string, Map<string, number>>;

/** Which records each file holds: path → kind → ids. */
type FileIndex = Map<string, Map<EntityKind, Set<string>>>;

export class Transaction {
  readonly staged = new Map<string, Staged>();

  constructor(
    private readonly tables: Tables,
    private readonly fileIndex: FileIndex,
    private readonly load: Loader,
    private readonly published: PublishedOrdered = new Map(),
    private readonly rules?: (tx: Transaction) => void,
  ) {}

  /**
   * Runs the store's derived rules now over what is staged so far, for work that reads
   * their result before it ends (a counter sale takes its payment against the debit).
   * They run again after the work; a rule brings records in line, so a second run adds nothing.
   */
  applyRules(): void {
    this.rules?.(this);
  }

  /** The index entry of a file still unread (its counts and totals), or undefined once it is loaded. */
  unreadSummary(path: string): IndexEntry | undefined {
    return this.load.unread(path);
  }

  /** What the organisers' copies report as ordered in a distribution, per product (a producer's copy holds no orders). */
  publishedOrdered(distributionId: string): ReadonlyMap<string, number> | undefined {
    return this.published.get(distributionId);
  }

  /** The records of one kind held by one file (e.g. the offers of one distribution), staged changes included. */
  inFile<K extends EntityKind>(kind: K, path: string): EntityOf<K>[] {
    this.load.file(path);
    const known = this.fileIndex.get(path)?.get(kind);
    // Nothing staged yet (every check before a write): the file's records as they are, without copying its ids.
    if (this.staged.size === 0) return known ? [...known].map((id) => this.tables[kind].get(id)!) : [];
    const ids = new Set(known);
    for (const { kind: stagedKind, record } of this.staged.values()) {
      if (stagedKind === kind && fileOf(kind, record as never) === path) ids.add(record.id);
    }
    return [...ids].flatMap((id) => this.get(kind, id) ?? []);
  }

  get<K extends EntityKind>(kind: K, id: string): EntityOf<K> | undefined {
    this.load.record(kind, id);
    if (this.staged.size === 0) return this.tables[kind].get(id);
    const staged = this.staged.get(`${kind}:${id}`);
    if (staged?.removed) return undefined;
    return (staged?.record as EntityOf<K> | undefined) ?? this.tables[kind].get(id);
  }

  all<K extends EntityKind>(kind: K): EntityOf<K>[] {
    this.load.kind(kind);
    const merged = new Map(this.tables[kind]);
    for (const { kind: stagedKind, record, removed } of this.staged.values()) {
      if (stagedKind !== kind) continue;
      if (removed) merged.delete(record.id);
      else merged.set(record.id, record as EntityOf<K>);
    }
    return [...merged.values()];
  }

  /** Stages a whole record; it is checked against its schema so nothing invalid reaches the disk. */
  put<K extends EntityKind>(kind: K, record: EntityOf<K>, options: PutOptions = {}): EntityOf<K> {
    const valid = entities[kind].schema.parse(record) as EntityOf<K>;
    // Its file is loaded before it is written: the record's state before, its stamps and its neighbours are all there.
    this.load.file(fileOf(kind, valid));
    this.staged.set(`${kind}:${valid.id}`, { kind, record: valid, baseline: options.baseline });
    return valid;
  }

  /** Stages taking a record out of its file; removing what does not exist does nothing. */
  remove(kind: RemovableKind, id: string): void {
    const record = this.get(kind, id);
    if (record) this.staged.set(`${kind}:${id}`, { kind, record, removed: true });
  }
}

/** Folding waits for this long a pause in the changes (an organiser typing an order makes one every few seconds at most). */
const FOLD_WHEN_IDLE_MS = 1_000;
/** About two thousand order edits: replaying them at open stays far under the time to read the files. */
const FOLD_PAST_BYTES = 4 * 1024 * 1024;

export class Store {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly writeHooks?: WriteHooks;
  private readonly journal: WriteJournal;
  private readonly rules: readonly DerivedRule[];
  private readonly foldWhenIdleMs: number | false;
  private readonly foldPastBytes: number;
  /** Data files whose records changed since they were last written. */
  private readonly dirty = new Set<string>();
  /** The number of the latest journal line held in memory. */
  private applied = 0;
  private foldChain: Promise<unknown> = Promise.resolve();
  /** While above zero (a backup or restore reading the files), no fold starts on its own. */
  private foldsHeld = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onCommit?: StoreOptions['onCommit'];
  private readonly listeners = new Set<ChangeListener>();
  private readonly clock: HybridClock;
  private lastBackupDay = '';
  /** Set once a restore replaced this store (null: the reopened folder is in recovery). */
  private successor: Store | null | undefined;

  constructor(
    readonly dataDir: string,
    readonly deviceId: string,
    private readonly tables: Tables,
    private readonly format: FormatSpec,
    private readonly now: () => Date,
    options: Pick<StoreOptions, 'writeHooks' | 'onCommit' | 'foldWhenIdleMs' | 'foldPastBytes' | 'rules'> & {
      journal: WriteJournal;
      /** The files the open left unread, loaded on first access (none: everything was read). */
      partitions?: Partitions;
      /** The folder's validated-files list, to note the files loaded later. */
      trust?: ValidatedFiles;
    },
    /** Each record's field timestamps and the records taken out: what merging other copies' changes needs (sync-ledger.ts). */
    private readonly ledger = new SyncLedger(deviceId),
  ) {
    this.writeHooks = options.writeHooks;
    this.onCommit = options.onCommit;
    this.journal = options.journal;
    this.rules = options.rules ?? [];
    this.foldWhenIdleMs = options.foldWhenIdleMs ?? FOLD_WHEN_IDLE_MS;
    this.foldPastBytes = options.foldPastBytes ?? FOLD_PAST_BYTES;
    this.clock = new HybridClock(deviceId, () => now().getTime());
    this.partitions = options.partitions;
    this.trust = options.trust;
    this.resumeClock(this.ledger.stamps.values(), this.ledger.graves.values());
    const unread = this.partitions?.latest() ?? '';
    if (unread !== '') this.clock.resume(unread);
  }

  private readonly partitions?: Partitions;
  private readonly trust?: ValidatedFiles;

  /** What every read goes through: the partitions it needs are loaded first (partitions.ts). */
  private readonly load: Loader = {
    file: (path) => {
      if (this.partitions?.unloaded.has(path)) this.loadPartition(path);
    },
    record: (kind, id) => {
      // The distribution of an unread file is held from the index as it is in the file: reading it needs no load.
      if (this.tables[kind].has(id)) return;
      const path = this.partitions?.holding(kind, id);
      if (path) this.loadPartition(path);
    },
    unread: (path) => this.partitions?.unloaded.get(path),
    kind: (kind) => {
      // The distributions of unread files are held from the index; their other records are not.
      if (kind === 'distribution') return;
      for (const path of this.partitions?.ofKind(kind) ?? []) this.loadPartition(path);
    },
  };

  /** A record with everything sync knows of it (its stamps, its removal): a distribution's file is loaded too. */
  private whole(kind: EntityKind, id: string): void {
    this.load.record(kind, id);
    if (kind === 'distribution') this.load.file(distributionFile(id));
  }

  /** The index entry of a file the open left unread (its counts and totals), or undefined once it is loaded. */
  unreadSummary(path: string): IndexEntry | undefined {
    return this.load.unread(path);
  }

  /**
   * Each member's balance and number of entries (null: walk-in sales), from the entries held and
   * the index's sums for the months still unread: the accounts list without reading years of months.
   */
  accountTotals(): Map<string | null, { balanceCents: number; entryCount: number }> {
    const totals = new Map<string | null, { balanceCents: number; entryCount: number }>();
    const add = (memberId: string | null, cents: number, count: number) => {
      const total = totals.get(memberId) ?? { balanceCents: 0, entryCount: 0 };
      total.balanceCents += cents;
      total.entryCount += count;
      totals.set(memberId, total);
    };
    for (const entry of this.tables.accountEntry.values()) add(entry.memberId, entry.amountCents, 1);
    for (const path of this.partitions?.ofKind('accountEntry') ?? []) {
      for (const [memberId, [cents, count]] of Object.entries(this.partitions!.unloaded.get(path)!.balances)) add(memberId === '' ? null : memberId, cents, count);
    }
    return totals;
  }

  /** Every partition the open left unread: for what reads the whole copy (a snapshot for sync). */
  loadAll(): void {
    for (const path of [...(this.partitions?.unloaded.keys() ?? [])]) this.loadPartition(path);
  }

  /** How many files the open left unread and nothing has needed since. */
  get unloadedFiles(): number {
    return this.partitions?.unloaded.size ?? 0;
  }

  /**
   * Reads one partition the open left unread, in one blocking step (reads are synchronous
   * everywhere else), and takes in its records as an open would have. A file that no longer
   * reads is reported, and nothing changes.
   */
  private loadPartition(path: string): void {
    const read = readDataFileSync(this.dataDir, path, this.format, this.trust);
    if (!read.ok) throw new UserError('error.storeRead', { file: path, detail: read.problem.detail });
    this.partitions!.unloaded.delete(path);
    this.trust?.note(path, read.file.mark);
    const distribution = this.tables.distribution.get(path.slice('distributions/'.length, -'.json'.length));
    if (distribution) this.removeFromIndex('distribution', distribution);
    takeIn(read.file, this.tables, this.ledger.stamps, this.ledger.graves);
    for (const kind of entityKinds) {
      for (const record of read.file.records[kind] ?? []) this.addToIndex(kind, record);
      for (const [id, grave] of Object.entries(read.file.sync.removed?.[kind] ?? {})) {
        const record = grave.record ?? this.tables[kind].get(id);
        if (record && fileOf(kind, record as never) === path) this.graveIndex.set(path, (this.graveIndex.get(path) ?? new Set()).add(keyOf(kind, id)));
      }
    }
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
      this.applied = line.n;
    }
    const staged = lines.flatMap((line) => line.staged);
    this.resumeClock(
      staged.flatMap((entry) => (entry.stamps ? [entry.stamps] : [])),
      staged.flatMap((entry) => (entry.grave ? [entry.grave] : [])),
    );
  }

  /** The field timestamps of a record; fields written before sync existed count as this copy's, at the epoch. */
  stampsOf(kind: EntityKind, id: string): Stamps | undefined {
    this.whole(kind, id);
    return this.ledger.stampsOf(kind, id, this.tables[kind].get(id) as Record<string, unknown> | undefined);
  }

  /** Records taken out, with their removal time: part of a copy's state for sync. */
  removedRecords(): { kind: EntityKind; id: string; grave: Grave }[] {
    this.loadAll();
    return this.ledger.removedRecords();
  }

  private published: PublishedOrdered = new Map();

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

  private committed = 0;

  private async commit(tx: Transaction, changes: ChangeRecord[], origin: string | null): Promise<void> {
    if (changes.length === 0) return;
    const n = await this.append(tx);
    this.apply(tx.staged.values());
    this.applied = n;
    this.committed += 1;
    this.foldSoon();
    for (const listener of this.listeners) listener(changes);
    await this.onCommit?.(changes, origin);
    // The change is already on disk: a failed backup must not report it as failed (the
    // organiser would type it again). The next change of the day tries the backup again.
    // Taken at the first change made here, not at a merge: a new copy's first sync would
    // otherwise fold and copy every file it took from the folder before going on (issue 11).
    if (origin === null) await this.backupIfNewDay().catch(() => undefined);
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
        this.whole(kind, id);
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
    clearTimeout(this.idleTimer);
    // Its memory no longer matches the folder: it must never fold again, nor hold the old journal open.
    void this.journal.close().catch(() => undefined);
  }

  /** The daily backup, also taken when the app stays open past midnight. */
  async backupIfNewDay(): Promise<void> {
    const today = formatDate(this.now(), 'yyyy-MM-dd');
    if (today === this.lastBackupDay) return;
    const taken = await this.holdingFolds(() => ensureDailyBackup(this.dataDir, this.now(), () => this.fold()));
    if (taken) this.lastBackupDay = today;
  }

  /**
   * Runs `work` between transactions with no fold starting on its own until it ends: a
   * backup or a restore reading the data files calls `fold()` first, then finds them complete.
   */
  withFoldsHeld<T>(work: () => Promise<T>): Promise<T> {
    return this.exclusive(() => this.holdingFolds(work));
  }

  /** The same, for a caller already between transactions (inside `exclusive`, or at open). */
  private async holdingFolds<T>(work: () => Promise<T>): Promise<T> {
    this.foldsHeld += 1;
    try {
      return await work();
    } finally {
      this.foldsHeld -= 1;
    }
  }

  /** Folds, then closes the journal: the backend's close path. Changes made afterwards still work (the journal reopens). */
  close(): Promise<void> {
    return this.withFoldsHeld(async () => {
      clearTimeout(this.idleTimer);
      await this.fold();
      await this.journal.close();
    });
  }

  /**
   * Brings the data files up to date with the journal, then drops the folded lines. Runs
   * beside transactions: each file is serialised from memory in one synchronous step,
   * so it holds at least every line up to `upTo`; lines appended meanwhile stay in the
   * journal and their files stay dirty. One fold at a time.
   */
  fold(): Promise<void> {
    const run = this.foldChain.then(() => this.foldOnce());
    this.foldChain = run.catch(() => undefined);
    return run;
  }

  private async foldOnce(): Promise<void> {
    if (this.successor !== undefined) return;
    // A data folder that went away (a removed drive, a test's folder deleted) is not recreated by a late fold.
    await access(this.dataDir);
    const upTo = this.applied;
    const paths = [...this.dirty];
    this.dirty.clear();
    const index = this.partitions?.index;
    try {
      for (const path of paths) {
        await this.writeHooks?.step?.('fold.file', path);
        const current = new Transaction(this.tables, this.fileIndex, this.load, this.published);
        const records = this.recordsOf(path, current);
        const sync = this.syncOf(path, current);
        await writeDataFile(this.dataDir, path, serialiseFile(records, this.format.version, sync), this.writeHooks, true);
        // The entry sums up the file as just written; a crash before the index is saved leaves it stale, and the next open reads the file.
        if (index && isPartition(path)) index.entries.set(path, summarise(records, sync, await stat(join(this.dataDir, path))));
      }
    } catch (error) {
      for (const path of paths) this.dirty.add(path);
      throw error;
    } finally {
      await endWriteBatch(this.dataDir);
    }
    // Only a shortcut for the next open: failing to write it loses nothing.
    if (index && paths.some(isPartition)) await index.save().catch(() => undefined);
    await this.journal.dropUpTo(upTo);
  }

  /** After a change (or lines replayed at open): a fold once the changes pause, or at once past a size. Never on the acknowledgement path. */
  foldSoon(): void {
    clearTimeout(this.idleTimer);
    const start = () => {
      // A failed fold loses nothing (the journal keeps the lines); the next one tries again.
      if (this.foldsHeld === 0 && this.successor === undefined) void this.fold().catch(() => undefined);
    };
    if (this.journal.bytes > this.foldPastBytes) start();
    else if (this.foldWhenIdleMs !== false) {
      this.idleTimer = setTimeout(start, this.foldWhenIdleMs);
      // A pending fold must not keep a process alive: the journal already holds the change.
      this.idleTimer.unref?.();
    }
  }

  /** Runs `work` between transactions, e.g. a backup that must not see a half-applied change. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private changesOf(tx: Transaction): ChangeRecord[] {
    const changes: ChangeRecord[] = [];
    for (const { kind, record, removed, baseline } of tx.staged.values()) {
      const key = keyOf(kind, record.id);
      const before = this.tables[kind].get(record.id) as Record<string, unknown> | undefined;
      if (removed) {
        // Put and removed in the same transaction: it never reached the disk, nothing to say.
        if (before) {
          const at = this.clock.tick();
          tx.staged.set(key, { kind, record, removed, grave: { at, record: before, stamps: this.stampsOf(kind, record.id) ?? {} } });
          changes.push({ at, device: this.deviceId, entity: kind, entityId: record.id, fields: {}, removed: true });
        } else tx.staged.delete(key);
        continue;
      }
      const fields: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(record)) {
        if (JSON.stringify(before?.[field]) !== JSON.stringify(value)) fields[field] = value;
      }
      if (Object.keys(fields).length === 0) {
        tx.staged.delete(`${kind}:${record.id}`);
        continue;
      }
      const at = this.clock.tick();
      let stamps = before ? withFields(this.stampsOf(kind, record.id), Object.keys(fields), at, Object.keys(record)) : stampedAt(at);
      let news = fields;
      if (!before && baseline) {
        const legacy = legacyStamp(this.deviceId);
        const assumed = Object.fromEntries(Object.entries(fields).filter(([field, value]) => JSON.stringify(baseline[field]) === JSON.stringify(value)));
        news = Object.fromEntries(Object.entries(fields).filter(([field]) => !(field in assumed)));
        stamps = withFields({ _: legacy }, Object.keys(news), at, Object.keys(record));
        if (Object.keys(assumed).length > 0) changes.push({ at: legacy, device: this.deviceId, entity: kind, entityId: record.id, fields: assumed });
      }
      tx.staged.set(key, { kind, record, stamps, grave: this.ledger.graves.get(key) && { ...this.ledger.graves.get(key)!, record: null, stamps: {} } });
      if (Object.keys(news).length > 0) changes.push({ at, device: this.deviceId, entity: kind, entityId: record.id, fields: news });
    }
    return changes;
  }

  /** The transaction's line in the journal, flushed: once this resolves the change survives a power cut. */
  private async append(tx: Transaction): Promise<number> {
    const entries: JournalEntry[] = [...tx.staged.values()].map(({ kind, record, removed, stamps, grave }) => ({ kind, record, removed, stamps, grave }));
    try {
      return await this.journal.append(entries, this.format.version);
    } catch (error) {
      throw new UserError('error.storeWrite', { detail: (error as Error).message });
    }
  }

  /** Which records each file holds, so writing a file never scans years of other files' records. */
  private readonly fileIndex: FileIndex = new Map();

  /** The records of one kind held by one file, without scanning the others. */
  inFile<K extends EntityKind>(kind: K, path: string): EntityOf<K>[] {
    this.load.file(path);
    return [...(this.fileIndex.get(path)?.get(kind) ?? [])].map((id) => this.tables[kind].get(id)!);
  }

  private removeFromIndex(kind: EntityKind, record: { id: string }): void {
    this.fileIndex.get(fileOf(kind, record as never))?.get(kind)?.delete(record.id);
  }

  indexAll(): void {
    this.fileIndex.clear();
    for (const kind of entityKinds) {
      for (const record of this.tables[kind].values()) this.addToIndex(kind, record);
    }
    this.graveIndex.clear();
    for (const [key, grave] of this.ledger.graves) {
      const kind = key.slice(0, key.indexOf(':')) as EntityKind;
      const record = grave.record ?? this.tables[kind].get(key.slice(key.indexOf(':') + 1));
      if (!record) continue;
      const path = fileOf(kind, record as never);
      this.graveIndex.set(path, (this.graveIndex.get(path) ?? new Set()).add(key));
    }
  }

  private addToIndex(kind: EntityKind, record: { id: string }): void {
    const path = fileOf(kind, record as never);
    const kinds = this.fileIndex.get(path) ?? new Map<EntityKind, Set<string>>();
    kinds.set(kind, (kinds.get(kind) ?? new Set()).add(record.id));
    this.fileIndex.set(path, kinds);
  }

  private recordsOf(path: string, tx: Transaction): FileRecords {
    const records: Record<string, unknown[]> = {};
    const ids = new Map<EntityKind, Set<string>>();
    for (const [kind, known] of this.fileIndex.get(path) ?? []) ids.set(kind, new Set(known));
    for (const { kind, record } of tx.staged.values()) {
      if (fileOf(kind, record as never) === path) ids.set(kind, (ids.get(kind) ?? new Set()).add(record.id));
    }
    for (const kind of entityKinds) {
      const inFile = [...(ids.get(kind) ?? [])].flatMap((id) => tx.get(kind, id) ?? []);
      if (inFile.length > 0) records[kind] = inFile;
    }
    return records as FileRecords;
  }

  /** The stamps of the records a file holds and the records taken out of it. */
  private syncOf(path: string, tx: Transaction): SyncSection {
    const stamps: Record<string, Record<string, Stamps>> = {};
    const removed: NonNullable<SyncSection['removed']> = {};
    const staged = (kind: EntityKind, id: string) => tx.staged.get(keyOf(kind, id));
    const kinds = new Map<EntityKind, Set<string>>();
    for (const [kind, ids] of this.fileIndex.get(path) ?? []) kinds.set(kind, new Set(ids));
    for (const key of this.graveIndex.get(path) ?? []) {
      const at = key.indexOf(':');
      const kind = key.slice(0, at) as EntityKind;
      kinds.set(kind, (kinds.get(kind) ?? new Set()).add(key.slice(at + 1)));
    }
    for (const { kind, record } of tx.staged.values()) {
      if (fileOf(kind, record as never) === path) kinds.set(kind, (kinds.get(kind) ?? new Set()).add(record.id));
    }
    for (const [kind, ids] of kinds) {
      for (const id of ids) {
        const key = keyOf(kind, id);
        const entry = staged(kind, id);
        const grave = entry ? entry.grave : this.ledger.graves.get(key);
        if (grave) (removed[kind] ??= {})[id] = grave;
        if (entry?.removed) continue;
        const stamp = entry ? entry.stamps : this.ledger.stamps.get(key);
        if (stamp && (entry || this.tables[kind].has(id))) (stamps[kind] ??= {})[id] = stamp;
      }
    }
    return { stamps, removed };
  }

  /** Which removed records each file keeps, as `kind:id`. */
  private readonly graveIndex = new Map<string, Set<string>>();

  private apply(staged: Iterable<Omit<Staged, 'baseline'>>): void {
    for (const { kind, record, removed, stamps, grave } of staged) {
      const key = keyOf(kind, record.id);
      const path = fileOf(kind, record as never);
      // A change replayed or merged into an unread file: the file comes in first, so the fold writes it whole.
      this.load.file(path);
      this.dirty.add(path);
      this.ledger.record({ kind, record, removed, stamps, grave });
      if (grave) this.graveIndex.set(path, (this.graveIndex.get(path) ?? new Set()).add(key));
      if (removed) {
        this.tables[kind].delete(record.id);
        this.removeFromIndex(kind, record);
        continue;
      }
      (this.tables[kind] as Map<string, unknown>).set(record.id, record);
      this.addToIndex(kind, record);
    }
  }
}

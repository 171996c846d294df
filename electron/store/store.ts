/**
 * The relay's data: every record in memory, each data file rewritten
 * atomically when one of its records changes. All changes go through
 * `transact`, one at a time, so a rule checked inside a transaction still
 * holds when its result is written; the change is acknowledged (the promise
 * resolves) only once every touched file is on disk.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { format as formatDate } from 'date-fns';
import { z } from 'zod';
import type { StoreProblem } from '../../shared/contract/results';
import { UserError } from '../../shared/contract/errors';
import type { ChangeRecord, EntityKind } from '../../shared/model/change';
import { HybridClock } from '../../shared/sync/hlc';
import { writeFileAtomic, type WriteHooks } from './atomic-write';
import { createBackup, ensureDailyBackup } from './backups';
import { readDataFolder } from './data-files';
import { entities, entityKinds, fileOf, type EntityOf } from './entities';
import { serialiseFile, type FileRecords } from './envelope';
import { currentFormat, type FormatSpec } from './migrations';

export interface StoreOptions {
  dataDir: string;
  format?: FormatSpec;
  now?: () => Date;
  writeHooks?: WriteHooks;
}

export type OpenResult = { state: 'ready'; store: Store } | { state: 'recovery'; problem: StoreProblem };

type Tables = { [K in EntityKind]: Map<string, EntityOf<K>> };
/** A record to write, or (`removed`) to take out of its file; `record` is then its last state, which names the file. */
type Staged = { kind: EntityKind; record: { id: string }; removed?: true };

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
  const read = await readDataFolder(dataDir, format);
  if (!read.ok) return { state: 'recovery', problem: read.problem };

  const outdated = read.files.filter((file) => file.version < format.version);
  if (outdated.length > 0) {
    // The backup comes first: a migration that goes wrong must be undoable by hand.
    await createBackup(dataDir, 'pre-migration', now());
    for (const file of outdated) {
      await writeFileAtomic(join(dataDir, file.path), serialiseFile(file.records, format.version), options.writeHooks);
    }
  }

  const tables = Object.fromEntries(entityKinds.map((kind) => [kind, new Map()])) as Tables;
  for (const file of read.files) {
    for (const kind of entityKinds) {
      for (const record of file.records[kind] ?? []) (tables[kind] as Map<string, unknown>).set(record.id, record);
    }
  }
  const store = new Store(dataDir, await loadDeviceId(dataDir), tables, format, now, options.writeHooks);
  store.indexAll();
  await store.backupIfNewDay();
  return { state: 'ready', store };
}

/** Which records each file holds: path → kind → ids. */
type FileIndex = Map<string, Map<EntityKind, Set<string>>>;

export class Transaction {
  readonly staged = new Map<string, Staged>();

  constructor(
    private readonly tables: Tables,
    private readonly fileIndex: FileIndex,
  ) {}

  /** The records of one kind held by one file (e.g. the offers of one distribution), staged changes included. */
  inFile<K extends EntityKind>(kind: K, path: string): EntityOf<K>[] {
    const ids = new Set(this.fileIndex.get(path)?.get(kind));
    for (const { kind: stagedKind, record } of this.staged.values()) {
      if (stagedKind === kind && fileOf(kind, record as never) === path) ids.add(record.id);
    }
    return [...ids].flatMap((id) => this.get(kind, id) ?? []);
  }

  get<K extends EntityKind>(kind: K, id: string): EntityOf<K> | undefined {
    const staged = this.staged.get(`${kind}:${id}`);
    if (staged?.removed) return undefined;
    return (staged?.record as EntityOf<K> | undefined) ?? this.tables[kind].get(id);
  }

  all<K extends EntityKind>(kind: K): EntityOf<K>[] {
    const merged = new Map(this.tables[kind]);
    for (const { kind: stagedKind, record, removed } of this.staged.values()) {
      if (stagedKind !== kind) continue;
      if (removed) merged.delete(record.id);
      else merged.set(record.id, record as EntityOf<K>);
    }
    return [...merged.values()];
  }

  /** Stages a whole record; it is checked against its schema so nothing invalid reaches the disk. */
  put<K extends EntityKind>(kind: K, record: EntityOf<K>): EntityOf<K> {
    const valid = entities[kind].schema.parse(record) as EntityOf<K>;
    this.staged.set(`${kind}:${valid.id}`, { kind, record: valid });
    return valid;
  }

  /** Stages taking a record out of its file; removing what does not exist does nothing. */
  remove(kind: RemovableKind, id: string): void {
    const record = this.get(kind, id);
    if (record) this.staged.set(`${kind}:${id}`, { kind, record, removed: true });
  }
}

export class Store {
  private queue: Promise<unknown> = Promise.resolve();
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
    private readonly writeHooks?: WriteHooks,
  ) {
    this.clock = new HybridClock(deviceId, () => now().getTime());
  }

  get<K extends EntityKind>(kind: K, id: string): EntityOf<K> | undefined {
    return this.tables[kind].get(id);
  }

  all<K extends EntityKind>(kind: K): EntityOf<K>[] {
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
      const tx = new Transaction(this.tables, this.fileIndex);
      const result = await work(tx);
      const changes = this.changesOf(tx);
      if (changes.length > 0) {
        await this.write(tx);
        this.apply(tx);
        for (const listener of this.listeners) listener(changes);
        // The change is already on disk: a failed backup must not report it as failed (the
        // organiser would type it again). The next change of the day tries the backup again.
        await this.backupIfNewDay().catch(() => undefined);
      }
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
  }

  /** The daily backup, also taken when the app stays open past midnight. */
  async backupIfNewDay(): Promise<void> {
    const today = formatDate(this.now(), 'yyyy-MM-dd');
    if (today === this.lastBackupDay) return;
    if (await ensureDailyBackup(this.dataDir, this.now())) this.lastBackupDay = today;
  }

  /** Runs `work` between transactions, e.g. a backup that must not see a half-applied change. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private changesOf(tx: Transaction): ChangeRecord[] {
    const changes: ChangeRecord[] = [];
    for (const { kind, record, removed } of tx.staged.values()) {
      const before = this.tables[kind].get(record.id) as Record<string, unknown> | undefined;
      if (removed) {
        // Put and removed in the same transaction: it never reached the disk, nothing to say.
        if (before) changes.push({ at: this.clock.tick(), device: this.deviceId, entity: kind, entityId: record.id, fields: {}, removed: true });
        else tx.staged.delete(`${kind}:${record.id}`);
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
      changes.push({ at: this.clock.tick(), device: this.deviceId, entity: kind, entityId: record.id, fields });
    }
    return changes;
  }

  private async write(tx: Transaction): Promise<void> {
    const touched = new Set<string>();
    for (const { kind, record } of tx.staged.values()) touched.add(fileOf(kind, record as never));
    try {
      for (const path of touched) {
        await writeFileAtomic(join(this.dataDir, path), serialiseFile(this.recordsOf(path, tx), this.format.version), this.writeHooks);
      }
    } catch (error) {
      throw new UserError('error.storeWrite', { detail: (error as Error).message });
    }
  }

  /** Which records each file holds, so writing a file never scans years of other files' records. */
  private readonly fileIndex: FileIndex = new Map();

  /** The records of one kind held by one file, without scanning the others. */
  inFile<K extends EntityKind>(kind: K, path: string): EntityOf<K>[] {
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

  private apply(tx: Transaction): void {
    for (const { kind, record, removed } of tx.staged.values()) {
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

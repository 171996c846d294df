/**
 * The store's index (issue 11): `store-index.json`, beside validated-files.json, sums up
 * each distribution file and each month of accounts — the distribution record itself, its
 * counts and totals, the hash of the keys of every record and removed record the file holds
 * (the keys themselves are in their own file, index-keys.ts), the latest timestamp in it — so an open reads only the files it needs now and the others
 * load when first touched (partitions.ts), while the season list and the clock are served
 * without reading years of files.
 *
 * An entry is never trusted over the file it sums up: it carries the file's size and
 * modification time as they were when it was taken from the file's own records, and an
 * entry whose file no longer matches (written by a crash between a fold and the index,
 * restored, edited by hand) is thrown away and taken again from the file. A missing,
 * damaged or other-format index is rebuilt from the files.
 */
import { statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityKind } from '../../shared/model/change';
import type { Distribution } from '../../shared/model/distribution';
import { isActive, orderTotal } from '../../shared/orders/totals';
import { writeFileAtomic } from './atomic-write';
import { hashOfKeys, IndexKeys } from './index-keys';
import type { LoadedFile } from './data-files';
import type { FileRecords, SyncSection } from './envelope';
import { keyOf } from './sync-ledger';

export const STORE_INDEX = 'store-index.json';
/**
 * 2: the keys moved to their own file (index-keys.ts); 3: a month of accounts also keys the orders its
 * entries belong to (orderEntryKey); 4: and the distributions whose counters took them (distributionEntryKey).
 * An index of an earlier version is rebuilt from the files once.
 */
const INDEX_VERSION = 4;

export interface IndexEntry {
  size: number;
  mtimeMs: number;
  /** The distribution a distributions/ file holds, as written in it. */
  distribution: Distribution | null;
  /** Offers not withdrawn, orders not cancelled, and the sum of those orders in cents. */
  offerCount: number;
  orderCount: number;
  totalCents: number;
  /** The latest field or removal timestamp in the file: the clock resumes after it. */
  latest: string;
  /** A month of accounts: per member (`''` for walk-in sales), the sum of the entries in cents and their number. */
  balances: Record<string, [number, number]>;
  /** The hash of the file's keys (index-keys.ts), which are kept apart and read only when needed. */
  keysHash: string;
}

/** An entry as summed up from a file, with its keys: `kind:id` of every record and removed record in it, space-separated. */
export interface Summary extends IndexEntry {
  keys: string;
}

/**
 * Checked by hand, not by a schema: the index is read at every open and a schema over its
 * thousands of keys cost as much as the rest of the open. A distribution taken from it is one
 * that was valid when written (the entry's file, unchanged since, holds the same).
 */
function isEntry(value: unknown): value is IndexEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  const distribution = entry.distribution as Record<string, unknown> | null;
  return (
    ['size', 'mtimeMs', 'offerCount', 'orderCount', 'totalCents'].every((field) => typeof entry[field] === 'number') &&
    typeof entry.latest === 'string' &&
    typeof entry.keysHash === 'string' &&
    typeof entry.balances === 'object' &&
    entry.balances !== null &&
    (distribution === null || (typeof distribution === 'object' && typeof distribution.id === 'string' && typeof distribution.pickupDate === 'string'))
  );
}

/** The files the index sums up: the ones that grow with years of history. */
export const PARTITION = /^distributions\/[0-9a-f-]{36}\.json$|^accounts\/\d{4}-\d{2}\.json$/;

export function isPartition(path: string): boolean {
  return PARTITION.test(path);
}

/**
 * The key a month of accounts holds for each order one of its entries belongs to, so an order's debit
 * is reconciled against its own entries without reading every past month (partitions.ts, monthsOfOrders).
 */
export function orderEntryKey(orderId: string): string {
  return `orderEntry:${orderId}`;
}

/**
 * The key a month of accounts holds for each distribution one of its entries was taken at, so a till
 * counts its entries without reading every past month (partitions.ts, monthsOfDistributions).
 */
export function distributionEntryKey(distributionId: string): string {
  return `distributionEntry:${distributionId}`;
}

/** An entry sums up a file's records as they are in the file; `mark` is the file's size and time as they were read or written. */
export function summarise(records: FileRecords, sync: SyncSection, mark: { size: number; mtimeMs: number }): Summary {
  const keys = new Set<string>();
  let latest = '';
  for (const [kind, list] of Object.entries(records) as [EntityKind, { id: string }[]][]) {
    for (const record of list) keys.add(keyOf(kind, record.id));
  }
  for (const byId of Object.values(sync.stamps ?? {})) {
    for (const stamps of Object.values(byId)) for (const at of Object.values(stamps)) if (at > latest) latest = at;
  }
  for (const entry of records.accountEntry ?? []) {
    if (entry.orderId !== undefined) keys.add(orderEntryKey(entry.orderId));
    if (entry.distributionId !== undefined) keys.add(distributionEntryKey(entry.distributionId));
  }
  for (const [kind, byId] of Object.entries(sync.removed ?? {})) {
    for (const [id, grave] of Object.entries(byId)) {
      keys.add(keyOf(kind as EntityKind, id));
      // A removed entry still names its order and till: the month is read for them, as an open would have.
      const { orderId, distributionId } = (grave.record ?? {}) as { orderId?: unknown; distributionId?: unknown };
      if (kind === 'accountEntry' && typeof orderId === 'string') keys.add(orderEntryKey(orderId));
      if (kind === 'accountEntry' && typeof distributionId === 'string') keys.add(distributionEntryKey(distributionId));
      if (grave.at > latest) latest = grave.at;
    }
  }
  const joined = [...keys].join(' ');
  const orders = (records.order ?? []).filter(isActive);
  const balances: Record<string, [number, number]> = {};
  for (const entry of records.accountEntry ?? []) {
    const sum = (balances[entry.memberId ?? ''] ??= [0, 0]);
    sum[0] += entry.amountCents;
    sum[1] += 1;
  }
  return {
    size: mark.size,
    mtimeMs: mark.mtimeMs,
    distribution: (records.distribution?.[0] as Distribution | undefined) ?? null,
    offerCount: (records.offer ?? []).filter((offer) => offer.withdrawnAt === null).length,
    orderCount: orders.length,
    totalCents: orders.reduce((sum, order) => sum + orderTotal(order), 0),
    latest,
    balances,
    keysHash: hashOfKeys(joined),
    keys: joined,
  };
}

/** The index of one data folder, as read at open and kept by its folds. */
export class StoreIndex {
  private saving: Promise<unknown> = Promise.resolve();
  private readonly keys: IndexKeys;

  private constructor(
    private readonly dataDir: string,
    private readonly formatVersion: number,
    /** Read them, never set them: `put` keeps the keys apart. */
    readonly entries: Map<string, IndexEntry>,
  ) {
    this.keys = new IndexKeys(dataDir, formatVersion, new Map([...entries].map(([path, entry]) => [path, entry.keysHash])));
  }

  /** Sets a file's entry, as summed up from it; its keys are kept apart (index-keys.ts). */
  put(path: string, { keys, ...entry }: Summary): void {
    this.entries.set(path, entry);
    this.keys.take(path, keys);
  }

  /** The keys of a file the index sums up, read on first need; undefined if they cannot be trusted (read the file instead). */
  keysOf(path: string): string | undefined {
    const entry = this.entries.get(path);
    return entry && this.keys.of(path, entry.keysHash);
  }

  /**
   * Drops the entry of a file whose keys cannot be trusted, so the next open reads the file and takes its
   * keys again, rather than every lookup reading it from then on. Only a shortcut, so a failure to save
   * is ignored; a close waits for the save (`settled`).
   */
  forget(path: string): void {
    if (this.entries.delete(path)) void this.save().catch(() => undefined);
  }

  /** Resolves once the saves under way are done. */
  settled(): Promise<void> {
    return this.saving.then(() => undefined);
  }

  /** A missing, damaged or other-format index holds nothing: every partition is read at open and summed up again. */
  static async read(dataDir: string, formatVersion: number): Promise<StoreIndex> {
    let entries = new Map<string, IndexEntry>();
    try {
      const parsed = JSON.parse(await readFile(join(dataDir, STORE_INDEX), 'utf8')) as Record<string, unknown>;
      const files = parsed.files as Record<string, unknown>;
      if (parsed.format === 'cabas-store-index' && parsed.version === INDEX_VERSION && parsed.formatVersion === formatVersion && typeof files === 'object' && files !== null) {
        // A damaged entry is dropped alone: its file is read at open and summed up again.
        entries = new Map(Object.entries(files).filter((pair): pair is [string, IndexEntry] => isEntry(pair[1])));
      }
    } catch {
      /* rebuilt from the files */
    }
    return new StoreIndex(dataDir, formatVersion, entries);
  }

  /** Entries for the partitions read at open that had none (new, changed, or no index yet); true if any was added. */
  async summariseRead(files: readonly LoadedFile[]): Promise<boolean> {
    let added = false;
    for (const file of files) {
      if (!isPartition(file.path) || this.entries.has(file.path)) continue;
      this.put(file.path, summarise(file.records, file.sync, await stat(join(this.dataDir, file.path))));
      added = true;
    }
    return added;
  }

  /**
   * The entry of a file still as it was summed up, or undefined (then the file must be read). The stat is
   * synchronous: an open asks it of every partition, and a round trip through the thread pool each cost more.
   */
  current(path: string): IndexEntry | undefined {
    const entry = this.entries.get(path);
    if (!entry) return undefined;
    const info = statSync(join(this.dataDir, path), { throwIfNoEntry: false });
    // Gone: the open finds it missing.
    if (info && info.size === entry.size && info.mtimeMs === entry.mtimeMs) return entry;
    this.entries.delete(path);
    return undefined;
  }

  /** Writes the index as it is now; only ever a shortcut, so callers may ignore a failure. */
  save(): Promise<void> {
    const run = this.saving.then(async () => {
      const files = Object.fromEntries([...this.entries].sort(([a], [b]) => (a < b ? -1 : 1)));
      await writeFileAtomic(join(this.dataDir, STORE_INDEX), `${JSON.stringify({ format: 'cabas-store-index', version: INDEX_VERSION, formatVersion: this.formatVersion, files })}\n`);
      await this.keys.save(new Set(this.entries.keys()));
    });
    this.saving = run.catch(() => undefined);
    return run;
  }
}

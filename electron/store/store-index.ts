/**
 * The store's index (issue 11): `store-index.json`, beside validated-files.json, sums up
 * each distribution file and each month of accounts — the distribution record itself, its
 * counts and totals, the keys of every record and removed record the file holds, the
 * latest timestamp in it — so an open reads only the files it needs now and the others
 * load when first touched (partitions.ts), while the season list and the clock are served
 * without reading years of files.
 *
 * An entry is never trusted over the file it sums up: it carries the file's size and
 * modification time as they were when it was taken from the file's own records, and an
 * entry whose file no longer matches (written by a crash between a fold and the index,
 * restored, edited by hand) is thrown away and taken again from the file. A missing,
 * damaged or other-format index is rebuilt from the files.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityKind } from '../../shared/model/change';
import type { Distribution } from '../../shared/model/distribution';
import { isActive, orderTotal } from '../../shared/orders/totals';
import { writeFileAtomic } from './atomic-write';
import type { LoadedFile } from './data-files';
import type { FileRecords, SyncSection } from './envelope';
import { keyOf } from './sync-ledger';

export const STORE_INDEX = 'store-index.json';

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
  /** `kind:id` of every record and removed record in the file, space-separated: finds the file of an id without reading any. */
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
    typeof entry.keys === 'string' &&
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

/** An entry sums up a file's records as they are in the file; `mark` is the file's size and time as they were read or written. */
export function summarise(records: FileRecords, sync: SyncSection, mark: { size: number; mtimeMs: number }): IndexEntry {
  const keys = new Set<string>();
  let latest = '';
  for (const [kind, list] of Object.entries(records) as [EntityKind, { id: string }[]][]) {
    for (const record of list) keys.add(keyOf(kind, record.id));
  }
  for (const byId of Object.values(sync.stamps ?? {})) {
    for (const stamps of Object.values(byId)) for (const at of Object.values(stamps)) if (at > latest) latest = at;
  }
  for (const [kind, byId] of Object.entries(sync.removed ?? {})) {
    for (const [id, grave] of Object.entries(byId)) {
      keys.add(keyOf(kind as EntityKind, id));
      if (grave.at > latest) latest = grave.at;
    }
  }
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
    keys: [...keys].join(' '),
  };
}

/** The index of one data folder, as read at open and kept by its folds. */
export class StoreIndex {
  private saving: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly dataDir: string,
    private readonly formatVersion: number,
    readonly entries: Map<string, IndexEntry>,
  ) {}

  /** A missing, damaged or other-format index holds nothing: every partition is read at open and summed up again. */
  static async read(dataDir: string, formatVersion: number): Promise<StoreIndex> {
    let entries = new Map<string, IndexEntry>();
    try {
      const parsed = JSON.parse(await readFile(join(dataDir, STORE_INDEX), 'utf8')) as Record<string, unknown>;
      const files = parsed.files as Record<string, unknown>;
      if (parsed.format === 'cabas-store-index' && parsed.version === 1 && parsed.formatVersion === formatVersion && typeof files === 'object' && files !== null) {
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
      this.entries.set(file.path, summarise(file.records, file.sync, await stat(join(this.dataDir, file.path))));
      added = true;
    }
    return added;
  }

  /** The entry of a file still as it was summed up, or undefined (then the file must be read). */
  async current(path: string): Promise<IndexEntry | undefined> {
    const entry = this.entries.get(path);
    if (!entry) return undefined;
    try {
      const info = await stat(join(this.dataDir, path));
      if (info.size === entry.size && info.mtimeMs === entry.mtimeMs) return entry;
    } catch {
      /* gone: the open finds it missing */
    }
    this.entries.delete(path);
    return undefined;
  }

  /** Writes the index as it is now; only ever a shortcut, so callers may ignore a failure. */
  save(): Promise<void> {
    const run = this.saving.then(() => {
      const files = Object.fromEntries([...this.entries].sort(([a], [b]) => (a < b ? -1 : 1)));
      return writeFileAtomic(join(this.dataDir, STORE_INDEX), `${JSON.stringify({ format: 'cabas-store-index', version: 1, formatVersion: this.formatVersion, files })}\n`);
    });
    this.saving = run.catch(() => undefined);
    return run;
  }
}

/**
 * Lazy loading (issue 11): every read of the store goes through this loader, which reads
 * the partition (partitions.ts) a record, a file or a whole kind lives in the first time
 * anything needs it, and takes its records in as an open would have. The index entries of
 * the files still unread answer what needs no records (account totals, summaries).
 */
import { UserError } from '../../shared/contract/errors';
import type { EntityKind } from '../../shared/model/change';
import { readDataFileSync } from './data-files';
import { distributionFile, entityKinds, fileOf } from './entities';
import type { FileIndex } from './file-index';
import type { FormatSpec } from './migrations';
import type { Partitions } from './partitions';
import type { IndexEntry } from './store-index';
import { keyOf, type SyncLedger } from './sync-ledger';
import { takeIn, type Tables } from './tables';
import type { Loader } from './transaction';
import type { ValidatedFiles } from './validated-files';

export interface LoaderContext {
  dataDir: string;
  format: FormatSpec;
  tables: Tables;
  ledger: SyncLedger;
  fileIndex: FileIndex;
  /** The files the open left unread, loaded on first access (none: everything was read). */
  partitions?: Partitions;
  /** The folder's validated-files list, to note the files loaded later. */
  trust?: ValidatedFiles;
}

export class PartitionLoader implements Loader {
  constructor(private readonly context: LoaderContext) {}

  file(path: string): void {
    if (this.context.partitions?.unloaded.has(path)) this.loadPartition(path);
  }

  record(kind: EntityKind, id: string): void {
    // The distribution of an unread file is held from the index as it is in the file: reading it needs no load.
    // A file named without trusted keys may not hold it after all: the next one is looked for (each is read once).
    for (let path; !this.context.tables[kind].has(id) && (path = this.context.partitions?.holding(kind, id)); ) this.loadPartition(path);
  }

  orderEntries(orderIds: readonly string[]): void {
    for (const path of this.context.partitions?.monthsOfOrders(orderIds) ?? []) this.loadPartition(path);
  }

  memberEntries(memberIds: readonly (string | null)[]): void {
    for (const path of this.context.partitions?.monthsOfMembers(memberIds) ?? []) this.loadPartition(path);
  }

  distributionEntries(distributionIds: readonly string[]): void {
    for (const path of this.context.partitions?.monthsOfDistributions(distributionIds) ?? []) this.loadPartition(path);
  }

  accountMonths(first: string | undefined, last: string | undefined): void {
    for (const path of this.context.partitions?.monthsBetween(first, last) ?? []) this.loadPartition(path);
  }

  unreadBalances(memberIds: ReadonlySet<string | null>): Map<string | null, number> {
    return this.context.partitions?.unreadBalances(memberIds) ?? new Map();
  }

  unread(path: string): IndexEntry | undefined {
    return this.context.partitions?.unloaded.get(path);
  }

  kind(kind: EntityKind): void {
    // The distributions of unread files are held from the index; their other records are not.
    if (kind === 'distribution') return;
    for (const path of this.context.partitions?.ofKind(kind) ?? []) this.loadPartition(path);
  }

  /** A record with everything sync knows of it (its stamps, its removal): a distribution's file is loaded too. */
  whole(kind: EntityKind, id: string): void {
    this.record(kind, id);
    if (kind === 'distribution') this.file(distributionFile(id));
  }

  /** Every partition the open left unread: for what reads the whole copy (a snapshot for sync). */
  loadAll(): void {
    for (const path of [...(this.context.partitions?.unloaded.keys() ?? [])]) this.loadPartition(path);
  }

  /** How many files the open left unread and nothing has needed since. */
  get unloadedFiles(): number {
    return this.context.partitions?.unloaded.size ?? 0;
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
    const { tables, partitions } = this.context;
    for (const entry of tables.accountEntry.values()) add(entry.memberId, entry.amountCents, 1);
    for (const path of partitions?.ofKind('accountEntry') ?? []) {
      for (const [memberId, [cents, count]] of Object.entries(partitions!.unloaded.get(path)!.balances)) add(memberId === '' ? null : memberId, cents, count);
    }
    return totals;
  }

  /**
   * Reads one partition the open left unread, in one blocking step (reads are synchronous
   * everywhere else), and takes in its records as an open would have. A file that no longer
   * reads is reported, and nothing changes.
   */
  private loadPartition(path: string): void {
    const { dataDir, format, trust, tables, ledger, fileIndex } = this.context;
    const read = readDataFileSync(dataDir, path, format, trust);
    if (!read.ok) throw new UserError('error.storeRead', { file: path, detail: read.problem.detail });
    this.context.partitions!.unloaded.delete(path);
    trust?.note(path, read.file.mark);
    const distribution = tables.distribution.get(path.slice('distributions/'.length, -'.json'.length));
    if (distribution) fileIndex.remove('distribution', distribution);
    takeIn(read.file, tables, ledger.stamps, ledger.graves);
    for (const kind of entityKinds) {
      for (const record of read.file.records[kind] ?? []) fileIndex.add(kind, record);
      for (const [id, grave] of Object.entries(read.file.sync.removed?.[kind] ?? {})) {
        const record = grave.record ?? tables[kind].get(id);
        if (record && fileOf(kind, record as never) === path) fileIndex.addGrave(path, keyOf(kind, id));
      }
    }
  }
}

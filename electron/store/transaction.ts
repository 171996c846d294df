/**
 * One transaction's view of the store: reads see what it staged so far over the tables,
 * writes are staged (checked against their schemas) until the store commits them.
 */
import type { AccountEntry } from '../../shared/accounts/ledger';
import type { EntityKind } from '../../shared/model/change';
import type { Stamps } from '../../shared/sync/stamps';
import { accountsFile, fileOf, type EntityOf } from './entities';
import type { FileIndex } from './file-index';
import { checkRecord } from './record-check';
import type { IndexEntry } from './store-index';
import type { Grave } from './sync-ledger';
import type { Tables } from './tables';

/** A record to write, or (`removed`) to take out of its file; `record` is then its last state, which names the file. */
export type Staged = { kind: EntityKind; record: { id: string }; removed?: true; stamps?: Stamps; grave?: Grave; baseline?: Record<string, unknown> };

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

/** Loads the partitions (partitions.ts) that a read is about to need; the store's own records need none. */
export interface Loader {
  file(path: string): void;
  record(kind: EntityKind, id: string): void;
  kind(kind: EntityKind): void;
  /** The account entries of these orders, wherever they are (the months that may hold them). */
  orderEntries(orderIds: readonly string[]): void;
  /** The account entries of these members (null: walk-in sales): the months holding some. */
  memberEntries(memberIds: readonly (string | null)[]): void;
  /** The account entries taken at these distributions' counters: the months holding some. */
  distributionEntries(distributionIds: readonly string[]): void;
  /** The months of accounts from `first` to `last` (`yyyy-MM`, inclusive; open-ended when undefined). */
  accountMonths(first: string | undefined, last: string | undefined): void;
  /** No load: the sum of these members' entries in the months still unread, from the index. */
  unreadBalances(memberIds: ReadonlySet<string | null>): Map<string | null, number>;
  /** No load: the index entry of a file still unread. */
  unread(path: string): IndexEntry | undefined;
}

/** Distribution → product → quantity ordered, as published in the producers folder. */
export type PublishedOrdered = Map<string, Map<string, number>>;

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
    const known = this.fileIndex.idsOf(path, kind);
    // Nothing staged yet (every check before a write): the file's records as they are, without copying its ids.
    if (this.staged.size === 0) {
      const records: EntityOf<K>[] = [];
      for (const id of known ?? []) records.push(this.tables[kind].get(id)!);
      return records;
    }
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

  /**
   * The account entries of these orders, staged changes included: only the months that hold
   * some are loaded, so writing an order does not read years of accounts (issue 11).
   */
  entriesOfOrders(orderIds: ReadonlySet<string>): AccountEntry[] {
    this.load.orderEntries([...orderIds]);
    return this.heldEntries((entry) => entry.orderId !== undefined && orderIds.has(entry.orderId));
  }

  /** A member's whole account, staged changes included, from the months that hold some of it (issue 11). */
  entriesOfMember(memberId: string): AccountEntry[] {
    this.load.memberEntries([memberId]);
    return this.heldEntries((entry) => entry.memberId === memberId);
  }

  /** The entries taken at a distribution's counter (what its till counts), from the months that hold some (issue 11). */
  entriesOfDistribution(distributionId: string): AccountEntry[] {
    this.load.distributionEntries([distributionId]);
    return this.heldEntries((entry) => entry.distributionId === distributionId);
  }

  /** The entries of the months from `first` to `last` (`yyyy-MM`, inclusive; open-ended when undefined), staged changes included. */
  entriesOfMonths(first: string | undefined, last: string | undefined): AccountEntry[] {
    this.load.accountMonths(first, last);
    return this.heldEntries((entry) => {
      const month = accountsFile(entry.at).slice('accounts/'.length, 'accounts/'.length + 7);
      return (first === undefined || month >= first) && (last === undefined || month <= last);
    });
  }

  /**
   * Each of these members' balance (null: every walk-in sale together), staged changes included: the
   * months still unread count through the index's sums, so a balance reads no past month (issue 11).
   * A staged entry is in a loaded month (its file loads before it is written), so it is never counted twice.
   */
  balancesOf(memberIds: ReadonlySet<string | null>): Map<string | null, number> {
    const balances = new Map([...memberIds].map((memberId) => [memberId, 0]));
    for (const [memberId, cents] of this.load.unreadBalances(memberIds)) balances.set(memberId, cents);
    for (const entry of this.heldEntries((held) => memberIds.has(held.memberId))) balances.set(entry.memberId, balances.get(entry.memberId)! + entry.amountCents);
    return balances;
  }

  /** The entries held in memory that match, staged changes included; no month is loaded here. */
  private heldEntries(matches: (entry: AccountEntry) => boolean): AccountEntry[] {
    const merged = new Map<string, AccountEntry>();
    for (const entry of this.tables.accountEntry.values()) if (matches(entry)) merged.set(entry.id, entry);
    for (const { kind, record, removed } of this.staged.values()) {
      if (kind !== 'accountEntry') continue;
      if (!removed && matches(record as AccountEntry)) merged.set(record.id, record as AccountEntry);
      else merged.delete(record.id);
    }
    return [...merged.values()];
  }

  /**
   * Stages a whole record; it is checked against its schema so nothing invalid reaches the disk
   * (what it keeps of the state held, already checked, is not checked again: record-check.ts).
   */
  put<K extends EntityKind>(kind: K, record: EntityOf<K>, options: PutOptions = {}): EntityOf<K> {
    const valid = checkRecord(kind, record, this.heldOf(kind, record.id));
    // Its file is loaded before it is written: the record's state before, its stamps and its neighbours are all there.
    this.load.file(fileOf(kind, valid));
    this.staged.set(`${kind}:${valid.id}`, { kind, record: valid, baseline: options.baseline });
    return valid;
  }

  /**
   * The record as the store holds it, or as staged earlier in this transaction (checked then): what a put starts from.
   * Its file is loaded first, so it is the record as read from its file, never the index's copy of a distribution.
   */
  private heldOf<K extends EntityKind>(kind: K, id: string): EntityOf<K> | undefined {
    const staged = this.staged.get(`${kind}:${id}`);
    if (staged) return staged.removed ? undefined : (staged.record as EntityOf<K>);
    this.load.record(kind, id);
    const indexed = this.tables[kind].get(id);
    if (indexed) this.load.file(fileOf(kind, indexed));
    return this.tables[kind].get(id);
  }

  /** Stages taking a record out of its file; removing what does not exist does nothing. */
  remove(kind: RemovableKind, id: string): void {
    const record = this.get(kind, id);
    if (record) this.staged.set(`${kind}:${id}`, { kind, record, removed: true });
  }
}

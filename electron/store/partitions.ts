/**
 * Which data files an open leaves unread (issue 11): the distributions that are over and
 * the months of accounts that are past, whose index entry (store-index.ts) still matches
 * the file. The store loads such a file the first time anything touches one of its records
 * (a read by id or by file, a whole table, a write, a merge, a snapshot), so a service
 * cannot forget to: it never sees the difference, only the time an old file takes to read.
 */
import { addDays, format as formatDate } from 'date-fns';
import type { EntityKind } from '../../shared/model/change';
import type { Lazy } from './data-files';
import { distributionEntryKey, isPartition, orderEntryKey, StoreIndex, type IndexEntry } from './store-index';
import { keyOf } from './sync-ledger';

/**
 * Distributions whose pickup is this recent or later load at open: the coming and open ones,
 * and last week's (its counter and settlement are what an organiser opens the app for next).
 */
const RECENT_DAYS = 7;
/** Months of accounts loaded at open: this one and the two before. */
const RECENT_MONTHS = 3;

/** The kinds whose records live in partitions, and the family of files each one lives in. */
const FAMILY: Partial<Record<EntityKind, 'distributions/' | 'accounts/'>> = {
  distribution: 'distributions/',
  offer: 'distributions/',
  order: 'distributions/',
  slot: 'distributions/',
  tillClosing: 'distributions/',
  standingPlacement: 'distributions/',
  accountEntry: 'accounts/',
};

/** `keys` is space-separated, so a match bounded by spaces or ends is that very key. */
function hasKey(keys: string, key: string): boolean {
  const at = keys.indexOf(key);
  return at >= 0 && (at === 0 || keys[at - 1] === ' ') && (keys.length === at + key.length || keys[at + key.length] === ' ');
}

export class Partitions implements Lazy {
  /** Files left unread, with their entry. */
  readonly unloaded = new Map<string, IndexEntry>();
  private readonly recentPickup: string;
  private readonly recentMonth: string;

  constructor(
    readonly index: StoreIndex,
    today: Date,
  ) {
    this.recentPickup = formatDate(addDays(today, -RECENT_DAYS), 'yyyy-MM-dd');
    const month = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - (RECENT_MONTHS - 1), 1));
    this.recentMonth = month.toISOString().slice(0, 7);
  }

  /** At open: a partition is left unread if it is history and its entry still sums it up. */
  async defer(path: string): Promise<boolean> {
    if (!isPartition(path)) return false;
    const entry = this.index.current(path);
    if (!entry || this.isRecent(path, entry)) return false;
    this.unloaded.set(path, entry);
    return true;
  }

  private isRecent(path: string, entry: IndexEntry): boolean {
    if (path.startsWith('accounts/')) return path.slice('accounts/'.length, 'accounts/'.length + 7) >= this.recentMonth;
    const pickupDate = entry.distribution?.pickupDate;
    return typeof pickupDate !== 'string' || pickupDate >= this.recentPickup;
  }

  /**
   * The unread file holding a record, if any, found from the index's keys (read the first time this is asked).
   * A file whose keys cannot be trusted may hold it: it is named too, to be read and looked in.
   */
  holding(kind: EntityKind, id: string): string | undefined {
    const family = FAMILY[kind];
    if (this.unloaded.size === 0 || !family) return undefined;
    const key = keyOf(kind, id);
    for (const path of this.unloaded.keys()) {
      if (!path.startsWith(family)) continue;
      const keys = this.trustedKeys(path);
      if (keys === undefined || hasKey(keys, key)) return path;
    }
    return undefined;
  }

  /**
   * The unread months of accounts that may hold an entry of one of these orders (an order's debit,
   * refunds and reversals can be in any month since it was taken), from the index's keys; a month
   * whose keys cannot be trusted is named too, to be read and looked in.
   */
  monthsOfOrders(orderIds: readonly string[]): string[] {
    return this.monthsKeying(orderIds.map(orderEntryKey));
  }

  /** The unread months that may hold an entry taken at one of these distributions' counters (what their tills count). */
  monthsOfDistributions(distributionIds: readonly string[]): string[] {
    return this.monthsKeying(distributionIds.map(distributionEntryKey));
  }

  /**
   * The unread months holding an entry of one of these members (null: walk-in sales), from the index's
   * per-member sums: an entry already says which members a month holds, so no key is read.
   */
  monthsOfMembers(memberIds: readonly (string | null)[]): string[] {
    if (this.unloaded.size === 0 || memberIds.length === 0) return [];
    const wanted = memberIds.map((memberId) => memberId ?? '');
    return [...this.unloaded].filter(([path, entry]) => path.startsWith('accounts/') && wanted.some((memberId) => Object.hasOwn(entry.balances, memberId))).map(([path]) => path);
  }

  /** The sum in cents of these members' entries in the unread months, from the index: a balance without reading years of months. */
  unreadBalances(memberIds: ReadonlySet<string | null>): Map<string | null, number> {
    const sums = new Map<string | null, number>();
    for (const [path, entry] of this.unloaded) {
      if (!path.startsWith('accounts/')) continue;
      for (const memberId of memberIds) {
        const key = memberId ?? '';
        if (Object.hasOwn(entry.balances, key)) sums.set(memberId, (sums.get(memberId) ?? 0) + entry.balances[key]![0]);
      }
    }
    return sums;
  }

  /** The unread months of accounts from `first` to `last` (`yyyy-MM`, inclusive; either open-ended when undefined). */
  monthsBetween(first: string | undefined, last: string | undefined): string[] {
    return [...this.unloaded.keys()].filter((path) => {
      if (!path.startsWith('accounts/')) return false;
      const month = path.slice('accounts/'.length, 'accounts/'.length + 7);
      return (first === undefined || month >= first) && (last === undefined || month <= last);
    });
  }

  private monthsKeying(wanted: readonly string[]): string[] {
    if (this.unloaded.size === 0 || wanted.length === 0) return [];
    return [...this.unloaded.keys()].filter((path) => {
      if (!path.startsWith('accounts/')) return false;
      const keys = this.trustedKeys(path);
      return keys === undefined || wanted.some((key) => hasKey(keys, key));
    });
  }

  /** A file's keys, or undefined if they cannot be trusted: its entry is then dropped, so the next open reads it. */
  private trustedKeys(path: string): string | undefined {
    const keys = this.index.keysOf(path);
    if (keys === undefined) this.index.forget(path);
    return keys;
  }

  /** The unread files that may hold records of a kind (all of them for a whole table). */
  ofKind(kind: EntityKind): string[] {
    const family = FAMILY[kind];
    if (!family || this.unloaded.size === 0) return [];
    return [...this.unloaded.keys()].filter((path) => path.startsWith(family));
  }

  /** The latest timestamp in the unread files: the clock resumes after it. */
  latest(): string {
    let latest = '';
    for (const entry of this.unloaded.values()) if (entry.latest > latest) latest = entry.latest;
    return latest;
  }
}

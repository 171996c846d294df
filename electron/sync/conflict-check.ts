/**
 * The account conflicts (orders out of line with their entries, payments reversed twice) without
 * reading every month at each look (issue 11). The last full answer is kept, in memory and in
 * conflicts-checked.json beside the data, with the files it was taken from (size and time) and the
 * relay's debit setting; a look rechecks only the orders that changes touched since — made through
 * the store (watched here from its open), or found in files that changed on disk in between (a copy
 * that crashed with changes in its journal, a hand edit, a restore) — and reads only their months.
 * Payments reversed twice are read from the reversals and restores alone, kept per month.
 *
 * Whatever cannot be followed exactly is checked in full, as before: no saved answer, a damaged one
 * or one of another version (rebuilt, never trusted), another debit setting, a month of accounts
 * changed on disk (what it held before is not known).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AccountEntry } from '../../shared/accounts/ledger';
import type { AccountConflict, PaymentConflict } from '../../shared/sync/conflicts';
import type { ChangeRecord } from '../../shared/model/change';
import type { TillClosingRecord } from '../../shared/model/till';
import { allEntries, groupBy } from '../services/account-entries';
import { readRelay } from '../services/relay';
import { writeFileAtomic } from '../store/atomic-write';
import { CONFLICTS_CHECKED } from '../store/data-files';
import { accountsFile, distributionFile } from '../store/entities';
import { isPartition } from '../store/store-index';
import { keyOf } from '../store/sync-ledger';
import type { Store } from '../store/store';
import { accountConflictOf, isReversalLink, paymentConflictsOf, sortAccountConflicts, type ReversalLink } from './conflicts';

const FORMAT = 'cabas-conflicts-checked';
/** Bumped when what is saved changes meaning: an answer of another version is checked again in full. */
const VERSION = 1;

/** A data file as it was on disk: size and modification time. */
type Mark = [number, number];

/** What changed since the answer was taken, not yet rechecked. */
interface Pending {
  full: boolean;
  orders: Set<string>;
  /** Distribution files: every order in them (a till closed, a distribution edited). */
  distributions: Set<string>;
  /** Months of accounts whose reversal links are to be read again. */
  months: Set<string>;
}

interface Answer {
  debitOrdersOn: string;
  /** Orders out of line. */
  orders: Set<string>;
  /** Per month of accounts, its reversals and restores. */
  links: Map<string, ReversalLink[]>;
}

interface Saved extends Answer {
  files: Map<string, Mark>;
  pending: Pending;
}

const emptyPending = (full = false): Pending => ({ full, orders: new Set(), distributions: new Set(), months: new Set() });

/** Each partition file on disk (distributions, months of accounts) with its mark. */
function marksOf(dataDir: string): Map<string, Mark> {
  const marks = new Map<string, Mark>();
  for (const folder of ['distributions', 'accounts']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(dataDir, folder));
    } catch {
      continue;
    }
    for (const name of names) {
      const path = `${folder}/${name}`;
      if (!isPartition(path)) continue;
      const info = statSync(join(dataDir, path), { throwIfNoEntry: false });
      if (info) marks.set(path, [info.size, info.mtimeMs]);
    }
  }
  return marks;
}

const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const optional = (value: unknown) => value === undefined || typeof value === 'string';
const isLink = (value: unknown): value is ReversalLink => {
  const link = value as Record<string, unknown>;
  return typeof link === 'object' && link !== null && typeof link.id === 'string' && (link.memberId === null || typeof link.memberId === 'string') && optional(link.orderId) && optional(link.reverses) && optional(link.restores);
};
const isMark = (value: unknown): value is Mark => Array.isArray(value) && value.length === 2 && value.every((item) => typeof item === 'number');

/** The saved answer, or undefined if missing, damaged or of another version: checked by hand, anything odd is refused whole. */
function readSaved(dataDir: string): Saved | undefined {
  try {
    const raw = JSON.parse(readFileSync(join(dataDir, CONFLICTS_CHECKED), 'utf8')) as Record<string, unknown>;
    if (raw.format !== FORMAT || raw.version !== VERSION || typeof raw.debitOrdersOn !== 'string' || !strings(raw.orders)) return undefined;
    const files = Object.entries(raw.files as Record<string, unknown>);
    const links = Object.entries(raw.links as Record<string, unknown>);
    const pending = raw.pending as Record<string, unknown>;
    if (!files.every(([path, mark]) => isPartition(path) && isMark(mark))) return undefined;
    if (!links.every(([path, list]) => isPartition(path) && Array.isArray(list) && list.every(isLink))) return undefined;
    if (typeof pending.full !== 'boolean' || !strings(pending.orders) || !strings(pending.distributions) || !strings(pending.months)) return undefined;
    return {
      debitOrdersOn: raw.debitOrdersOn,
      orders: new Set(raw.orders),
      files: new Map(files as [string, Mark][]),
      links: new Map(links as [string, ReversalLink[]][]),
      pending: { full: pending.full, orders: new Set(pending.orders), distributions: new Set(pending.distributions), months: new Set(pending.months) },
    };
  } catch {
    return undefined;
  }
}

const checks = new WeakMap<Store, ConflictCheck>();

/** Starts following a store's changes from its open (workspace.ts); a store not followed from its open is followed from the first look. */
export function watchConflicts(store: Store): ConflictCheck {
  let check = checks.get(store);
  if (!check) {
    check = new ConflictCheck(store);
    checks.set(store, check);
  }
  return check;
}

export class ConflictCheck {
  /** The answer as of the last look, once taken in this process. */
  private answer: Answer | undefined;
  private pending = emptyPending();
  /** The files as they were when this store began to be followed, and those with changes still in the journal only. */
  private readonly startMarks: Map<string, Mark>;
  private readonly startUnfolded: string[];

  constructor(private readonly store: Store) {
    this.startMarks = marksOf(store.dataDir);
    this.startUnfolded = store.unfoldedFiles();
    store.onChange((changes, replaced) => this.follow(changes, replaced));
    store.onClose(async () => {
      // Closed without a look: the saved answer is carried over with what changed since, against the files as closed.
      if (!this.answer) this.resume();
      await this.save(marksOf(store.dataDir));
    });
  }

  private follow(changes: readonly ChangeRecord[], replaced: ReadonlyMap<string, { id: string } | undefined>): void {
    const pending = this.pending;
    for (const change of changes) {
      if (change.entity === 'order') pending.orders.add(change.entityId);
      else if (change.entity === 'distribution') pending.distributions.add(distributionFile(change.entityId));
      else if (change.entity === 'tillClosing') {
        // A till closed, reopened or taken out: every order of its distribution, as it was and as it is.
        for (const closing of [replaced.get(keyOf('tillClosing', change.entityId)), this.store.get('tillClosing', change.entityId)] as (TillClosingRecord | undefined)[]) {
          if (closing) pending.distributions.add(distributionFile(closing.distributionId));
        }
      } else if (change.entity === 'accountEntry') {
        // The entry as it was and as it is: a change may have moved it from one order, month or ledger to another.
        for (const entry of [replaced.get(keyOf('accountEntry', change.entityId)), this.store.get('accountEntry', change.entityId)] as (AccountEntry | undefined)[]) {
          if (!entry) continue;
          if (entry.orderId !== undefined) pending.orders.add(entry.orderId);
          if (isReversalLink(entry)) pending.months.add(accountsFile(entry.at));
        }
      }
    }
  }

  /** The account conflicts and payments reversed twice, exactly as a check of every month finds them. */
  list(): { accounts: AccountConflict[]; payments: PaymentConflict[] } {
    const store = this.store;
    const debitOrdersOn = readRelay(store).debitOrdersOn;
    if (!this.answer) this.resume();
    const pending = this.pending;
    this.pending = emptyPending();
    let answer = this.answer;
    let accounts: AccountConflict[];
    if (!answer || pending.full || answer.debitOrdersOn !== debitOrdersOn) {
      const entries = allEntries(store);
      const byOrder = groupBy(entries, (entry) => entry.orderId);
      accounts = [...byOrder].flatMap(([orderId, own]) => accountConflictOf(store, orderId, own) ?? []);
      const links = new Map<string, ReversalLink[]>();
      for (const entry of entries.filter(isReversalLink)) {
        const path = accountsFile(entry.at);
        links.set(path, [...(links.get(path) ?? []), linkOf(entry)]);
      }
      answer = { debitOrdersOn, orders: new Set(), links };
    } else {
      const orders = new Set([...answer.orders, ...pending.orders]);
      for (const path of pending.distributions) for (const order of store.inFile('order', path)) orders.add(order.id);
      const byOrder = groupBy(store.entriesOfOrders(orders), (entry) => entry.orderId);
      accounts = [...orders].flatMap((orderId) => accountConflictOf(store, orderId, byOrder.get(orderId) ?? []) ?? []);
      for (const path of pending.months) answer.links.set(path, store.inFile('accountEntry', path).filter(isReversalLink).map(linkOf));
    }
    answer.orders = new Set(accounts.map((conflict) => conflict.orderId));
    this.answer = answer;
    const links = [...answer.links.values()].flat();
    const payments = paymentConflictsOf(store, links, (id) => store.get('accountEntry', id));
    void this.save(marksOf(store.dataDir)).catch(() => undefined);
    return { accounts: sortAccountConflicts(accounts), payments };
  }

  /**
   * The first look in this process: the saved answer, with what changed on disk before this store was followed
   * (files whose mark moved, lines replayed from the journal) and what was left unchecked when it was saved.
   */
  private resume(): void {
    const saved = readSaved(this.store.dataDir);
    if (!saved) return void (this.pending.full = true);
    const pending = this.pending;
    const changed = new Set(this.startUnfolded);
    for (const path of new Set([...saved.files.keys(), ...this.startMarks.keys()])) {
      const [was, is] = [saved.files.get(path), this.startMarks.get(path)];
      if (!was || !is || was[0] !== is[0] || was[1] !== is[1]) changed.add(path);
    }
    for (const path of changed) {
      // A month changed on disk: the orders of the entries it held before are not known.
      if (path.startsWith('accounts/')) pending.full = true;
      else pending.distributions.add(path);
    }
    if (saved.pending.full) pending.full = true;
    for (const orderId of saved.pending.orders) pending.orders.add(orderId);
    for (const path of saved.pending.distributions) pending.distributions.add(path);
    for (const path of saved.pending.months) pending.months.add(path);
    this.answer = { debitOrdersOn: saved.debitOrdersOn, orders: saved.orders, links: saved.links };
  }

  private saving: Promise<unknown> = Promise.resolve();

  /** The answer with what changed since and is not rechecked yet, against the files as they are now. */
  private save(files: Map<string, Mark>): Promise<void> {
    const answer = this.answer;
    if (!answer) return Promise.resolve();
    const pending = this.pending;
    const body = {
      format: FORMAT,
      version: VERSION,
      debitOrdersOn: answer.debitOrdersOn,
      orders: [...answer.orders],
      files: Object.fromEntries(files),
      links: Object.fromEntries(answer.links),
      pending: { full: pending.full, orders: [...pending.orders], distributions: [...pending.distributions], months: [...pending.months] },
    };
    const run = this.saving.then(() => writeFileAtomic(join(this.store.dataDir, CONFLICTS_CHECKED), `${JSON.stringify(body)}\n`));
    this.saving = run.catch(() => undefined);
    return run;
  }
}

const linkOf = ({ id, memberId, orderId, reverses, restores }: AccountEntry): ReversalLink => ({ id, memberId, orderId, reverses, restores });

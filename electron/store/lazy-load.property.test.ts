/**
 * Lazy loading (issue 11): an open leaves past distributions and past months of accounts
 * unread, and the store loads them when something touches them. Whatever is done to them
 * after the open, a kill and a reopen (files + journal) give back the same state, and the
 * index always sums up the files as they are on disk.
 */
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountEntry } from '../../shared/accounts/ledger';
import type { Distribution } from '../../shared/model/distribution';
import type { PickupSlot } from '../../shared/model/slot';
import { envelope, manualClock, writeDataFile } from '../testing/fixtures';
import { useTempDirs } from '../testing/temp-dir';
import { readyStore, storeState } from '../testing/store-state';
import { listDataFiles } from './data-files';
import { distributionFile } from './entities';
import type { Store, StoreOptions } from './store';
import { isPartition, STORE_INDEX, StoreIndex, summarise } from './store-index';
import { STORE_KEYS } from './index-keys';
import { currentFormat } from './migrations';

const tempDir = useTempDirs();

const MADE = new Date('2024-01-08T09:00:00.000Z');
/** Two years later: the 2024 distributions and months are history. */
const REOPENED = new Date('2026-03-02T09:00:00.000Z');
const PICKUPS = ['2024-01-12', '2024-01-19', '2024-02-02', '2024-02-09', '2026-03-06', '2026-03-13'];
/** Four 2024 distribution files and the 2024-01 month of accounts. */
const HISTORY_FILES = 5;

/** These tests fold by hand, never on a timer. */
const ready = (options: StoreOptions) => readyStore({ foldWhenIdleMs: false, ...options });

const stateOf = storeState;

const distributionRecord = (pickupDate: string): Distribution => ({
  id: randomUUID(),
  pickupDate,
  pickupStart: '17:00',
  pickupEnd: '19:00',
  opensAt: `${pickupDate}T00:00:00.000Z`,
  closesAt: `${pickupDate}T08:00:00.000Z`,
  closedEarlyAt: null,
  cancelledAt: null,
  seriesId: null,
  notes: '',
  rates: null,
  rateChanges: [],
  settledAt: null,
  createdAt: MADE.toISOString(),
  updatedAt: MADE.toISOString(),
});

const slotRecord = (distributionId: string, start: string): PickupSlot => ({
  id: randomUUID(),
  distributionId,
  start,
  end: start.replace(':00', ':30'),
  capacity: 8,
  createdAt: MADE.toISOString(),
  updatedAt: MADE.toISOString(),
});

const MEMBER = '55555555-5555-4555-8555-555555555555';
const payment = (at: string, amountCents: number): AccountEntry => ({
  id: randomUUID(),
  memberId: MEMBER,
  at,
  kind: 'payment',
  amountCents,
  method: 'cash',
  reference: '',
  reason: '',
});

interface History {
  dir: string;
  distributions: Distribution[];
  slots: PickupSlot[];
}

/** A folder as a relay leaves it: six distributions with two slots each, payments in an old month and this one; folded, closed. */
async function makeHistory(dir: string): Promise<History> {
  const distributions = PICKUPS.map(distributionRecord);
  const slots = distributions.flatMap((distribution) => [slotRecord(distribution.id, '17:00'), slotRecord(distribution.id, '18:00')]);
  const store = await ready({ dataDir: dir, now: manualClock(MADE).now });
  await store.transact((tx) => {
    for (const distribution of distributions) tx.put('distribution', distribution);
    for (const slot of slots) tx.put('slot', slot);
    tx.put('accountEntry', payment('2024-01-09T10:00:00.000Z', 1000));
    tx.put('accountEntry', payment('2026-03-01T10:00:00.000Z', 2000));
  });
  await store.close();
  return { dir, distributions, slots };
}

function sumsOf(entries: readonly AccountEntry[]) {
  const sums = new Map<string | null, { balanceCents: number; entryCount: number }>();
  for (const entry of entries) {
    const sum = sums.get(entry.memberId) ?? { balanceCents: 0, entryCount: 0 };
    sums.set(entry.memberId, { balanceCents: sum.balanceCents + entry.amountCents, entryCount: sum.entryCount + 1 });
  }
  return sums;
}

/** The index as the files on disk call for it: each partition summed up from its own records. */
async function recomputedIndex(dir: string) {
  const entries: Record<string, unknown> = {};
  for (const path of (await listDataFiles(dir)).filter(isPartition)) {
    const file = JSON.parse(await readFile(join(dir, path), 'utf8'));
    entries[path] = summarise(file.records, file.sync ?? {}, await stat(join(dir, path)));
  }
  return entries;
}

/** The index as stored, each entry with its keys (kept in their own file). */
async function storedIndex(dir: string) {
  const index = await StoreIndex.read(dir, currentFormat.version);
  return Object.fromEntries([...index.entries].map(([path, entry]) => [path, { ...entry, keys: index.keysOf(path) }]));
}

type Operation =
  | { op: 'addSlot'; d: number; hour: number }
  | { op: 'capacity'; d: number; capacity: number }
  | { op: 'removeSlot'; d: number }
  | { op: 'notes'; d: number; notes: string }
  | { op: 'pay'; old: boolean; amountCents: number }
  | { op: 'readSlot'; s: number }
  | { op: 'fold' };

const d = fc.nat({ max: PICKUPS.length - 1 });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ op: fc.constant('addSlot' as const), d, hour: fc.integer({ min: 10, max: 16 }) }),
  fc.record({ op: fc.constant('capacity' as const), d, capacity: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('removeSlot' as const), d }),
  fc.record({ op: fc.constant('notes' as const), d, notes: fc.string({ maxLength: 8 }) }),
  fc.record({ op: fc.constant('pay' as const), old: fc.boolean(), amountCents: fc.integer({ min: 1, max: 5000 }) }),
  fc.record({ op: fc.constant('readSlot' as const), s: fc.nat({ max: PICKUPS.length * 2 - 1 }) }),
  fc.constant({ op: 'fold' as const }),
);

async function run(store: Store, history: History, { ...step }: Operation): Promise<void> {
  const distribution = 'd' in step ? history.distributions[step.d]! : undefined;
  const file = distribution && distributionFile(distribution.id);
  switch (step.op) {
    case 'addSlot':
      await store.transact((tx) => void tx.put('slot', slotRecord(distribution!.id, `${step.hour}:00`)));
      return;
    case 'capacity':
      await store.transact((tx) => {
        const slot = tx.inFile('slot', file!)[0];
        if (slot) tx.put('slot', { ...slot, capacity: step.capacity });
      });
      return;
    case 'removeSlot':
      await store.transact((tx) => {
        const slot = tx.inFile('slot', file!).sort((a, b) => a.start.localeCompare(b.start))[0];
        if (slot) tx.remove('slot', slot.id);
      });
      return;
    case 'notes':
      await store.transact((tx) => void tx.put('distribution', { ...tx.get('distribution', distribution!.id)!, notes: step.notes }));
      return;
    case 'pay':
      await store.transact((tx) => void tx.put('accountEntry', payment(step.old ? '2024-01-20T10:00:00.000Z' : '2026-03-02T10:00:00.000Z', step.amountCents)));
      return;
    case 'readSlot':
      // A read by id alone: the store finds the unread file holding it from the index.
      expect(store.get('slot', history.slots[step.s]!.id)?.id ?? 'removed').toBeTruthy();
      return;
    case 'fold':
      await store.fold();
  }
}

describe('lazy loading of history', () => {
  let template: History;
  // Made once for the whole file: each test works on its own copy.
  beforeAll(async () => {
    template = await makeHistory(await mkdtemp(join(tmpdir(), 'cabas-history-')));
  });
  afterAll(() => rm(template.dir, { recursive: true, force: true }));

  async function copyOfHistory(): Promise<History> {
    const dir = await tempDir();
    await cp(template.dir, dir, { recursive: true });
    // Copied files have new times, so the copied index no longer matches them: one open sums them up again.
    await (await ready({ dataDir: dir, now: manualClock(REOPENED).now })).close();
    return { ...template, dir };
  }

  it('a reopening leaves past distributions and months unread, and loads one when a record of it is read', async () => {
    const history = await copyOfHistory();
    const store = await ready({ dataDir: history.dir, now: manualClock(REOPENED).now });
    expect(store.unloadedFiles).toBe(HISTORY_FILES);
    // The season list comes from the index: every distribution is there without reading a file.
    expect(store.all('distribution').map((distribution) => distribution.pickupDate).sort()).toEqual(PICKUPS);
    expect(store.unloadedFiles).toBe(HISTORY_FILES);
    expect(store.get('slot', history.slots[0]!.id)?.capacity).toBe(8);
    expect(store.unloadedFiles).toBe(HISTORY_FILES - 1);
    // Balances sum the months held and the index's sums of the months unread, without reading them.
    expect(store.accountTotals().get(MEMBER)).toEqual({ balanceCents: 3000, entryCount: 2 });
    expect(store.unloadedFiles).toBe(HISTORY_FILES - 1);
    expect(store.all('accountEntry').map((entry) => entry.amountCents).sort()).toEqual([1000, 2000]);
    await store.close();
  });

  it('random changes, a kill and a reopen give back the state before the kill, history edited after the open included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (operations) => {
        const history = await copyOfHistory();
        const clock = manualClock(REOPENED);
        clock.tick(1000);
        const store = await ready({ dataDir: history.dir, now: clock.now });
        expect(store.unloadedFiles).toBe(HISTORY_FILES);
        for (const step of operations) await run(store, history, step);
        // The balances the index serves are the sums of every entry, whatever is still unread.
        const served = store.accountTotals();
        store.loadAll();
        expect(served).toEqual(sumsOf(store.all('accountEntry')));
        // Killed: nothing folded or closed past this point; the journal and the files are what a crash leaves.
        store.retire(null);
        const before = stateOf(store);
        const reopened = await ready({ dataDir: history.dir, now: clock.now });
        expect(stateOf(reopened)).toBe(before);
        await reopened.close();
        // Closed cleanly (folded): the index sums up exactly the files on disk.
        expect(await storedIndex(history.dir)).toEqual(await recomputedIndex(history.dir));
        const third = await ready({ dataDir: history.dir, now: clock.now });
        expect(stateOf(third)).toBe(before);
        third.retire(null);
      }),
      { numRuns: 12 },
    );
  });

  it('a past distribution changed behind the app is read at open, not taken from a stale index', async () => {
    const history = await copyOfHistory();
    const oldest = history.distributions[0]!;
    const path = join(history.dir, distributionFile(oldest.id));
    const file = JSON.parse(await readFile(path, 'utf8'));
    file.records.distribution[0].notes = 'changed by hand';
    await writeFile(path, JSON.stringify(file));
    const store = await ready({ dataDir: history.dir, now: manualClock(REOPENED).now });
    expect(store.get('distribution', oldest.id)?.notes).toBe('changed by hand');
    expect(store.unloadedFiles).toBe(HISTORY_FILES - 1);
    await store.close();
    expect(await storedIndex(history.dir)).toEqual(await recomputedIndex(history.dir));
  });

  it.each([
    ['missing', null],
    ['damaged', '{ not json'],
    ['of other files', JSON.stringify({ format: 'cabas-store-keys', version: 1, formatVersion: currentFormat.version, files: {} })],
  ])('the index keys %s: a record read by id is still found in its unread file, and no other family of files is read', async (_, contents) => {
    const history = await copyOfHistory();
    if (contents === null) await rm(join(history.dir, STORE_KEYS));
    else await writeFile(join(history.dir, STORE_KEYS), contents);
    const store = await ready({ dataDir: history.dir, now: manualClock(REOPENED).now });
    expect(store.unloadedFiles).toBe(HISTORY_FILES);
    const slot = history.slots[0]!;
    expect(store.get('slot', slot.id)?.id).toBe(slot.id);
    expect(store.unloadedFiles).toBeLessThan(HISTORY_FILES);
    // Without keys to trust, an id held nowhere reads every distribution to be sure, but never the month of accounts.
    expect(store.get('slot', '00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(store.unloadedFiles).toBe(1);
    await store.close();
    // Their entries were dropped: the next open reads those files and takes their keys again, and the one after leaves them unread.
    const reread = await ready({ dataDir: history.dir, now: manualClock(REOPENED).now });
    expect(reread.unloadedFiles).toBe(1);
    await reread.close();
    const again = await ready({ dataDir: history.dir, now: manualClock(REOPENED).now });
    expect(again.unloadedFiles).toBe(HISTORY_FILES);
    expect(again.get('slot', '00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(again.unloadedFiles).toBe(HISTORY_FILES);
    await again.close();
    const [stored, recomputed] = [await storedIndex(history.dir), await recomputedIndex(history.dir)];
    // The past distributions' keys are back; the ones still loaded at every open get theirs when they too are history.
    for (const distribution of history.distributions.filter(({ pickupDate }) => pickupDate < '2025')) {
      expect(stored[distributionFile(distribution.id)]).toEqual(recomputed[distributionFile(distribution.id)]);
    }
  });

  it.each([
    ['missing', null],
    ['damaged', '{ not json'],
    ['from another format version', JSON.stringify({ format: 'cabas-store-index', version: 1, formatVersion: 1, files: {} })],
  ])('an index %s is rebuilt from the files, and the next open leaves history unread again', async (_, contents) => {
    const history = await copyOfHistory();
    const expected = await recomputedIndex(history.dir);
    if (contents === null) await rm(join(history.dir, STORE_INDEX));
    else await writeFile(join(history.dir, STORE_INDEX), contents);
    const store = await ready({ dataDir: history.dir, now: manualClock(REOPENED).now });
    expect(store.unloadedFiles).toBe(0);
    const state = stateOf(store);
    await store.close();
    expect(await storedIndex(history.dir)).toEqual(expected);
    const again = await ready({ dataDir: history.dir, now: manualClock(REOPENED).now });
    expect(again.unloadedFiles).toBe(HISTORY_FILES);
    expect(stateOf(again)).toBe(state);
    await again.close();
  });

  it('a folder of an older format is backed up, migrated, and its index taken from the migrated files; the next open leaves history unread', async () => {
    const dir = await tempDir();
    const [old, coming] = [distributionRecord('2024-01-12'), distributionRecord('2026-03-06')];
    for (const distribution of [old, coming]) {
      await writeDataFile(dir, distributionFile(distribution.id), envelope({ distribution: [distribution], slot: [slotRecord(distribution.id, '17:00')] }, 2));
    }
    const store = await ready({ dataDir: dir, now: manualClock(REOPENED).now });
    expect(store.unloadedFiles).toBe(0);
    const state = stateOf(store);
    await store.close();
    expect((await readdir(join(dir, 'backups'))).filter((id) => id.endsWith('-pre-migration'))).toHaveLength(1);
    expect(JSON.parse(await readFile(join(dir, distributionFile(old.id)), 'utf8')).version).toBe(currentFormat.version);
    expect(await storedIndex(dir)).toEqual(await recomputedIndex(dir));
    const again = await ready({ dataDir: dir, now: manualClock(REOPENED).now });
    expect(again.unloadedFiles).toBe(1);
    expect(stateOf(again)).toBe(state);
    await again.close();
  });
});

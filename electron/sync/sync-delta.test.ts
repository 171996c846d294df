/**
 * Sync proportional to what changed (issue 11): an everyday sync reads only the other
 * copies' new batches, whatever the history behind them, and ends where reading
 * everything from the start would.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Member } from '../../shared/model/member';
import { parseBatch } from '../../shared/sync/envelope';
import type { SyncReport } from '../../shared/sync/status';
import { entityKinds } from '../store/entities';
import type { Store } from '../store/store';
import { useTempDirs } from '../testing/temp-dir';
import { enrol } from '../testing/roster';
import { call, createProducer, openApp, type TestApp } from '../testing/service-calls';
import { COMPACT_AFTER } from './engine';
import { ROOT, SyncFolder } from './folder';

const tempDir = useTempDirs();
const start = new Date('2026-03-04T09:00:00.000Z');
const WEEK_CHANGES = 900;

const sync = (app: TestApp) => call<SyncReport>(app, 'sync.now', {});
const problems = (report: SyncReport) => report.folders.flatMap((folder) => folder.problems);

/** Every batch and snapshot content read from a sync folder, by file. */
function countReads() {
  const snapshot = vi.spyOn(SyncFolder.prototype, 'readSnapshot');
  const batch = vi.spyOn(SyncFolder.prototype, 'readBatch');
  return {
    reset: () => {
      snapshot.mockClear();
      batch.mockClear();
    },
    get: () => ({ snapshots: snapshot.mock.calls.map(([device]) => device), batches: batch.mock.calls.map(([device, seq]) => `${device}/${seq}`) }),
  };
}

afterEach(() => vi.restoreAllMocks());

/**
 * Two approved copies of one relay sharing a folder: `members` members held before the first
 * sync (in the first snapshot), then `weeks` weeks of edits synced both ways.
 */
async function relay(weeks: number, members = 0) {
  const folder = await tempDir();
  const a = await openApp(await tempDir(), start);
  const b = await openApp(await tempDir(), start);
  const producer = await createProducer(a, 'Ferme du Bois');
  const model = await call<Member>(a, 'members.create', { name: 'Modèle' });
  await a.workspace.store.transact((tx) => {
    for (let i = 0; i < members; i++) tx.put('member', { ...model, id: randomUUID(), name: `Membre ${i}` });
  });
  for (const app of [a, b]) await call(app, 'sync.saveSettings', { autoSyncMinutes: 0, teamFolder: folder });
  await enrol(a, [b]);
  await sync(b);
  for (let week = 1; week <= weeks; week++) {
    await a.workspace.store.transact((tx) => {
      for (let i = 0; i < 20; i++) tx.put('member', { ...model, id: randomUUID(), name: `Membre ${week}-${i}` });
      tx.put('producer', { ...tx.get('producer', producer.id)!, notes: `semaine ${week}` });
    });
    await sync(a);
    await sync(b);
  }
  return { folder, a, b, model };
}

/** One week of the organiser's work in one go: new members, and members of before edited. */
async function aWeek(app: TestApp, model: Member): Promise<void> {
  await app.workspace.store.transact((tx) => {
    const earlier = app.workspace.store.all('member').slice(0, WEEK_CHANGES / 3);
    for (const member of earlier) tx.put('member', { ...member, notes: `vu cette semaine (${member.name})` });
    for (let i = earlier.length; i < WEEK_CHANGES; i++) tx.put('member', { ...model, id: randomUUID(), name: `Nouveau ${i}` });
  });
}

/** Everything a copy holds, records and their field timestamps, in a comparable order. */
function contents(store: Store) {
  return entityKinds.map((kind) =>
    [...store.all(kind)]
      .sort((x, y) => x.id.localeCompare(y.id))
      .map((record) => ({ kind, record, stamps: store.stampsOf(kind, record.id) })),
  );
}

describe('sync proportional to what changed', () => {
  it('a sync where nothing changed reads no batch and no snapshot, on either copy', async () => {
    const { a, b } = await relay(3);
    const reads = countReads();
    expect(problems(await sync(b))).toEqual([]);
    expect(problems(await sync(a))).toEqual([]);
    expect(reads.get()).toEqual({ snapshots: [], batches: [] });

    // One change: the other copy reads that one batch, nothing else.
    await call(a, 'members.create', { name: 'Une de plus' });
    await sync(a);
    reads.reset();
    await sync(b);
    expect(reads.get().snapshots).toEqual([]);
    expect(reads.get().batches).toHaveLength(1);
  });

  it('a week of 900 changes reads only that week, with a short or a long history, and ends where reading everything would', async () => {
    const read: { snapshots: string[]; batches: string[] }[] = [];
    // The long history has gone through a snapshot rewritten on the way (COMPACT_AFTER batches).
    for (const weeks of [1, COMPACT_AFTER + 5]) {
      const { a, b, folder, model } = await relay(weeks);
      await aWeek(a, model);
      const sent = await sync(a);
      expect(sent.folders[0]!.sent).toBe(WEEK_CHANGES);
      const reads = countReads();
      const received = await sync(b);
      read.push(reads.get());
      vi.restoreAllMocks();
      expect(problems(received)).toEqual([]);
      expect(received.folders[0]!.received).toBe(WEEK_CHANGES);

      // The full path: a copy that reads everything from the start (snapshots and every batch still there).
      const fresh = await openApp(await tempDir(), start);
      await call(fresh, 'sync.saveSettings', { autoSyncMinutes: 0, teamFolder: folder });
      expect(problems(await sync(fresh))).toEqual([]);
      expect(contents(b.workspace.store)).toEqual(contents(fresh.workspace.store));
      expect(contents(b.workspace.store)).toEqual(contents(a.workspace.store));
    }
    // The same work at both sizes: the week's one batch, no snapshot.
    for (const reads of read) {
      expect(reads.snapshots).toEqual([]);
      expect(reads.batches).toHaveLength(1);
    }
  });

  it('a copy joining from the snapshot holds what a copy that replayed every batch holds', async () => {
    const { a, b, folder, model } = await relay(COMPACT_AFTER + 5);
    await aWeek(a, model);
    await sync(a);
    await sync(b);
    const joining = await openApp(await tempDir(), start);
    await call(joining, 'sync.saveSettings', { autoSyncMinutes: 0, teamFolder: folder });
    const reads = countReads();
    expect(problems(await sync(joining))).toEqual([]);
    // One snapshot per copy, then only the batches written since a's last snapshot.
    expect(reads.get().snapshots.sort()).toEqual([a.workspace.store.deviceId, b.workspace.store.deviceId].sort());
    expect(reads.get().batches.length).toBeLessThan(COMPACT_AFTER);
    expect(contents(joining.workspace.store)).toEqual(contents(b.workspace.store));
    // Its own first snapshot holds what it had before, not what it took from the folder: the years are not written back.
    const own = parseBatch(await readFile(join(folder, ROOT, joining.workspace.store.deviceId, 'snapshot.json'), 'utf8'));
    expect(own.ok && own.batch.changes).toEqual([]);
  });

  it('a snapshot of a long history is not rewritten for a few small batches: only once they weigh a share of it', async () => {
    const { a, folder } = await relay(0, 2_000);
    const snapshot = join(folder, ROOT, a.workspace.store.deviceId, 'snapshot.json');
    const before = await readFile(snapshot, 'utf8');
    const member = a.workspace.store.all('member')[0]!;
    for (let week = 1; week <= COMPACT_AFTER + 5; week++) {
      await call(a, 'members.update', { id: member.id, changes: { notes: `semaine ${week}` } });
      await sync(a);
    }
    // Every other copy would read it all again at each rewrite: 25 one-line batches do not warrant that.
    expect(await readFile(snapshot, 'utf8')).toBe(before);
  });
});

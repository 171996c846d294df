import { readdir, readFile, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { DistributionView } from '../../shared/catalogue/views';
import type { Member } from '../../shared/model/member';
import type { Order } from '../../shared/model/order';
import type { SyncReport, SyncStatus } from '../../shared/sync/status';
import type { ChangeRecord } from '../../shared/model/change';
import { SYNC_VERSION } from '../../shared/sync/envelope';
import { useTempDirs } from '../testing/temp-dir';
import { enrol, signedAs } from '../testing/roster';
import { call, createProducer, createProduct, openApp, refusal, type TestApp } from '../testing/service-calls';
import { COMPACT_AFTER } from './engine';
import { ROOT } from './folder';

const tempDir = useTempDirs();
const start = new Date('2026-03-04T09:00:00.000Z');

async function copies(count: number, settings: Record<string, unknown>): Promise<TestApp[]> {
  const apps: TestApp[] = [];
  for (let i = 0; i < count; i++) {
    const app = await openApp(await tempDir(), start);
    await call(app, 'sync.saveSettings', { autoSyncMinutes: 0, ...settings });
    apps.push(app);
  }
  return apps;
}

const sync = (app: TestApp) => call<SyncReport>(app, 'sync.now', {});
const problems = (report: SyncReport) => report.folders.flatMap((folder) => folder.problems);

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('sync with a shared folder', () => {
  it('a batch still being copied is left for later, then read whole once complete', async () => {
    const folder = await tempDir();
    const [a, b] = (await copies(2, { teamFolder: folder })) as [TestApp, TestApp];
    await sync(a);
    await sync(b);
    const producer = await createProducer(a, 'Ferme du Bois');
    await sync(a);
    const batch = join(folder, ROOT, a.workspace.store.deviceId, '00000001.batch');
    const whole = await readFile(batch, 'utf8');
    await writeFile(batch, whole.slice(0, Math.floor(whole.length / 2)));

    const report = await sync(b);
    expect(problems(report)).toContainEqual(expect.objectContaining({ code: 'waiting', detail: `${a.workspace.store.deviceId}/1` }));
    expect(b.workspace.store.get('producer', producer.id)).toBeUndefined();

    await writeFile(batch, whole);
    expect(problems(await sync(b))).toEqual([]);
    expect(b.workspace.store.get('producer', producer.id)?.name).toBe('Ferme du Bois');
  });

  it('a file from a newer version of Cabas is refused with a message, and nothing of it is merged', async () => {
    const folder = await tempDir();
    const [a, b] = (await copies(2, { teamFolder: folder })) as [TestApp, TestApp];
    await createProducer(a, 'Ferme du Bois');
    await sync(a);
    await writeFile(join(folder, ROOT, a.workspace.store.deviceId, '00000001.batch'), `${JSON.stringify({ format: 'cabas-sync', version: SYNC_VERSION + 1, whatever: true })}\n`);
    const report = await sync(b);
    expect(problems(report)).toContainEqual(expect.objectContaining({ code: 'newerFormat', detail: `${a.workspace.store.deviceId}/1` }));
    // The snapshot before it was merged; the newer batch is not skipped over either: it waits for the update.
    expect(b.workspace.store.all('producer')).toHaveLength(1);
    const status = await call<SyncStatus>(b, 'sync.status', {});
    expect(status.folders[0]!.problems.map((problem) => problem.code)).toContain('newerFormat');
  });

  it('a missing folder is refused when chosen, and reported (nothing written) when it disappears', async () => {
    const folder = await tempDir();
    const [a] = (await copies(1, {})) as [TestApp];
    // No folder dialog outside Electron: the screen asks for the path instead.
    expect(await call(a, 'sync.chooseFolder', {})).toEqual({ supported: false, path: null });
    const error = await refusal(a, 'sync.saveSettings', { teamFolder: join(folder, 'not-there') });
    expect(error.issues).toEqual([{ path: 'teamFolder', key: 'sync.problem.folderMissing', params: { detail: join(folder, 'not-there') } }]);
    await call(a, 'sync.saveSettings', { teamFolder: folder });
    await rm(folder, { recursive: true });
    expect(problems(await sync(a))).toEqual([{ code: 'folderMissing', detail: folder }]);
  });

  it('a team folder chosen as the producers folder of another copy is refused (wrong level)', async () => {
    const folder = await tempDir();
    const [a] = (await copies(1, { teamFolder: folder })) as [TestApp];
    await sync(a);
    const [b] = (await copies(1, { producersFolder: folder })) as [TestApp];
    expect(problems(await sync(b))).toEqual([{ code: 'wrongLevel', detail: 'team' }]);
  });

  it('the producers folder carries the catalogue, stock and ordered totals, never member data', async () => {
    const team = await tempDir();
    const producers = await tempDir();
    const [a] = (await copies(1, { teamFolder: team, producersFolder: producers })) as [TestApp];
    const producer = await createProducer(a, 'Ferme du Bois');
    const product = await createProduct(a, producer.id, { name: 'Carottes' });
    const distribution = await call<DistributionView>(a, 'distributions.create', { pickupDate: '2026-03-06', pickupStart: '17:00', pickupEnd: '19:00' });
    await call(a, 'offers.set', { distributionId: distribution.id, productId: product.id, quantity: 10 });
    const member = await call<Member>(a, 'members.create', { name: 'Zoé Martin', email: 'zoe@example.org', phone: '0470 12 34 56' });
    const order = await call<Order>(a, 'orders.open', { distributionId: distribution.id, memberId: member.id });
    await call(a, 'orders.addLine', { orderId: order.id, productId: product.id, quantity: 3 });
    await sync(a);
    await call(a, 'members.update', { id: member.id, changes: { notes: 'allergique' } });
    await sync(a);

    for (const file of await filesUnder(producers)) {
      const text = await readFile(file, 'utf8');
      for (const secret of ['Zoé', 'zoe@example.org', '0470', 'allergique', member.id, order.id]) expect(text, file).not.toContain(secret);
    }
    expect((await Promise.all((await filesUnder(team)).map((file) => readFile(file, 'utf8')))).join('')).toContain('Zoé Martin');

    // A producer's copy gets the catalogue and the ordered total, and nothing about members.
    const [p] = (await copies(1, { producersFolder: producers, role: 'producer' })) as [TestApp];
    await sync(p);
    await call(p, 'sync.saveSettings', { producerId: producer.id });
    expect(p.workspace.store.get('product', product.id)?.name).toBe('Carottes');
    expect(p.workspace.store.all('member')).toEqual([]);
    expect(p.workspace.store.all('order')).toEqual([]);
    const grid = await call<{ rows: { cells: { ordered: number }[] }[] }>(p, 'offers.stockGrid', { producerId: producer.id });
    expect(JSON.stringify(grid)).toContain('"ordered":3');
  });

  it('a producer copy changes only its offers; an organiser ignores anything else it sends', async () => {
    const producers = await tempDir();
    const [a] = (await copies(1, { producersFolder: producers })) as [TestApp];
    const mine = await createProducer(a, 'Ferme du Bois');
    const other = await createProducer(a, 'Miellerie');
    const myProduct = await createProduct(a, mine.id, { name: 'Carottes' });
    const otherProduct = await createProduct(a, other.id, { name: 'Miel' });
    const distribution = await call<DistributionView>(a, 'distributions.create', { pickupDate: '2026-03-06', pickupStart: '17:00', pickupEnd: '19:00' });
    await sync(a);

    const [p] = (await copies(1, { producersFolder: producers, role: 'producer' })) as [TestApp];
    await sync(p);
    await call(p, 'sync.saveSettings', { producerId: mine.id });
    await enrol(a, [p]);
    expect((await refusal(p, 'producers.update', { id: mine.id, changes: { name: 'Autre' } })).key).toBe('error.producerCopy');
    expect((await refusal(p, 'members.create', { name: 'X' })).key).toBe('error.producerCopy');
    await call(p, 'offers.set', { distributionId: distribution.id, productId: myProduct.id, quantity: 12 });
    await sync(p);
    // A tampered (or buggy) producer copy writes a batch of changes it may not make, straight into the folder.
    const tampered: ChangeRecord[] = [];
    const stop = p.workspace.store.onChange((changes) => tampered.push(...changes));
    await p.workspace.store.transact((tx) => {
      const producer = tx.get('producer', other.id)!;
      tx.put('producer', { ...producer, name: 'Piraté' });
    });
    await p.workspace.store.transact((tx) => {
      const offer = tx.all('offer').find((candidate) => candidate.productId === myProduct.id)!;
      tx.put('offer', { ...offer, id: crypto.randomUUID(), productId: otherProduct.id, quantity: 99 });
    });
    stop();
    const deviceDir = join(producers, ROOT, p.workspace.store.deviceId);
    const next = (await readdir(deviceDir)).filter((name) => name.endsWith('.batch')).length + 1;
    // Signed with its own key: the copy is on the roster, only its role is exceeded.
    await writeFile(join(deviceDir, `${String(next).padStart(8, '0')}.batch`), await signedAs(p, next, tampered));
    const report = await sync(a);
    const offers = a.workspace.store.all('offer');
    expect(offers.find((offer) => offer.productId === myProduct.id)?.quantity).toBe(12);
    expect(offers.find((offer) => offer.productId === otherProduct.id)).toBeUndefined();
    expect(a.workspace.store.get('producer', other.id)?.name).toBe('Miellerie');
    expect(problems(report).some((problem) => problem.code === 'refused')).toBe(true);
  });

  it(`compacts: after ${COMPACT_AFTER} batches a snapshot replaces them, and a copy joining later catches up from it`, async () => {
    const folder = await tempDir();
    const [a] = (await copies(1, { teamFolder: folder })) as [TestApp];
    const producer = await createProducer(a, 'Ferme du Bois');
    await sync(a);
    for (let i = 1; i <= COMPACT_AFTER + 3; i++) {
      await call(a, 'producers.update', { id: producer.id, changes: { notes: `semaine ${i}` } });
      await sync(a);
    }
    const own = await readdir(join(folder, ROOT, a.workspace.store.deviceId));
    expect(own.filter((name) => name.endsWith('.batch'))).toHaveLength(3);
    expect(own).toContain('snapshot.json');

    const [late] = (await copies(1, { teamFolder: folder })) as [TestApp];
    await sync(late);
    expect(late.workspace.store.get('producer', producer.id)?.notes).toBe(`semaine ${COMPACT_AFTER + 3}`);
  });

  it('field timestamps survive a restart: the clock carries on after the latest change held', async () => {
    const folder = await tempDir();
    const [a] = (await copies(1, { teamFolder: folder })) as [TestApp];
    const producer = await createProducer(a, 'Ferme du Bois');
    const before = a.workspace.store.stampsOf('producer', producer.id)!;
    // Restart with a clock an hour behind (the laptop's clock was wrong): changes still order after the earlier ones.
    const reopened = await openApp(a.dataDir, new Date(start.getTime() - 3_600_000));
    expect(reopened.workspace.store.stampsOf('producer', producer.id)).toEqual(before);
    await call(reopened, 'producers.update', { id: producer.id, changes: { notes: 'x' } });
    expect(reopened.workspace.store.stampsOf('producer', producer.id)!.notes! > before._!).toBe(true);
  });
});

describe('a new copy joining', () => {
  it('saving its settings before its first sync does not put the default relay name over the real one', async () => {
    const folder = await tempDir();
    const [a, b] = (await copies(2, { teamFolder: folder })) as [TestApp, TestApp];
    await call(a, 'relay.update', { name: 'Relais de la Gare', hostCommissionBp: 900 });
    await sync(a);
    // Later, the co-organiser's brand-new copy switches to English before it ever synced.
    b.clock.advance(60_000);
    await call(b, 'relay.update', { language: 'en' });
    await sync(b);
    await enrol(a, [b]);
    await sync(a);
    for (const app of [a, b]) {
      expect(app.workspace.store.get('relay', 'relay')).toMatchObject({ name: 'Relais de la Gare', hostCommissionBp: 900, language: 'en' });
    }
  });
});

describe('automatic sync', () => {
  it('runs every few minutes while a folder is set, and stops when set to 0', async () => {
    const folder = await tempDir();
    const [a] = (await copies(1, {})) as [TestApp];
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await call(a, 'sync.saveSettings', { teamFolder: folder, autoSyncMinutes: 3 });
      await vi.advanceTimersByTimeAsync(2 * 60_000);
      expect((await call<SyncStatus>(a, 'sync.status', {})).folders[0]!.lastSyncAt).toBeNull();
      await vi.advanceTimersByTimeAsync(60_000);
      await vi.waitFor(async () => expect((await call<SyncStatus>(a, 'sync.status', {})).folders[0]!.lastSyncAt).not.toBeNull(), { interval: 5 });
      await call(a, 'sync.saveSettings', { autoSyncMinutes: 0 });
      const last = (await call<SyncStatus>(a, 'sync.status', {})).folders[0]!.lastSyncAt;
      a.clock.advance(3_600_000);
      await vi.advanceTimersByTimeAsync(60 * 60_000);
      expect((await call<SyncStatus>(a, 'sync.status', {})).folders[0]!.lastSyncAt).toBe(last);
    } finally {
      a.syncer.stop();
      vi.useRealTimers();
    }
  });
});

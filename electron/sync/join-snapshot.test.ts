/**
 * A new copy joins from the organiser's snapshot (issue 11): the records it brings are
 * put together from their writes and checked whole, not folded change by change
 * (sync-ledger.ts `firstWrites`), and its text is hashed and verified as it stands in
 * the file (envelope.ts `rawChanges`). Taken that way, the copy must hold what a copy
 * that merged every change one by one holds — the same records, the same field
 * timestamps, the same removals — and keep converging with the others afterwards.
 */
import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../shared/model/change';
import type { DistributionView } from '../../shared/catalogue/views';
import type { Member } from '../../shared/model/member';
import type { Order } from '../../shared/model/order';
import type { SlotView } from '../../shared/slots/views';
import type { SyncReport } from '../../shared/sync/status';
import { useTempDirs } from '../testing/temp-dir';
import { call, createProducer, createProduct, openApp, reopened, type TestApp } from '../testing/service-calls';
import { readyStore, storeState } from '../testing/store-state';
import { enrol } from '../testing/roster';
import type { Store } from '../store/store';

const tempDir = useTempDirs();
const start = new Date('2026-03-04T09:00:00.000Z');

/** A season's worth of kinds on the organiser's copy: catalogue, members, a distribution with slots (one removed), orders, a collection that debits, a payment, edits. */
async function relayWithHistory(app: TestApp): Promise<{ members: Member[]; offerOf: string }> {
  let minutes = 0;
  const later = () => app.clock.set(new Date(start.getTime() + ++minutes * 60_000));
  const producer = await createProducer(app, 'Ferme du Bois');
  const carrots = await createProduct(app, producer.id, { name: 'Carottes' });
  const eggs = await createProduct(app, producer.id, { name: 'Oeufs', unit: 'piece', priceCents: 40 });
  later();
  await call(app, 'products.update', { id: carrots.id, changes: { priceCents: 280 } });
  const members = [await call<Member>(app, 'members.create', { name: 'Anne' }), await call<Member>(app, 'members.create', { name: 'Marc' })];
  const distribution = await call<DistributionView>(app, 'distributions.create', { pickupDate: '2026-03-06', pickupStart: '17:00', pickupEnd: '19:00' });
  for (const product of [carrots, eggs]) await call(app, 'offers.set', { distributionId: distribution.id, productId: product.id, quantity: 30 });
  const early = await call<SlotView>(app, 'slots.add', { distributionId: distribution.id, start: '17:00', end: '17:30', capacity: 10 });
  await call<SlotView>(app, 'slots.add', { distributionId: distribution.id, start: '17:30', end: '18:00', capacity: 10 });
  later();
  await call(app, 'slots.remove', { id: early.id });
  for (const member of members) {
    const order = await call<Order>(app, 'orders.open', { distributionId: distribution.id, memberId: member.id, late: false });
    await call(app, 'orders.addLine', { orderId: order.id, productId: carrots.id, quantity: 2 });
    later();
    await call(app, 'orders.addLine', { orderId: order.id, productId: eggs.id, quantity: 6 });
  }
  later();
  const first = app.workspace.store.all('order').find((order) => order.memberId === members[0]!.id)!;
  await call(app, 'checkin.collect', { orderId: first.id });
  await call(app, 'accounts.recordPayment', { memberId: members[0]!.id, amountCents: 1200, method: 'cash' });
  later();
  await call(app, 'members.update', { id: members[1]!.id, changes: { name: 'Marc Dupont' } });
  return { members, offerOf: carrots.id };
}

/** Every record, its field timestamps and the removals; the order of a record's keys is not part of it. */
const state = (store: Store): unknown => JSON.parse(storeState(store));

async function syncAll(copies: readonly TestApp[]): Promise<void> {
  for (let round = 0; round < 2; round++) for (const app of copies) await call(app, 'sync.now', {});
}

describe('a new copy joining from a snapshot', () => {
  it('holds what a copy that merged every change one by one holds: the same records, timestamps and removals, also once reopened', { timeout: 60_000 }, async () => {
    const organiser = await openApp(await tempDir(), start);
    const made: ChangeRecord[] = [];
    organiser.workspace.store.onChange((changes) => made.push(...changes));
    await relayWithHistory(organiser);
    expect(organiser.workspace.store.removedRecords().length).toBeGreaterThan(0);

    // The organiser's first sync writes its whole state as its snapshot; the new copy takes it.
    const folder = await tempDir();
    await call(organiser, 'sync.saveSettings', { teamFolder: folder, autoSyncMinutes: 0 });
    await call(organiser, 'sync.now', {});
    const joining = await openApp(await tempDir(), organiser.clock.now());
    await call(joining, 'sync.saveSettings', { teamFolder: folder, autoSyncMinutes: 0 });
    const report = await call<SyncReport>(joining, 'sync.now', {});
    expect(report.folders[0]!.problems).toEqual([]);

    // The same history replayed change by change, one merge per change, as batches would bring it.
    const replayed = await readyStore({ dataDir: await tempDir(), now: organiser.clock.now, foldWhenIdleMs: false });
    let parked: ChangeRecord[] = [];
    for (const change of made) parked = (await replayed.merge([...parked, change], 'team')).parked;
    expect(parked).toEqual([]);

    const joined = state(joining.workspace.store);
    expect(joined).toEqual(state(replayed));
    expect(joined).toEqual(state(organiser.workspace.store));
    await joining.close();
    expect(state(await reopened(joining.dataDir))).toEqual(joined);
  });

  it('keeps converging with the organiser’s copy afterwards, edits on both sides and one field edited on both', { timeout: 60_000 }, async () => {
    const organiser = await openApp(await tempDir(), start);
    const { members, offerOf } = await relayWithHistory(organiser);
    const folder = await tempDir();
    await call(organiser, 'sync.saveSettings', { teamFolder: folder, autoSyncMinutes: 0 });
    await call(organiser, 'sync.now', {});
    const joining = await openApp(await tempDir(), organiser.clock.now());
    await call(joining, 'sync.saveSettings', { teamFolder: folder, autoSyncMinutes: 0 });
    await call(joining, 'sync.now', {});
    await enrol(organiser, [joining]);
    await syncAll([organiser, joining]);

    for (const app of [organiser, joining]) app.clock.set(new Date(start.getTime() + 3_600_000));
    await call(organiser, 'members.update', { id: members[0]!.id, changes: { name: 'Anne (organisatrice)' } });
    const distributionId = organiser.workspace.store.all('distribution')[0]!.id;
    await call(organiser, 'offers.set', { distributionId, productId: offerOf, quantity: 40 });
    joining.clock.set(new Date(start.getTime() + 3_660_000));
    await call(joining, 'members.update', { id: members[0]!.id, changes: { name: 'Anne (nouvelle copie)' } });
    await call(joining, 'accounts.recordPayment', { memberId: members[1]!.id, amountCents: 800, method: 'cash' });
    await call<Member>(joining, 'members.create', { name: 'Léa' });
    await syncAll([organiser, joining]);

    expect(state(joining.workspace.store)).toEqual(state(organiser.workspace.store));
    // The later write of the field edited on both copies stands on both.
    expect(organiser.workspace.store.get('member', members[0]!.id)?.name).toBe('Anne (nouvelle copie)');
    expect(organiser.workspace.store.all('member').map((member) => member.name)).toContain('Léa');
  });
});

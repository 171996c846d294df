import { describe, expect, it } from 'vitest';
import type { DistributionView } from '../../shared/catalogue/views';
import type { Member } from '../../shared/model/member';
import type { Order } from '../../shared/model/order';
import type { Product } from '../../shared/model/product';
import type { OrderConflict, StockConflict, SyncConflict } from '../../shared/sync/conflicts';
import type { OrderView } from '../../shared/orders/views';
import { useTempDirs } from '../testing/temp-dir';
import { call, createProducer, createProduct, openApp, refusal, type TestApp } from '../testing/service-calls';
import { enrol } from '../testing/roster';

const tempDir = useTempDirs();
const start = new Date('2026-03-04T09:00:00.000Z');

async function relay(settings: (folder: string) => Record<string, unknown>[]) {
  const folder = await tempDir();
  const apps: TestApp[] = [];
  for (const each of settings(folder)) {
    const app = await openApp(await tempDir(), start);
    await call(app, 'sync.saveSettings', { autoSyncMinutes: 0, ...each });
    apps.push(app);
  }
  const [a] = apps as [TestApp];
  const producer = await createProducer(a, 'Ferme du Bois');
  const products: Product[] = [await createProduct(a, producer.id, { name: 'Carottes' }), await createProduct(a, producer.id, { name: 'Poireaux' })];
  const distribution = await call<DistributionView>(a, 'distributions.create', { pickupDate: '2026-03-06', pickupStart: '17:00', pickupEnd: '19:00' });
  for (const product of products) await call(a, 'offers.set', { distributionId: distribution.id, productId: product.id, quantity: 10 });
  // Other organisers' copies are approved at once; a producer's copy once it has chosen its producer.
  const organisers = apps.slice(1).filter((_, index) => settings(folder)[index + 1]!.role !== 'producer');
  if (organisers.length > 0) await enrol(a, organisers);
  return { apps, producer, products, distribution };
}

const sync = (app: TestApp) => call(app, 'sync.now', {});
const conflicts = (app: TestApp) => call<SyncConflict[]>(app, 'sync.conflicts', {});

async function order(app: TestApp, distributionId: string, name: string, lines: [Product, number][]): Promise<Order> {
  const member = await call<Member>(app, 'members.create', { name });
  const opened = await call<Order>(app, 'orders.open', { distributionId, memberId: member.id });
  let current = opened;
  for (const [product, quantity] of lines) current = await call<Order>(app, 'orders.addLine', { orderId: opened.id, productId: product.id, quantity });
  return current;
}

describe('conflicts a merge creates', () => {
  it('the same order edited on two copies: the later edit is kept everywhere, the other is listed and can be taken back', async () => {
    const { apps, products, distribution } = await relay((folder) => [{ teamFolder: folder }, { teamFolder: folder }]);
    const [a, b] = apps as [TestApp, TestApp];
    const placed = await order(a, distribution.id, 'Zoé Martin', [[products[0]!, 1]]);
    await sync(a);
    await sync(b);

    // Offline on both: A adds leeks, B (a minute later) changes the carrots to 2.
    a.clock.advance(60_000);
    await call(a, 'orders.addLine', { orderId: placed.id, productId: products[1]!.id, quantity: 1 });
    b.clock.advance(120_000);
    await call(b, 'orders.setLineQuantity', { orderId: placed.id, lineId: placed.lines[0]!.id, quantity: 2 });
    await sync(a);
    await sync(b);
    await sync(a);

    for (const app of [a, b]) expect(app.workspace.store.get('order', placed.id)!.lines.map((line) => line.quantity)).toEqual([2]);
    const [conflict] = (await conflicts(b)) as OrderConflict[];
    expect(conflict).toMatchObject({ kind: 'orderEdited', orderId: placed.id, memberName: 'Zoé Martin', field: 'lines', basketNumber: placed.basketNumber });
    expect((conflict!.other as Order['lines']).map((line) => [line.productName, line.quantity])).toEqual([['Carottes', 1], ['Poireaux', 1]]);

    expect(await call(b, 'sync.resolveConflict', { conflictId: conflict!.id, action: 'useOther' })).toEqual([]);
    await sync(b);
    await sync(a);
    for (const app of [a, b]) {
      expect(app.workspace.store.get('order', placed.id)!.lines.map((line) => [line.productName, line.quantity])).toEqual([['Carottes', 1], ['Poireaux', 1]]);
    }
    expect((await refusal(b, 'sync.resolveConflict', { conflictId: conflict!.id, action: 'keep' })).key).toBe('error.conflictNotFound');
  });

  it('stock lowered by a producer below what the organiser sold offline is listed; raising the stock resolves it on every copy', async () => {
    const { apps, producer, products, distribution } = await relay((folder) => [{ producersFolder: folder }, { producersFolder: folder, role: 'producer' }]);
    const [a, p] = apps as [TestApp, TestApp];
    await order(a, distribution.id, 'Zoé Martin', [[products[0]!, 3]]);
    await sync(a);
    await sync(p);
    await call(p, 'sync.saveSettings', { producerId: producer.id });
    await enrol(a, [p]);

    await order(a, distribution.id, 'Marc Dubois', [[products[0]!, 4]]); // A does not sync: 7 ordered
    p.clock.advance(60_000);
    await call(p, 'offers.set', { distributionId: distribution.id, productId: products[0]!.id, quantity: 5 }); // P knows 3 ordered
    await sync(p);
    await sync(a);

    const [conflict] = (await conflicts(a)) as StockConflict[];
    expect(conflict).toMatchObject({ kind: 'stockOversold', productName: 'Carottes', producerName: 'Ferme du Bois', available: 5, ordered: 7 });
    expect((await refusal(a, 'sync.resolveConflict', { conflictId: conflict!.id, action: 'useOther' })).key).toBe('error.conflictAction');
    expect(await call(a, 'sync.resolveConflict', { conflictId: conflict!.id, action: 'raiseStock' })).toEqual([]);
    await sync(a);
    await sync(p);
    expect(p.workspace.store.all('offer').find((offer) => offer.productId === products[0]!.id)?.quantity).toBe(7);
  });

  it('trimming orders back to the stock takes from the lines added last, never cancels an order', async () => {
    const { apps, products, distribution } = await relay((folder) => [{ teamFolder: folder }, { teamFolder: folder }]);
    const [a, b] = apps as [TestApp, TestApp];
    await sync(a);
    await sync(b);
    // Two copies each sell within the 10 they know: 6 + 4 on A, then 5 on B → 15 ordered of 10.
    const first = await order(a, distribution.id, 'Anne', [[products[0]!, 6]]);
    a.clock.advance(1000);
    const second = await order(a, distribution.id, 'Marc', [[products[0]!, 4]]);
    b.clock.advance(5000);
    const third = await order(b, distribution.id, 'Léa', [[products[0]!, 5], [products[1]!, 1]]);
    await sync(a);
    await sync(b);
    await sync(a);

    const [conflict] = (await conflicts(a)) as StockConflict[];
    expect(conflict).toMatchObject({ available: 10, ordered: 15 });
    // Léa's order on B also took basket 1, as Anne's on A did: that clash stays listed on its own.
    const left = await call<SyncConflict[]>(a, 'sync.resolveConflict', { conflictId: conflict!.id, action: 'trimOrders' });
    expect(left.map((each) => each.kind)).toEqual(['basketShared']);
    const views = await call<OrderView[]>(a, 'orders.list', { distributionId: distribution.id, includeCancelled: true });
    const carrots = (orderId: string) => views.find((view) => view.order.id === orderId)!.order.lines.filter((line) => line.productId === products[0]!.id).reduce((sum, line) => sum + line.quantity, 0);
    expect([carrots(first.id), carrots(second.id), carrots(third.id)]).toEqual([6, 4, 0]);
    expect(views.every((view) => view.order.cancelledAt === null)).toBe(true);
    expect(views.find((view) => view.order.id === third.id)!.order.lines.map((line) => line.productName)).toEqual(['Poireaux']);
  });

  it('one member ordering on two copies offline: both orders are listed (and their shared basket number); merging leaves one order with every line', async () => {
    const { apps, products, distribution } = await relay((folder) => [{ teamFolder: folder }, { teamFolder: folder }]);
    const [a, b] = apps as [TestApp, TestApp];
    const member = await call<Member>(a, 'members.create', { name: 'Zoé Martin' });
    await sync(a);
    await sync(b);
    const onA = await call<Order>(a, 'orders.open', { distributionId: distribution.id, memberId: member.id });
    await call(a, 'orders.addLine', { orderId: onA.id, productId: products[0]!.id, quantity: 2 });
    b.clock.advance(1000);
    const onB = await call<Order>(b, 'orders.open', { distributionId: distribution.id, memberId: member.id });
    await call(b, 'orders.addLine', { orderId: onB.id, productId: products[1]!.id, quantity: 1 });
    await sync(a);
    await sync(b);

    const listed = await conflicts(b);
    expect(listed.map((conflict) => conflict.kind).sort()).toEqual(['basketShared', 'memberOrderedTwice']);
    const twice = listed.find((conflict) => conflict.kind === 'memberOrderedTwice')!;
    expect((await refusal(b, 'sync.resolveConflict', { conflictId: twice.id, action: 'renumber' })).key).toBe('error.conflictAction');
    expect(await call(b, 'sync.resolveConflict', { conflictId: twice.id, action: 'mergeOrders' })).toEqual([]);
    const active = b.workspace.store.all('order').filter((order) => order.cancelledAt === null);
    expect(active.map((order) => order.id)).toEqual([onA.id]);
    expect(active[0]!.lines.map((line) => [line.productName, line.quantity])).toEqual([['Carottes', 2], ['Poireaux', 1]]);
  });

  it('two members given the same basket number on two copies: renumbering gives the later order the next free number', async () => {
    const { apps, distribution } = await relay((folder) => [{ teamFolder: folder }, { teamFolder: folder }]);
    const [a, b] = apps as [TestApp, TestApp];
    await sync(a);
    await sync(b);
    const first = await order(a, distribution.id, 'Anne', []);
    b.clock.advance(1000);
    const second = await order(b, distribution.id, 'Marc', []);
    expect(second.basketNumber).toBe(first.basketNumber);
    await sync(a);
    await sync(b);
    const [shared] = await conflicts(b);
    expect(shared).toMatchObject({ kind: 'basketShared', basketNumber: first.basketNumber });
    expect(await call(b, 'sync.resolveConflict', { conflictId: shared!.id, action: 'renumber' })).toEqual([]);
    expect(b.workspace.store.get('order', first.id)!.basketNumber).toBe(first.basketNumber);
    expect(b.workspace.store.get('order', second.id)!.basketNumber).toBe(first.basketNumber + 1);
  });

  it('an order collected on two copies offline is debited twice: listed, and reconciling leaves one debit on every copy', async () => {
    const { apps, products, distribution } = await relay((folder) => [{ teamFolder: folder }, { teamFolder: folder }]);
    const [a, b] = apps as [TestApp, TestApp];
    const placed = await order(a, distribution.id, 'Zoé Martin', [[products[0]!, 2]]);
    const memberId = placed.memberId!;
    await sync(a);
    await sync(b);
    await call(a, 'checkin.collect', { orderId: placed.id });
    b.clock.advance(1000);
    await call(b, 'checkin.collect', { orderId: placed.id });
    await sync(a);
    await sync(b);
    await sync(a);

    const balanceOn = (app: TestApp) => app.workspace.store.all('accountEntry').filter((entry) => entry.memberId === memberId).reduce((sum, entry) => sum + entry.amountCents, 0);
    expect(balanceOn(b)).toBe(-1000);
    const [conflict] = await conflicts(b);
    expect(conflict).toMatchObject({ kind: 'accountOutOfLine', orderId: placed.id, memberName: 'Zoé Martin', carriedCents: -1000, expectedCents: -500 });
    expect(await call(b, 'sync.resolveConflict', { conflictId: conflict!.id, action: 'reconcile' })).toEqual([]);
    await sync(b);
    await sync(a);
    for (const app of [a, b]) {
      expect(balanceOn(app)).toBe(-500);
      expect(await conflicts(app)).toEqual([]);
    }
  });

  it('a payment reversed on two copies offline is listed on both; restoring it charges the mistake once, without editing any entry', async () => {
    const { apps } = await relay((folder) => [{ teamFolder: folder }, { teamFolder: folder }]);
    const [a, b] = apps as [TestApp, TestApp];
    const member = await call<Member>(a, 'members.create', { name: 'Zoé Martin' });
    const paid = await call<{ id: string }>(a, 'accounts.recordPayment', { memberId: member.id, amountCents: 2000, method: 'cash' });
    await sync(a);
    await sync(b);
    await call(a, 'accounts.reverse', { entryId: paid.id, reason: 'en double' });
    b.clock.advance(1000);
    await call(b, 'accounts.reverse', { entryId: paid.id, reason: 'saisi par erreur' });
    await sync(a);
    await sync(b);
    await sync(a);

    const balanceOn = (app: TestApp) => app.workspace.store.all('accountEntry').filter((entry) => entry.memberId === member.id).reduce((sum, entry) => sum + entry.amountCents, 0);
    expect(balanceOn(a)).toBe(-2000);
    for (const app of [a, b]) expect(await conflicts(app)).toMatchObject([{ kind: 'paymentReversedTwice', paymentId: paid.id, memberName: 'Zoé Martin', amountCents: 2000, reversals: 2 }]);
    const before = a.workspace.store.all('accountEntry').map((entry) => ({ ...entry }));
    const [conflict] = await conflicts(a);
    expect((await refusal(a, 'sync.resolveConflict', { conflictId: conflict!.id, action: 'keep' })).key).toBe('error.conflictAction');
    expect(await call(a, 'sync.resolveConflict', { conflictId: conflict!.id, action: 'reconcile' })).toEqual([]);
    await sync(a);
    await sync(b);
    for (const app of [a, b]) {
      expect(balanceOn(app)).toBe(0);
      expect(await conflicts(app)).toEqual([]);
    }
    // Every entry that was there is still there, unchanged; one was added.
    const after = a.workspace.store.all('accountEntry');
    for (const entry of before) expect(after).toContainEqual(entry);
    expect(after).toHaveLength(before.length + 1);
  });

  it('resolving a conflict that changes a collected order moves its debit with it (no account left out of line)', async () => {
    const { apps, products, distribution } = await relay((folder) => [{ teamFolder: folder }, { teamFolder: folder }]);
    const [a, b] = apps as [TestApp, TestApp];
    await sync(a);
    await sync(b);
    await order(a, distribution.id, 'Anne', [[products[0]!, 6]]);
    b.clock.advance(5000);
    const late = await order(b, distribution.id, 'Marc', [[products[0]!, 6]]);
    await sync(a);
    await sync(b);
    await sync(a);
    await call(a, 'checkin.collect', { orderId: late.id });
    const balance = () => a.workspace.store.all('accountEntry').filter((entry) => entry.memberId === late.memberId).reduce((sum, entry) => sum + entry.amountCents, 0);
    expect(balance()).toBe(-1500);

    const stock = (await conflicts(a)).find((conflict) => conflict.kind === 'stockOversold')!;
    const left = await call<SyncConflict[]>(a, 'sync.resolveConflict', { conflictId: stock.id, action: 'trimOrders' });
    // Marc's 6 kg (the later sale) became 4 kg: he is debited 10,00 €, not 15,00 €.
    expect(balance()).toBe(-1000);
    expect(left.map((each) => each.kind)).toEqual(['basketShared']);
  });
});

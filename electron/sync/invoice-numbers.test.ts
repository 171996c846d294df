import { describe, expect, it } from 'vitest';
import type { DistributionView } from '../../shared/catalogue/views';
import type { Invoice } from '../../shared/model/invoice';
import type { InvoiceList } from '../../shared/invoices/views';
import type { Member } from '../../shared/model/member';
import type { Order } from '../../shared/model/order';
import type { SyncConflict } from '../../shared/sync/conflicts';
import { enrol } from '../testing/roster';
import { useTempDirs } from '../testing/temp-dir';
import { call, createProducer, createProduct, openApp, type TestApp } from '../testing/service-calls';

const tempDir = useTempDirs();
const MARCH = { kind: 'month', month: '2026-03' } as const;

describe('invoice numbers across copies', () => {
  it('two organisers’ copies issuing offline give the same number: both invoices are kept and the number is listed, never silently merged', async () => {
    const folder = await tempDir();
    const [a, b] = [await openApp(await tempDir(), new Date('2026-03-04T09:00:00.000Z')), await openApp(await tempDir(), new Date('2026-03-04T09:00:00.000Z'))] as [TestApp, TestApp];
    for (const app of [a, b]) await call(app, 'sync.saveSettings', { autoSyncMinutes: 0, teamFolder: folder });
    const farm = await createProducer(a, 'Ferme du Bois');
    const bakery = await createProducer(a, 'Boulangerie Martin');
    const products = [await createProduct(a, farm.id, { name: 'Carottes' }), await createProduct(a, bakery.id, { name: 'Pain', priceCents: 380 })];
    const distribution = await call<DistributionView>(a, 'distributions.create', { pickupDate: '2026-03-06', pickupStart: '17:00', pickupEnd: '19:00' });
    const member = await call<Member>(a, 'members.create', { name: 'Anne' });
    const order = await call<Order>(a, 'orders.open', { distributionId: distribution.id, memberId: member.id });
    for (const product of products) {
      await call(a, 'offers.set', { distributionId: distribution.id, productId: product.id, quantity: 10 });
      await call(a, 'orders.addLine', { orderId: order.id, productId: product.id, quantity: 1 });
    }
    // The second organiser's copy is approved by the first (issue 13), then both have the same relay.
    await enrol(a, [b]);
    await call(a, 'sync.now', {});
    await call(b, 'sync.now', {});

    // The pickup is past on both; each copy, offline, invoices one producer.
    for (const app of [a, b]) app.clock.set(new Date('2026-03-31T10:00:00.000Z'));
    const onA = await call<Invoice>(a, 'invoices.issue', { producerId: farm.id, period: MARCH });
    b.clock.advance(60_000);
    const onB = await call<Invoice>(b, 'invoices.issue', { producerId: bakery.id, period: MARCH });
    expect([onA.number, onB.number]).toEqual(['2026-0001', '2026-0001']);

    await call(a, 'sync.now', {});
    await call(b, 'sync.now', {});
    await call(a, 'sync.now', {});

    for (const app of [a, b]) {
      const list = await call<InvoiceList>(app, 'invoices.list', {});
      expect(list.invoices.map((invoice) => invoice.id).sort()).toEqual([onA.id, onB.id].sort());
      expect(list.sharedNumbers.map(({ number, invoices }) => [number, invoices.map((invoice) => invoice.producerName)])).toEqual([
        ['2026-0001', ['Ferme du Bois', 'Boulangerie Martin']],
      ]);
      const conflicts = await call<SyncConflict[]>(app, 'sync.conflicts', {});
      expect(conflicts.filter((conflict) => conflict.kind === 'invoiceNumberShared')).toMatchObject([
        { number: '2026-0001', invoices: [{ invoiceId: onA.id, producerName: 'Ferme du Bois' }, { invoiceId: onB.id, producerName: 'Boulangerie Martin' }] },
      ]);
    }
    // The sequence goes on after the highest number either copy gave.
    const credit = await call<Invoice>(b, 'invoices.creditNote', { invoiceId: onB.id, reason: 'numéro donné deux fois' });
    expect(credit.number).toBe('2026-0002');
    // The organiser's fix: the cancelled one is issued again; once synced, the number is no longer listed anywhere.
    expect((await call<Invoice>(b, 'invoices.issue', { producerId: bakery.id, period: MARCH })).number).toBe('2026-0003');
    await call(b, 'sync.now', {});
    await call(a, 'sync.now', {});
    for (const app of [a, b]) {
      expect((await call<InvoiceList>(app, 'invoices.list', {})).sharedNumbers).toEqual([]);
      expect((await call<SyncConflict[]>(app, 'sync.conflicts', {})).filter((conflict) => conflict.kind === 'invoiceNumberShared')).toEqual([]);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { DistributionView } from '../../shared/catalogue/views';
import type { Member } from '../../shared/model/member';
import type { Order } from '../../shared/model/order';
import type { OfferRow } from '../../shared/catalogue/views';
import { useTempDirs } from '../testing/temp-dir';
import { call, createProducer, createProduct, openApp, refusal, reopened, type TestApp } from '../testing/service-calls';

const tempDir = useTempDirs();

/** A relay on Wednesday 4 March 2026, 10:00 Brussels: ordering for Friday 6 March is open until Wednesday 23:59. */
async function relayWithStock(quantity: number) {
  const app = await openApp(await tempDir(), new Date('2026-03-04T09:00:00.000Z'));
  const producer = await createProducer(app, 'Ferme du Bois');
  const product = await createProduct(app, producer.id, { name: 'Carottes', priceCents: 250 });
  const distribution = await call<DistributionView>(app, 'distributions.create', {
    pickupDate: '2026-03-06',
    pickupStart: '17:00',
    pickupEnd: '19:00',
  });
  await call(app, 'offers.set', { distributionId: distribution.id, productId: product.id, quantity });
  const member = async (name: string) => call<Member>(app, 'members.create', { name });
  return { app, product, distribution, member };
}

const open = (app: TestApp, distributionId: string, memberId: string, late = false) =>
  call<Order>(app, 'orders.open', { distributionId, memberId, late });

describe('orders against the producers’ stock', () => {
  it('the second member cannot order the last units the first took, and sees why; cancelling gives them back', async () => {
    const { app, product, distribution, member } = await relayWithStock(2);
    const anne = await open(app, distribution.id, (await member('Anne')).id);
    const marc = await open(app, distribution.id, (await member('Marc')).id);
    await call(app, 'orders.addLine', { orderId: anne.id, productId: product.id, quantity: 2 });

    const refused = await refusal(app, 'orders.addLine', { orderId: marc.id, productId: product.id, quantity: 1 });
    expect(refused).toEqual({ key: 'error.outOfStock', params: { product: 'Carottes', remaining: 0, wanted: 1 } });

    await call(app, 'orders.cancel', { orderId: anne.id });
    const marcOrder = await call<Order>(app, 'orders.addLine', { orderId: marc.id, productId: product.id, quantity: 2 });
    expect(marcOrder.lines).toEqual([expect.objectContaining({ productId: product.id, quantity: 2, unitPriceCents: 250 })]);

    // Anne's order cannot come back: the stock is gone again.
    expect((await refusal(app, 'orders.restore', { orderId: anne.id })).key).toBe('error.outOfStock');
    const rows = await call<OfferRow[]>(app, 'offers.forDistribution', { distributionId: distribution.id });
    expect(rows[0]).toMatchObject({ ordered: 2, remaining: 0 });
  });

  it('two calls racing for the last unit: exactly one wins', async () => {
    const { app, product, distribution, member } = await relayWithStock(1);
    const orders = await Promise.all(['A', 'B', 'C', 'D'].map(async (name) => open(app, distribution.id, (await member(name)).id)));
    const outcomes = await Promise.all(
      orders.map((order) => app.dispatch('orders.addLine', { orderId: order.id, productId: product.id, quantity: 1 })),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok).map((outcome) => !outcome.ok && outcome.error.key)).toEqual([
      'error.outOfStock',
      'error.outOfStock',
      'error.outOfStock',
    ]);
    const disk = await reopened(app.dataDir);
    const sold = disk.all('order').flatMap((order) => order.lines).reduce((sum, line) => sum + line.quantity, 0);
    expect(sold).toBe(1);
  });

  it('freezes the unit price when the line is added', async () => {
    const { app, product, distribution, member } = await relayWithStock(10);
    const order = await open(app, distribution.id, (await member('Anne')).id);
    await call(app, 'orders.addLine', { orderId: order.id, productId: product.id, quantity: 1 });
    await call(app, 'products.update', { id: product.id, changes: { priceCents: 400 } });
    await call(app, 'offers.set', { distributionId: distribution.id, productId: product.id, quantity: 10, priceCents: 380 });
    const more = await call<Order>(app, 'orders.addLine', { orderId: order.id, productId: product.id, quantity: 2 });
    expect(more.lines).toEqual([expect.objectContaining({ quantity: 3, unitPriceCents: 250 })]);
  });

  it('one order per member and distribution, with stable basket numbers never reused', async () => {
    const { app, distribution, member } = await relayWithStock(10);
    const anne = await member('Anne');
    const first = await open(app, distribution.id, anne.id);
    expect(await open(app, distribution.id, anne.id)).toEqual(first);
    const marc = await open(app, distribution.id, (await member('Marc')).id);
    await call(app, 'orders.cancel', { orderId: marc.id });
    const lea = await open(app, distribution.id, (await member('Léa')).id);
    expect([first.basketNumber, marc.basketNumber, lea.basketNumber]).toEqual([1, 2, 3]);
  });

  it('outside the ordering window orders are read-only unless recorded as late, and the late order is marked', async () => {
    const { app, product, distribution, member } = await relayWithStock(10);
    app.clock.set(new Date('2026-03-05T09:00:00.000Z')); // Thursday: ordering closed Wednesday 23:59.
    const anne = await member('Anne');
    expect((await refusal(app, 'orders.open', { distributionId: distribution.id, memberId: anne.id })).key).toBe('error.orderingClosed');
    const late = await open(app, distribution.id, anne.id, true);
    expect(late.late).toBe(true);
    await call(app, 'orders.addLine', { orderId: late.id, productId: product.id, quantity: 1 });

    app.clock.set(new Date('2026-03-06T19:00:00.000Z')); // After the pickup: the distribution is over.
    expect((await refusal(app, 'orders.addLine', { orderId: late.id, productId: product.id, quantity: 1 })).key).toBe(
      'error.distributionFinished',
    );
  });

  it('lowering stock below what is ordered is refused with the ordered quantity', async () => {
    const { app, product, distribution, member } = await relayWithStock(5);
    const order = await open(app, distribution.id, (await member('Anne')).id);
    await call(app, 'orders.addLine', { orderId: order.id, productId: product.id, quantity: 4 });
    const refused = await refusal(app, 'offers.set', { distributionId: distribution.id, productId: product.id, quantity: 3 });
    expect(refused).toEqual({ key: 'error.stockBelowOrdered', params: { product: 'Carottes', ordered: 4, quantity: 3 } });
  });

  it('refuses bad quantities and unknown ids, changing nothing', async () => {
    const { app, product, distribution, member } = await relayWithStock(5);
    const order = await open(app, distribution.id, (await member('Anne')).id);
    for (const quantity of [0, -1, 1.5, 1e9, '2']) {
      expect((await refusal(app, 'orders.addLine', { orderId: order.id, productId: product.id, quantity })).key).toBe('error.invalidInput');
    }
    const unknown = '0b7f6f0e-6c1a-4d8e-9a51-3c2b7d9e1f00';
    expect((await refusal(app, 'orders.addLine', { orderId: unknown, productId: product.id, quantity: 1 })).key).toBe('error.orderNotFound');
    expect((await refusal(app, 'orders.addLine', { orderId: order.id, productId: unknown, quantity: 1 })).key).toBe('error.productNotFound');
    expect((await reopened(app.dataDir)).get('order', order.id)?.lines).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { CounterPayment } from '../../shared/accounts/views';
import type { CheckinDay, CheckinOrder } from '../../shared/checkin/day';
import { balance } from '../../shared/accounts/ledger';
import type { Order } from '../../shared/model/order';
import type { SettlementView } from '../../shared/settlement/rates';
import { PICKUP_UNDER_WAY } from '../testing/pickup-day';
import { call, createProduct, refusal, reopened } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';
import { weighedDay } from '../testing/weighed-day';

const tempDir = useTempDirs();

async function atCounter(app: Parameters<typeof call>[0], distributionId: string, orderId: string): Promise<CheckinOrder> {
  const day = await call<CheckinDay>(app, 'checkin.day', { distributionId });
  return day.groups.flatMap((group) => group.orders).find((order) => order.orderId === orderId)!;
}

describe('weighing a line sold by weight (issue 15)', () => {
  it('freezes the price per kg and the piece estimate when ordered, and charges the estimate until weighed', async () => {
    const { app, tomme, member, order } = await weighedDay(await tempDir());
    const basket = await order(await member('Anne'), [{ product: tomme, quantity: 3 }]);
    expect(basket.lines[0]).toMatchObject({ quantity: 3, unitPriceCents: 1890, pieceGrams: 400, weighedGrams: null });
    // A later change in the catalogue does not reach the line.
    await call(app, 'products.update', { id: tomme.id, changes: { priceCents: 2500, pieceGrams: 500 } });
    const reread = await call<{ order: Order; totalCents: number }>(app, 'orders.get', { orderId: basket.id });
    expect(reread.order.lines[0]).toMatchObject({ unitPriceCents: 1890, pieceGrams: 400 });
    // 3 × 400 g at 18,90 €/kg
    expect(reread.totalCents).toBe(2268);
  });

  it('weighing at check-in changes the amount to pay, and a weighing after the debit moves the debit', async () => {
    const { app, distribution, tomme, carrots, member, order } = await weighedDay(await tempDir());
    const anne = await member('Anne');
    const basket = await order(anne, [{ product: tomme, quantity: 3 }, { product: carrots, quantity: 2 }]);
    app.clock.set(PICKUP_UNDER_WAY);
    expect((await atCounter(app, distribution.id, basket.id)).account!.due.dueCents).toBe(2268 + 500);

    const line = basket.lines.find((candidate) => candidate.productId === tomme.id)!;
    await call(app, 'checkin.weigh', { orderId: basket.id, lineId: line.id, grams: 1311 });
    // 1311 g × 18,90 €/kg = 24,7779 € → 24,78 €
    const weighed = await atCounter(app, distribution.id, basket.id);
    expect(weighed.totalCents).toBe(2478 + 500);
    expect(weighed.account!.due.dueCents).toBe(2478 + 500);

    await call(app, 'checkin.collect', { orderId: basket.id });
    const debit = () => balance(app.workspace.store.all('accountEntry').filter((entry) => entry.orderId === basket.id));
    expect(debit()).toBe(-2978);
    // Weighed again after the pickup (the scale was off): the debit follows in the same write.
    await call(app, 'checkin.weigh', { orderId: basket.id, lineId: line.id, grams: 1200 });
    expect(debit()).toBe(-(2268 + 500));

    const settlement = await call<SettlementView>(app, 'settlement.forDistribution', { distributionId: distribution.id });
    const farm = settlement.producers.find((row) => row.producerName === 'Ferme du Bois')!;
    expect(farm.grossCents).toBe(2268 + 500);
    expect(farm.products.find((product) => product.productId === tomme.id)!.grossCents).toBe(2268);

    const disk = await reopened(app.dataDir);
    expect(disk.get('order', basket.id)!.lines.find((candidate) => candidate.id === line.id)!.weighedGrams).toBe(1200);
  });

  it('clearing a weighing goes back to the estimate', async () => {
    const { app, tomme, member, order } = await weighedDay(await tempDir());
    const basket = await order(await member('Anne'), [{ product: tomme, quantity: 1 }]);
    app.clock.set(PICKUP_UNDER_WAY);
    const lineId = basket.lines[0]!.id;
    await call(app, 'checkin.weigh', { orderId: basket.id, lineId, grams: 437 });
    const cleared = await call<Order>(app, 'checkin.weigh', { orderId: basket.id, lineId, grams: null });
    expect(cleared.lines[0]!.weighedGrams).toBeNull();
  });

  it('a new count of pieces after the weighing goes back to the estimate until weighed again', async () => {
    const { app, distribution, tomme, member, order } = await weighedDay(await tempDir());
    const anne = await member('Anne');
    const basket = await order(anne, [{ product: tomme, quantity: 2 }]);
    app.clock.set(PICKUP_UNDER_WAY);
    const lineId = basket.lines[0]!.id;
    await call(app, 'checkin.weigh', { orderId: basket.id, lineId, grams: 850 });
    // One more piece, recorded late by the organiser.
    await call(app, 'orders.open', { distributionId: distribution.id, memberId: anne.id, late: true });
    const changed = await call<Order>(app, 'orders.setLineQuantity', { orderId: basket.id, lineId, quantity: 3 });
    expect(changed.lines[0]).toMatchObject({ quantity: 3, weighedGrams: null });
    expect((await atCounter(app, distribution.id, basket.id)).totalCents).toBe(2268);
    await call(app, 'checkin.weigh', { orderId: basket.id, lineId, grams: 1250 });
    const added = await call<Order>(app, 'orders.addLine', { orderId: basket.id, productId: tomme.id, quantity: 1 });
    expect(added.lines[0]).toMatchObject({ quantity: 4, weighedGrams: null });
  });

  it('a counter sale of pieces sold by weight is charged on the weight entered at the counter, not the estimate', async () => {
    const { app, distribution, tomme } = await weighedDay(await tempDir());
    app.clock.set(PICKUP_UNDER_WAY);
    const sale = await call<CounterPayment>(app, 'counter.sell', {
      distributionId: distribution.id, lines: [{ productId: tomme.id, quantity: 2, grams: 912 }], method: 'cash', tenderedCents: 2000,
    });
    expect(sale.order.lines[0]).toMatchObject({ pieceGrams: 400, weighedGrams: 912 });
    // 912 g at 18,90 €/kg = 17,24 € (the estimate, 2 × 400 g, would be 15,12 €)
    expect(sale.change.changeCents).toBe(2000 - 1724);
    const debit = app.workspace.store.all('accountEntry').find((entry) => entry.orderId === sale.order.id && entry.kind === 'order');
    expect(debit?.amountCents).toBe(-1724);
    // The same product typed twice is one line with both weighings.
    const twice = await call<CounterPayment>(app, 'counter.sell', {
      distributionId: distribution.id, lines: [{ productId: tomme.id, quantity: 1, grams: 400 }, { productId: tomme.id, quantity: 1, grams: 437 }], method: 'card', tenderedCents: 1582,
    });
    expect(twice.order.lines).toMatchObject([{ quantity: 2, weighedGrams: 837 }]);
  });

  it('a counter sale refuses pieces sold by weight without their weight, and a weight on a product sold by the unit, selling nothing', async () => {
    const { app, distribution, tomme, carrots } = await weighedDay(await tempDir());
    app.clock.set(PICKUP_UNDER_WAY);
    const sell = (lines: unknown) => refusal(app, 'counter.sell', { distributionId: distribution.id, lines, method: 'cash', tenderedCents: 5000 });
    expect(await sell([{ productId: tomme.id, quantity: 2 }])).toMatchObject({ key: 'error.counterWeighFirst', params: { product: tomme.name } });
    expect(await sell([{ productId: tomme.id, quantity: 1, grams: 400 }, { productId: tomme.id, quantity: 1 }])).toMatchObject({ key: 'error.counterWeighFirst' });
    expect(await sell([{ productId: carrots.id, quantity: 1, grams: 500 }])).toMatchObject({ key: 'error.notSoldByWeight' });
    expect(app.workspace.store.all('order').filter((order) => order.counter)).toEqual([]);
  });

  it('refuses a line sold by the unit, an unreadable weight and a settled distribution, and changes nothing', async () => {
    const { app, distribution, tomme, carrots, member, order } = await weighedDay(await tempDir());
    const basket = await order(await member('Anne'), [{ product: tomme, quantity: 1 }, { product: carrots, quantity: 1 }]);
    app.clock.set(PICKUP_UNDER_WAY);
    const [cheese, carrot] = [basket.lines[0]!, basket.lines[1]!];
    const before = app.workspace.store.get('order', basket.id);

    expect(await refusal(app, 'checkin.weigh', { orderId: basket.id, lineId: carrot.id, grams: 500 })).toMatchObject({ key: 'error.notSoldByWeight' });
    expect(await refusal(app, 'checkin.weigh', { orderId: basket.id, lineId: cheese.id, grams: 0 })).toMatchObject({ key: 'error.invalidInput' });
    expect(await refusal(app, 'checkin.weigh', { orderId: basket.id, lineId: cheese.id, grams: 437.5 })).toMatchObject({ key: 'error.invalidInput' });
    await call(app, 'settlement.markSettled', { distributionId: distribution.id });
    expect(await refusal(app, 'checkin.weigh', { orderId: basket.id, lineId: cheese.id, grams: 437 })).toMatchObject({ key: 'error.weighingSettled' });
    expect(app.workspace.store.get('order', basket.id)).toEqual(before);
  });

  it('refuses a product sold by weight without the estimate of a piece', async () => {
    const { app, tomme } = await weighedDay(await tempDir());
    const refused = await refusal(app, 'products.create', {
      producerId: tomme.producerId, name: 'Comté', category: 'produits laitiers', unit: 'piece', priceCents: 2400, vatRateBp: 600, pricing: 'weight',
    });
    expect(refused).toMatchObject({ key: 'error.invalidInput', issues: [{ path: 'pieceGrams', key: 'validation.pieceGramsRequired' }] });
    expect(await refusal(app, 'products.update', { id: tomme.id, changes: { pieceGrams: null } })).toMatchObject({ key: 'error.invalidInput' });
    const unit = await createProduct(app, tomme.producerId, { name: 'Beurre' });
    expect(unit).toMatchObject({ pricing: 'unit', pieceGrams: null });
  });
});

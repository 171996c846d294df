import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { AccountEntry } from '../../shared/accounts/ledger';
import type { AccountStatement, AccountSummary, CounterPayment, TillView } from '../../shared/accounts/views';
import type { CheckinDay } from '../../shared/checkin/day';
import type { OfferRow } from '../../shared/catalogue/views';
import type { TillClosingRecord } from '../../shared/model/till';
import type { Order } from '../../shared/model/order';
import type { DistributionSettlement } from '../../shared/settlement/distribution';
import { ORDERING_OPEN, PICKUP_UNDER_WAY, pickupDay } from '../testing/pickup-day';
import { call, dataPath, openApp, refusal, reopened, type TestApp } from '../testing/service-calls';
import { snapshotData, useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

const balanceOf = async (app: TestApp, memberId: string) => (await call<AccountStatement>(app, 'accounts.statement', { memberId })).balanceCents;
const kindsOf = async (app: TestApp, memberId: string) =>
  (await call<AccountStatement>(app, 'accounts.statement', { memberId })).lines.map(({ entry }) => `${entry.kind} ${entry.amountCents}`);

/** Anne (5,00 € paid in advance) ordered 2 kg of carrots and a loaf (8,80 €); Marc ordered a loaf; the counter opens on Friday. */
async function counterDay() {
  const day = await pickupDay(await tempDir());
  const anne = await day.member('Anne');
  const marc = await day.member('Marc');
  await call(day.app, 'accounts.recordPayment', { memberId: anne.id, amountCents: 500, method: 'transfer', reference: 'extrait 12' });
  const anneOrder = await day.order(anne, [
    { product: day.carrots, quantity: 2 },
    { product: day.bread, quantity: 1 },
  ]);
  const marcOrder = await day.order(marc, [{ product: day.bread, quantity: 1 }]);
  // Five loaves baked: two ordered, three left for the counter.
  await call(day.app, 'offers.set', { distributionId: day.distribution.id, productId: day.bread.id, quantity: 5 });
  day.app.clock.set(PICKUP_UNDER_WAY);
  return { ...day, anne, marc, anneOrder, marcOrder };
}

describe('paying at the counter', () => {
  it('credit is used first, cash above the due is change; missing items are refunded, found ones reversed; an undone pickup reverses the debit', async () => {
    const { app, distribution, anne, anneOrder, bread } = await counterDay();
    const before = (await call<CheckinDay>(app, 'checkin.day', { distributionId: distribution.id })).groups[0]!.orders.find((row) => row.member.name === 'Anne')!;
    expect(before.account).toMatchObject({ billableCents: 880, balanceCents: 500, due: { dueCents: 380, creditUsedCents: 500, previousDebtCents: 0 } });

    const paid = await call<CounterPayment>(app, 'counter.collectAndPay', { orderId: anneOrder.id, method: 'cash', tenderedCents: 500 });
    expect(paid.change).toEqual({ changeCents: 120, paidCents: 380, unpaidCents: 0 });
    expect(paid.order.collectedAt).toBe(PICKUP_UNDER_WAY.toISOString());
    expect(paid.payment).toMatchObject({ kind: 'payment', amountCents: 380, method: 'cash', orderId: anneOrder.id, distributionId: distribution.id });
    expect(await balanceOf(app, anne.id)).toBe(0);
    expect(await kindsOf(app, anne.id)).toEqual(['payment 500', 'order -880', 'payment 380']);

    // Each step a moment later, as at a real counter (entries of one instant read debit first, then payment: ledger.ts).
    app.clock.advance(1000);
    // The loaf did not come: refunded; found after all: the refund is reversed.
    const breadLine = anneOrder.lines.find((line) => line.productId === bread.id)!;
    await call(app, 'checkin.markMissing', { orderId: anneOrder.id, lineId: breadLine.id, note: 'pas livré' });
    expect(await balanceOf(app, anne.id)).toBe(380);
    await call(app, 'checkin.markMissing', { orderId: anneOrder.id, lineId: breadLine.id, note: 'pas livré du tout' }); // a new note refunds nothing more
    expect(await balanceOf(app, anne.id)).toBe(380);
    app.clock.advance(1000);
    await call(app, 'checkin.clearMissing', { orderId: anneOrder.id, lineId: breadLine.id });
    expect(await balanceOf(app, anne.id)).toBe(0);

    // Ticked by mistake: the debit is reversed (the payments stay); collected again, debited again, once.
    app.clock.advance(1000);
    await call(app, 'checkin.undo', { orderId: anneOrder.id });
    expect(await balanceOf(app, anne.id)).toBe(880);
    app.clock.advance(1000);
    await call(app, 'checkin.collect', { orderId: anneOrder.id });
    await call(app, 'checkin.collect', { orderId: anneOrder.id });
    expect(await balanceOf(app, anne.id)).toBe(0);
    const lines = (await call<AccountStatement>(app, 'accounts.statement', { memberId: anne.id })).lines;
    expect(lines.map(({ entry }) => entry.kind)).toEqual(['payment', 'order', 'payment', 'refund', 'reversal', 'reversal', 'order']);
    expect(lines.map(({ entry }) => entry.reason).filter(Boolean)).toEqual(['Article retrouvé', 'Retrait annulé ou commande annulée']);
    expect(lines.at(-1)!.balanceCents).toBe(0);

    // Every entry reached the disk, in this month's accounts file.
    await app.workspace.store.fold();
    expect(await readdir(dataPath(app, 'accounts'))).toEqual(['2026-03.json']);
    const disk = await reopened(app.dataDir);
    expect(disk.all('accountEntry').sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      lines.map(({ entry }) => entry).sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('a partial payment leaves a debt that is due next time; another method above the due becomes credit', async () => {
    const { app, marc, marcOrder } = await counterDay();
    const partial = await call<CounterPayment>(app, 'counter.collectAndPay', { orderId: marcOrder.id, method: 'cash', tenderedCents: 200 });
    expect(partial.change).toEqual({ changeCents: 0, paidCents: 200, unpaidCents: 180 });
    expect(await balanceOf(app, marc.id)).toBe(-180);
    // Nothing paid at all: collected, no payment entry.
    app.clock.advance(60_000);
    const card = await call<CounterPayment>(app, 'accounts.recordPayment', { memberId: marc.id, amountCents: 1000, method: 'card' });
    expect(card).toMatchObject({ kind: 'payment', amountCents: 1000 });
    expect(await balanceOf(app, marc.id)).toBe(820);
  });

  it('refuses bad input and changes nothing: zero, negative or huge amounts, unknown ids, future dates, reversing twice or the wrong entry', async () => {
    const { app, anne, anneOrder } = await counterDay();
    const saved = await snapshotData(app.dataDir);
    const issue = async (payload: object) => (await refusal(app, 'accounts.recordPayment', { memberId: anne.id, method: 'cash', ...payload })).issues?.[0];
    expect(await issue({ amountCents: 0 })).toMatchObject({ path: 'amountCents', key: 'validation.amountPositive' });
    expect(await issue({ amountCents: -500 })).toMatchObject({ path: 'amountCents', key: 'validation.amountPositive' });
    expect(await issue({ amountCents: 1_000_000_000 })).toMatchObject({ path: 'amountCents', key: 'validation.tooBig' });
    expect(await issue({ amountCents: 12.5 })).toMatchObject({ path: 'amountCents', key: 'validation.integer' });
    expect(await issue({ amountCents: 100, method: 'bitcoin' })).toMatchObject({ path: 'method' });
    expect(await issue({ amountCents: 100, date: '2026-03-07' })).toMatchObject({ path: 'date', key: 'error.paymentInFuture' });
    expect((await refusal(app, 'accounts.recordPayment', { memberId: '0b7f6f0e-6c1a-4d8e-9a51-3c2b7d9e1f00', amountCents: 100, method: 'cash' })).key).toBe('error.memberNotFound');
    expect((await refusal(app, 'counter.collectAndPay', { orderId: '0b7f6f0e-6c1a-4d8e-9a51-3c2b7d9e1f00', method: 'cash', tenderedCents: 100 })).key).toBe('error.orderNotFound');
    expect((await refusal(app, 'counter.collectAndPay', { orderId: anneOrder.id, method: 'cash', tenderedCents: 2_000_000 })).issues?.[0]).toMatchObject({ path: 'tenderedCents', key: 'validation.tooBig' });
    expect((await refusal(app, 'accounts.reverse', { entryId: '0b7f6f0e-6c1a-4d8e-9a51-3c2b7d9e1f00', reason: 'x' })).key).toBe('error.entryNotFound');
    expect(await snapshotData(app.dataDir)).toEqual(saved);

    const [advance] = (await call<AccountStatement>(app, 'accounts.statement', { memberId: anne.id })).lines.map(({ entry }) => entry);
    expect((await refusal(app, 'accounts.reverse', { entryId: advance!.id, reason: '  ' })).issues?.[0]).toMatchObject({ path: 'reason', key: 'validation.required' });
    const reversal = await call<AccountEntry>(app, 'accounts.reverse', { entryId: advance!.id, reason: 'virement rejeté' });
    expect(reversal).toMatchObject({ kind: 'reversal', amountCents: -500, reverses: advance!.id, method: 'transfer', reason: 'virement rejeté' });
    expect((await refusal(app, 'accounts.reverse', { entryId: advance!.id, reason: 'encore' })).key).toBe('error.entryAlreadyReversed');
    expect((await refusal(app, 'accounts.reverse', { entryId: reversal.id, reason: 'oups' })).key).toBe('error.reversalNotReversible');
    await call(app, 'checkin.collect', { orderId: anneOrder.id });
    const debit = (await call<AccountStatement>(app, 'accounts.statement', { memberId: anne.id })).lines.find(({ entry }) => entry.kind === 'order')!;
    expect((await refusal(app, 'accounts.reverse', { entryId: debit.entry.id, reason: 'non' })).key).toBe('error.entryFollowsOrder');
    expect(await balanceOf(app, anne.id)).toBe(-880);
  });
});

describe('counter sales', () => {
  it('sells the last loaves to a walk-in, never more than is left, paid in full; it counts in the settlement and the till, not in the pickup', async () => {
    const { app, distribution, bread, carrots, anne } = await counterDay();
    const sell = (quantity: number, fields: object = {}) => ({
      distributionId: distribution.id,
      lines: [{ productId: bread.id, quantity }],
      method: 'cash',
      tenderedCents: 2000,
      ...fields,
    });
    const saved = await snapshotData(app.dataDir);
    expect(await refusal(app, 'counter.sell', sell(4))).toEqual({ key: 'error.outOfStock', params: { product: 'Pain', remaining: 3, wanted: 4 } });
    // Typed on two lines, still one quantity for the stock check.
    expect((await refusal(app, 'counter.sell', { ...sell(2), lines: [{ productId: bread.id, quantity: 2 }, { productId: bread.id, quantity: 2 }] })).key).toBe('error.outOfStock');
    expect(await refusal(app, 'counter.sell', sell(1, { tenderedCents: 100 }))).toMatchObject({ key: 'error.walkInPaysAll', params: { due: expect.stringMatching(/^3,80\s€$/) } });
    expect((await refusal(app, 'counter.sell', sell(1, { lines: [] }))).issues?.[0]).toMatchObject({ path: 'lines', key: 'validation.saleEmpty' });
    expect(await snapshotData(app.dataDir)).toEqual(saved);

    const walkIn = await call<CounterPayment>(app, 'counter.sell', sell(2, { buyerName: 'Julie', tenderedCents: 1000 }));
    expect(walkIn.change).toEqual({ changeCents: 240, paidCents: 760, unpaidCents: 0 });
    expect(walkIn.order).toMatchObject({ counter: true, memberId: null, buyerName: 'Julie', collectedAt: PICKUP_UNDER_WAY.toISOString(), basketNumber: 3 });
    // Her payment cannot be reversed on its own: she has no account to carry the debt.
    const paid = (await reopened(app.dataDir)).all('accountEntry').find((entry) => entry.orderId === walkIn.order.id && entry.kind === 'payment')!;
    expect((await refusal(app, 'accounts.reverse', { entryId: paid.id, reason: 'erreur' })).key).toBe('error.walkInPaymentNotReversible');
    // A member buys the last one and some carrots (unlimited) by card; it goes on her account like any order.
    const member = await call<CounterPayment>(app, 'counter.sell', {
      ...sell(1, { memberId: anne.id, method: 'card', tenderedCents: 500 }),
      lines: [{ productId: bread.id, quantity: 1 }, { productId: carrots.id, quantity: 1 }],
    });
    // 6,30 € less her 5,00 € credit leaves 1,30 € due; a card charge of 5,00 € leaves 3,70 € of credit.
    expect(member.change).toEqual({ changeCents: 0, paidCents: 500, unpaidCents: 0 });
    expect(await balanceOf(app, anne.id)).toBe(370);
    expect(await refusal(app, 'counter.sell', sell(1))).toEqual({ key: 'error.outOfStock', params: { product: 'Pain', remaining: 0, wanted: 1 } });
    const offers = await call<OfferRow[]>(app, 'offers.forDistribution', { distributionId: distribution.id });
    expect(offers.find((row) => row.product.id === bread.id)).toMatchObject({ ordered: 5, remaining: 0 });

    const day = await call<CheckinDay>(app, 'checkin.day', { distributionId: distribution.id });
    expect(day.expected).toBe(2); // Anne's and Marc's orders; the counter sales are handed over already
    // Slots planned now still leave the counter sales out: they never wait for a pickup.
    await call(app, 'slots.generate', { distributionId: distribution.id, minutes: 60, capacity: 10 });
    await call(app, 'orders.assignSlots', { distributionId: distribution.id });
    expect((await call<{ order: Order }>(app, 'orders.get', { orderId: walkIn.order.id })).order.slotId).toBeNull();
    const till = await call<TillView>(app, 'till.get', { distributionId: distribution.id });
    expect(till.counterSales.map((sale) => [sale.buyer, sale.walkIn, sale.totalCents, sale.paidCents])).toEqual([
      ['Julie', true, 760, 760],
      ['Anne', false, 630, 500],
    ]);
    expect(till.byMethod).toMatchObject({ cash: 760, card: 500 });
    const settlement = await call<DistributionSettlement>(app, 'settlement.forDistribution', { distributionId: distribution.id });
    expect(settlement.producers.find((row) => row.producerName === 'Boulangerie Martin')!.products[0]).toMatchObject({ quantity: 5 });
  });
});

describe('cancelling a counter sale', () => {
  it('frees the stock, gives a walk-in the money back (the till no longer expects it), leaves a member’s payment as credit; a counter sale is never edited as an order', async () => {
    const { app, distribution, bread, anne } = await counterDay();
    const sell = (fields: object) => ({ distributionId: distribution.id, lines: [{ productId: bread.id, quantity: 2 }], method: 'cash', tenderedCents: 1000, ...fields });
    const walkIn = await call<CounterPayment>(app, 'counter.sell', sell({ buyerName: 'Julie' }));
    const member = await call<CounterPayment>(app, 'counter.sell', { ...sell({ memberId: anne.id, method: 'card', tenderedCents: 760 }), lines: [{ productId: bread.id, quantity: 1 }] });
    expect((await refusal(app, 'orders.addLine', { orderId: walkIn.order.id, productId: bread.id, quantity: 1 })).key).toBe('error.counterSaleFixed');
    expect((await refusal(app, 'orders.cancel', { orderId: walkIn.order.id })).key).toBe('error.counterSaleFixed');
    expect((await refusal(app, 'counter.cancel', { orderId: walkIn.order.id, reason: ' ' })).issues).toEqual([{ path: 'reason', key: 'validation.required' }]);
    const cashBefore = (await call<TillView>(app, 'till.get', { distributionId: distribution.id })).byMethod.cash;

    await call(app, 'counter.cancel', { orderId: walkIn.order.id, reason: 'mauvais produit' });
    await call(app, 'counter.cancel', { orderId: member.order.id, reason: 'erreur de saisie' });
    expect((await refusal(app, 'counter.cancel', { orderId: walkIn.order.id, reason: 'encore' })).key).toBe('error.orderCancelled');

    const offers = await call<OfferRow[]>(app, 'offers.forDistribution', { distributionId: distribution.id });
    expect(offers.find((row) => row.product.id === bread.id)).toMatchObject({ remaining: 3 });
    const till = await call<TillView>(app, 'till.get', { distributionId: distribution.id });
    expect(till.byMethod.cash).toBe(cashBefore - 760);
    expect(till.counterSales).toEqual([]);
    const entries = (await reopened(app.dataDir)).all('accountEntry');
    expect(entries.filter((entry) => entry.orderId === walkIn.order.id).reduce((sum, entry) => sum + entry.amountCents, 0)).toBe(0);
    // Anne's card payment (7,60 €) stays on her account next to her 5,00 € in advance: the cancelled loaf is no longer debited.
    expect(await balanceOf(app, anne.id)).toBe(1260);
  });
});

describe('a basket collected and paid in one step', () => {
  it('reads debit then payment on the statement, however the clock moves during the request', async () => {
    const { app, anne, anneOrder } = await counterDay();
    // Each reading of the clock a millisecond after the last: the debit (written by the account rule) and the payment get different instants.
    app.clock.tick(1);
    await call<CounterPayment>(app, 'counter.collectAndPay', { orderId: anneOrder.id, method: 'cash', tenderedCents: 500 });
    const lines = (await call<AccountStatement>(app, 'accounts.statement', { memberId: anne.id })).lines;
    expect(lines.map(({ entry, balanceCents }) => [entry.kind, balanceCents])).toEqual([['payment', 500], ['order', -380], ['payment', 0]]);
  });
});

describe('changing when orders are debited', () => {
  it('brings the debits of a day still open in line at once; a closed day keeps its debits', async () => {
    const { app, distribution, anne, marc, anneOrder } = await counterDay();
    await call(app, 'checkin.collect', { orderId: anneOrder.id });
    expect(await balanceOf(app, anne.id)).toBe(500 - 880);
    app.clock.advance(1000);

    // "On close": Anne's collected basket is no longer debited until the day closes.
    await call(app, 'relay.update', { debitOrdersOn: 'close' });
    expect(await balanceOf(app, anne.id)).toBe(500);
    expect(await balanceOf(app, marc.id)).toBe(0);
    app.clock.advance(1000);
    await call(app, 'relay.update', { debitOrdersOn: 'collection' });
    expect(await balanceOf(app, anne.id)).toBe(500 - 880);
    expect(await balanceOf(app, marc.id)).toBe(0);
    app.clock.advance(1000);

    // Closed in "on close" mode, every basket is debited; going back to "on collection" leaves that day as it was counted.
    await call(app, 'relay.update', { debitOrdersOn: 'close' });
    await call(app, 'till.close', { distributionId: distribution.id, floatCents: 0, countedCents: 0 });
    expect(await balanceOf(app, marc.id)).toBe(-380);
    app.clock.advance(1000);
    const entries = await kindsOf(app, marc.id);
    await call(app, 'relay.update', { debitOrdersOn: 'collection' });
    expect(await kindsOf(app, marc.id)).toEqual(entries);
    expect(await balanceOf(app, anne.id)).toBe(500 - 880);
  });
});

describe('closing the till', () => {
  it('expects the float plus the day’s net cash; a difference needs a note; a correction is a new closing; in “on close” mode it debits every order', async () => {
    const { app, distribution, anne, marc, anneOrder, marcOrder } = await counterDay();
    await call(app, 'relay.update', { debitOrdersOn: 'close' });
    const paid = await call<CounterPayment>(app, 'counter.collectAndPay', { orderId: anneOrder.id, method: 'cash', tenderedCents: 500 });
    expect(paid.change.paidCents).toBe(380);
    // Not debited yet in this mode: the payment is credit until the day closes.
    expect(await balanceOf(app, anne.id)).toBe(880);
    const card = await call<CounterPayment>(app, 'counter.collectAndPay', { orderId: marcOrder.id, method: 'card', tenderedCents: 380 });
    app.clock.advance(1000);
    await call(app, 'accounts.reverse', { entryId: card.payment!.id, reason: 'terminal en panne' });
    app.clock.advance(1000);
    await call(app, 'counter.collectAndPay', { orderId: marcOrder.id, method: 'cash', tenderedCents: 500 });
    // The till is closed a while after the last payment.
    app.clock.advance(60_000);

    const saved = await snapshotData(app.dataDir);
    expect((await refusal(app, 'till.close', { distributionId: distribution.id, floatCents: 5000, countedCents: 5000 })).issues?.[0]).toMatchObject({
      path: 'note',
      key: 'error.tillDifferenceNeedsNote',
    });
    expect((await refusal(app, 'till.close', { distributionId: distribution.id, countedCents: -1 })).issues?.[0]).toMatchObject({ path: 'countedCents' });
    expect(await snapshotData(app.dataDir)).toEqual(saved);

    const first = await call<TillClosingRecord>(app, 'till.close', { distributionId: distribution.id, floatCents: 5000, countedCents: 5760 });
    expect(first).toMatchObject({ expectedCents: 5760, differenceCents: 0, byMethod: { cash: 760, card: 0 }, corrects: null });
    expect(await balanceOf(app, anne.id)).toBe(0);
    expect(await balanceOf(app, marc.id)).toBe(0);
    app.clock.advance(60_000);
    const second = await call<TillClosingRecord>(app, 'till.close', { distributionId: distribution.id, floatCents: 5000, countedCents: 5750, note: 'pièce de 10 c perdue' });
    expect(second).toMatchObject({ differenceCents: -10, corrects: first.id });
    const till = await call<TillView>(app, 'till.get', { distributionId: distribution.id });
    expect(till.closings.map((closing) => closing.id)).toEqual([second.id, first.id]);
    // Closing again debits nothing twice.
    expect(await kindsOf(app, marc.id)).toEqual(['payment 380', 'reversal -380', 'payment 380', 'order -380']);

    const again = await openApp(app.dataDir, new Date('2026-03-06T19:00:00.000Z'));
    expect(await call<TillView>(again, 'till.get', { distributionId: distribution.id })).toEqual(till);
  });
});

describe('the accounts list and the payments export', () => {
  it('lists balances to pay and in credit, and exports payments with formula-like text neutralised', async () => {
    const { app, anne, marc, marcOrder } = await counterDay();
    await call(app, 'counter.collectAndPay', { orderId: marcOrder.id, method: 'cash', tenderedCents: 0 });
    await call(app, 'accounts.recordPayment', { memberId: anne.id, amountCents: 250, method: 'cheque', reference: '=HYPERLINK("x")', date: '2026-03-05' });
    const list = await call<AccountSummary[]>(app, 'accounts.list', { filter: 'all' });
    expect(list.map((row) => [row.member.name, row.balanceCents])).toEqual([['Anne', 750], ['Marc', -380]]);
    expect((await call<AccountSummary[]>(app, 'accounts.list', { filter: 'toPay' })).map((row) => row.member.id)).toEqual([marc.id]);
    expect((await call<AccountSummary[]>(app, 'accounts.list', { filter: 'credit', query: 'ann' })).map((row) => row.member.id)).toEqual([anne.id]);

    const csv = await call<{ fileName: string; content: string }>(app, 'accounts.exportPayments', {});
    const rows = csv.content.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0]).toBe('Date;Heure;Payeur;Mode;Référence;Montant;Type;Motif');
    expect(rows.slice(1)).toEqual([
      `${ORDERING_OPEN.toISOString().slice(0, 10)};10:00;Anne;Virement;extrait 12;5,00;Paiement;`,
      '2026-03-05;12:00;Anne;Chèque;"\'=HYPERLINK(""x"")";2,50;Paiement;',
    ]);
  });
});

describe('an order’s debit follows the order', () => {
  it('is reversed when a collected late order is cancelled', async () => {
    const { app, marc, distribution } = await counterDay();
    const late = await call<Order>(app, 'orders.open', { distributionId: distribution.id, memberId: (await call<{ id: string }>(app, 'members.create', { name: 'Léa' })).id, late: true });
    await call(app, 'orders.addLine', { orderId: late.id, productId: (await call<OfferRow[]>(app, 'offers.forDistribution', { distributionId: distribution.id }))[0]!.product.id, quantity: 1 });
    await call(app, 'checkin.collect', { orderId: late.id });
    const lea = late.memberId!;
    expect(await balanceOf(app, lea)).toBeLessThan(0);
    await call(app, 'orders.cancel', { orderId: late.id });
    expect(await balanceOf(app, lea)).toBe(0);
    expect(await balanceOf(app, marc.id)).toBe(0);
  });
});

describe('the account rule the store runs in every transaction', () => {
  it('an order collected by a caller that never mentions accounts is still debited, and un-collecting it reverses the debit', async () => {
    const { app, anne, anneOrder } = await counterDay();
    expect(await balanceOf(app, anne.id)).toBe(500);
    const store = app.workspace.store;
    // A raw write, as a new service or a conflict resolution might make: no reconcile call anywhere.
    await store.transact((tx) => void tx.put('order', { ...tx.get('order', anneOrder.id)!, collectedAt: PICKUP_UNDER_WAY.toISOString() }));
    expect(await kindsOf(app, anne.id)).toEqual(['payment 500', 'order -880']);
    expect(await balanceOf(app, anne.id)).toBe(-380);

    await store.transact((tx) => void tx.put('order', { ...tx.get('order', anneOrder.id)!, collectedAt: null }));
    expect(await balanceOf(app, anne.id)).toBe(500);
    // The debit and its reversal reached the disk with the orders.
    expect((await reopened(app.dataDir)).all('accountEntry').filter((entry) => entry.memberId === anne.id)).toHaveLength(3);
  });
});

describe('the orders list says which orders were paid at the counter (issue 14)', () => {
  it('paid once the money is taken and nothing is left due; not when part of it is still owed', async () => {
    const { app, distribution, anneOrder, marcOrder } = await counterDay();
    type Listed = { order: Order; paid: boolean };
    const paid = async () =>
      Object.fromEntries(
        (await call<Listed[]>(app, 'orders.list', { distributionId: distribution.id })).map((view) => [view.order.id, view.paid]),
      );
    expect(await paid()).toMatchObject({ [anneOrder.id]: false, [marcOrder.id]: false });
    await call(app, 'counter.collectAndPay', { orderId: anneOrder.id, method: 'cash', tenderedCents: 500 });
    // Marc hands over less than his loaf costs: collected, not paid.
    await call(app, 'counter.collectAndPay', { orderId: marcOrder.id, method: 'cash', tenderedCents: 100 });
    expect(await paid()).toMatchObject({ [anneOrder.id]: true, [marcOrder.id]: false });
  });
});

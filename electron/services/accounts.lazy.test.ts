/**
 * Issue 11: the counter, the till, a member's statement and the counter's figures read only
 * the months of accounts that hold what they need (a balance from the index's sums), and
 * answer exactly what a copy holding every month answers.
 */
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountStatement, CounterPayment, TillView } from '../../shared/accounts/views';
import type { DistributionView } from '../../shared/catalogue/views';
import type { Member } from '../../shared/model/member';
import type { Order } from '../../shared/model/order';
import { PICKUP_UNDER_WAY, pickupDay } from '../testing/pickup-day';
import { call, openApp, type TestApp } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

/** Friday 4 September 2026, 17:30 Brussels: the September pickup is under way; March to June are past months, left unread. */
const SEPTEMBER_PICKUP = new Date('2026-09-04T15:30:00.000Z');

interface History {
  dataDir: string;
  anne: Member;
  marc: Member;
  march: DistributionView;
  september: DistributionView;
  /** Anne's September basket, to collect and pay at the counter. */
  basket: Order;
}

/**
 * Two years and a half of months: Marc pays every month from January 2024, Anne once in June 2024;
 * Anne collects in March 2026, Marc buys at the March counter by card, and his payment is reversed
 * in May. Anne's September basket is ordered in advance.
 */
async function history(dataDir: string): Promise<History> {
  const day = await pickupDay(dataDir);
  const { app } = day;
  const anne = await day.member('Anne');
  const marc = await day.member('Marc');
  for (let month = 0; month < 26; month += 1) {
    const date = new Date(Date.UTC(2024, month, 10)).toISOString().slice(0, 10);
    await call(app, 'accounts.recordPayment', { memberId: marc.id, amountCents: 1000 + month, method: 'transfer', date, reference: '' });
  }
  await call(app, 'accounts.recordPayment', { memberId: anne.id, amountCents: 1000, method: 'cheque', date: '2024-06-14', reference: '' });
  const september = await call<DistributionView>(app, 'distributions.create', {
    pickupDate: '2026-09-04',
    pickupStart: '17:00',
    pickupEnd: '19:00',
    notes: '',
    opens: { date: '2026-03-04', time: '08:00' },
    closes: { date: '2026-09-02', time: '23:00' },
  });
  for (const product of [day.carrots, day.bread]) await call(app, 'offers.set', { distributionId: september.id, productId: product.id, quantity: null });
  const march = await day.order(anne, [{ product: day.carrots, quantity: 2 }]);
  let basket = await call<Order>(app, 'orders.open', { distributionId: september.id, memberId: anne.id });
  basket = await call<Order>(app, 'orders.addLine', { orderId: basket.id, productId: day.bread.id, quantity: 2 });

  app.clock.set(PICKUP_UNDER_WAY);
  await call(app, 'checkin.collect', { orderId: march.id });
  const sale = await call<CounterPayment>(app, 'counter.sell', {
    distributionId: day.distribution.id,
    memberId: marc.id,
    buyerName: '',
    lines: [{ productId: day.bread.id, quantity: 1 }],
    method: 'card',
    tenderedCents: 380,
  });
  app.clock.set(new Date('2026-04-10T09:00:00.000Z'));
  await call(app, 'accounts.recordPayment', { memberId: marc.id, amountCents: 500, method: 'cash', reference: '' });
  app.clock.set(new Date('2026-05-12T09:00:00.000Z'));
  await call(app, 'accounts.reverse', { entryId: sale.payment!.id, reason: 'carte refusée' });
  await app.close();
  return { dataDir: app.dataDir, anne, marc, march: day.distribution, september, basket };
}

/**
 * Two copies of the folder (each test changes its own): one as it opens, past months unread, and
 * one with every month loaded, whose answers are the ones to match.
 */
async function twins(dataDir: string): Promise<{ lazy: TestApp; full: TestApp }> {
  const [lazyDir, fullDir] = [await tempDir(), await tempDir()];
  for (const copy of [lazyDir, fullDir]) await cp(dataDir, copy, { recursive: true });
  // A copied file has a new time, so its index entry no longer matches: a first open reads it and sums it up again.
  await (await openApp(lazyDir, SEPTEMBER_PICKUP)).close();
  const lazy = await openApp(lazyDir, SEPTEMBER_PICKUP);
  const full = await openApp(fullDir, SEPTEMBER_PICKUP);
  full.workspace.store.loadAll();
  return { lazy, full };
}

/** The months of accounts this store has read, among those on disk (this month's changes may still be in the journal only). */
async function monthsRead(app: TestApp): Promise<string[]> {
  const files = (await readdir(join(app.dataDir, 'accounts'))).filter((name) => name.endsWith('.json')).sort();
  return files.map((name) => name.slice(0, 7)).filter((month) => app.workspace.store.unreadSummary(`accounts/${month}.json`) === undefined);
}

describe('accounts over years of months', () => {
  let past: History;
  // Made once (it takes some forty changes), in a folder of its own: each test works on copies of it.
  const made = mkdtemp(join(tmpdir(), 'cabas-accounts-history-'));
  beforeAll(async () => {
    past = await history(await made);
  });
  afterAll(async () => rm(await made, { recursive: true, force: true }));

  it('collecting and paying a basket reads no past month: the balance comes from the index, the due is the same', async () => {
    const { lazy, full } = await twins(past.dataDir);
    expect(await monthsRead(lazy)).toEqual([]);
    const payment = { orderId: past.basket.id, method: 'cash', tenderedCents: 2000 };
    const paid = await call<CounterPayment>(lazy, 'counter.collectAndPay', payment);
    const expected = await call<CounterPayment>(full, 'counter.collectAndPay', payment);
    // 2 breads (7.60) less Anne's credit: 10.00 paid in 2024, 5.00 of carrots debited in March.
    expect(paid.change).toEqual({ paidCents: 260, changeCents: 1740, unpaidCents: 0 });
    expect(paid.change).toEqual(expected.change);
    expect(paid.payment?.amountCents).toBe(expected.payment?.amountCents);
    // Its debit and payment are this month's, not yet a file (the journal holds them).
    expect(await monthsRead(lazy)).toEqual([]);
    await lazy.close();
    await full.close();
  });

  it('a walk-in sale cancelled at the counter gives the money back reading no past month', async () => {
    const { lazy, full } = await twins(past.dataDir);
    const tills: Pick<TillView, 'byMethod' | 'totalCents'>[] = [];
    for (const app of [lazy, full]) {
      const sale = await call<CounterPayment>(app, 'counter.sell', {
        distributionId: past.september.id,
        memberId: null,
        buyerName: 'Passant',
        lines: [{ productId: past.basket.lines[0]!.productId, quantity: 1 }],
        method: 'cash',
        tenderedCents: 500,
      });
      await call(app, 'counter.cancel', { orderId: sale.order.id, reason: 'erreur' });
      const till = await call<TillView>(app, 'till.get', { distributionId: past.september.id });
      tills.push({ byMethod: till.byMethod, totalCents: till.totalCents });
    }
    expect(tills[0]).toEqual(tills[1]);
    expect(tills[0]!.totalCents).toBe(0);
    expect(await monthsRead(lazy)).toEqual([]);
    await lazy.close();
    await full.close();
  });

  it("the counter's figures for a distribution read no past month", async () => {
    const { lazy, full } = await twins(past.dataDir);
    const figures = await call(lazy, 'accounts.forDistribution', { distributionId: past.september.id });
    expect(figures).toEqual(await call(full, 'accounts.forDistribution', { distributionId: past.september.id }));
    expect(figures).toEqual({ [past.basket.id]: expect.objectContaining({ balanceCents: 500, due: expect.objectContaining({ dueCents: 260 }) }) });
    expect(await monthsRead(lazy)).toEqual([]);
    await lazy.close();
    await full.close();
  });

  it("a past distribution's till reads the months its counter's entries are in, and no other", async () => {
    const { lazy, full } = await twins(past.dataDir);
    const till = await call<TillView>(lazy, 'till.get', { distributionId: past.march.id });
    expect(till).toEqual(await call<TillView>(full, 'till.get', { distributionId: past.march.id }));
    // The card payment taken in March, reversed in May.
    expect(till.counterSales).toEqual([expect.objectContaining({ paidCents: 0, totalCents: 380 })]);
    expect(await monthsRead(lazy)).toEqual(['2026-03', '2026-05']);
    await lazy.close();
    await full.close();
  });

  it("the accountant's export of a few months reads those months and the ones either side, and lists the same payments", async () => {
    const { lazy, full } = await twins(past.dataDir);
    const range = { from: '2024-06-01', to: '2024-08-31' };
    const csv = await call<{ fileName: string; content: string }>(lazy, 'accounts.exportPayments', range);
    expect(csv).toEqual(await call(full, 'accounts.exportPayments', range));
    // Marc's three transfers and Anne's cheque.
    expect(csv.content.trim().split('\n')).toHaveLength(5);
    expect(await monthsRead(lazy)).toEqual(['2024-05', '2024-06', '2024-07', '2024-08', '2024-09']);
    await lazy.close();
    await full.close();
  });

  it("a member's statement reads the months holding their entries, and a reversal of their payment no more", async () => {
    const { lazy, full } = await twins(past.dataDir);
    const statement = await call<AccountStatement>(lazy, 'accounts.statement', { memberId: past.anne.id });
    expect(statement).toEqual(await call<AccountStatement>(full, 'accounts.statement', { memberId: past.anne.id }));
    expect(statement.lines.map(({ entry }) => `${entry.kind} ${entry.amountCents}`)).toEqual(['payment 1000', 'order -500']);
    expect(await monthsRead(lazy)).toEqual(['2024-06', '2026-03']);

    const cheque = statement.lines[0]!.entry;
    for (const app of [lazy, full]) await call(app, 'accounts.reverse', { entryId: cheque.id, reason: 'chèque sans provision' });
    expect(await monthsRead(lazy)).toEqual(['2024-06', '2026-03']);
    // The reversals have ids of their own on each copy: compared by what the statement shows.
    const [after, expected] = await Promise.all([lazy, full].map((app) => call<AccountStatement>(app, 'accounts.statement', { memberId: past.anne.id })));
    const shown = ({ lines, balanceCents }: AccountStatement) => ({ balanceCents, lines: lines.map(({ entry, balanceCents: running }) => [entry.kind, entry.amountCents, entry.reason, running]) });
    expect(shown(after!)).toEqual(shown(expected!));
    expect(after!.balanceCents).toBe(-500);
    await lazy.close();
    await full.close();
  });
});

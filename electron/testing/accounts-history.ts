/**
 * The relay of the lazy-loading tests over years of account months (issue 11), made through the services
 * once per test file, and what they measure with: a copy of its folder for each test, a twin of that copy
 * with every month loaded whose answers are the ones to match, and the months a store has read.
 */
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { CounterPayment } from '../../shared/accounts/views';
import type { DistributionView } from '../../shared/catalogue/views';
import type { Member } from '../../shared/model/member';
import type { Order } from '../../shared/model/order';
import { PICKUP_UNDER_WAY, pickupDay } from './pickup-day';
import { call, openApp, type TestApp } from './service-calls';

/** Friday 4 September 2026, 17:30 Brussels: the September pickup is under way; March 2024 to June 2026 are past months, left unread at open. */
export const SEPTEMBER_PICKUP = new Date('2026-09-04T15:30:00.000Z');

export interface AccountsHistory {
  dataDir: string;
  anne: Member;
  marc: Member;
  march: DistributionView;
  september: DistributionView;
  /** Anne's March basket, collected and debited in March 2026. */
  collected: Order;
  /** Anne's September basket, ordered in advance, to collect and pay at the counter. */
  basket: Order;
}

/**
 * Two years and a half of months: Marc pays every month from January 2024, Anne once in June 2024;
 * Anne collects in March 2026, Marc buys at the March counter by card, pays cash in April, and his
 * card payment is reversed in May. Anne's September basket is ordered in advance.
 */
async function accountsHistory(dataDir: string): Promise<AccountsHistory> {
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
  const collected = await day.order(anne, [{ product: day.carrots, quantity: 2 }]);
  let basket = await call<Order>(app, 'orders.open', { distributionId: september.id, memberId: anne.id });
  basket = await call<Order>(app, 'orders.addLine', { orderId: basket.id, productId: day.bread.id, quantity: 2 });

  app.clock.set(PICKUP_UNDER_WAY);
  await call(app, 'checkin.collect', { orderId: collected.id });
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
  return { dataDir: app.dataDir, anne, marc, march: day.distribution, september, collected, basket };
}

/**
 * Call at the top of a describe: the history is made once before its tests (some forty changes), in a folder
 * of its own removed after them, then `prepare`d (a file edited by hand); each test works on copies of it
 * in `tempDir`'s folders.
 */
export function useAccountsHistory(tempDir: () => Promise<string>, prepare?: (past: AccountsHistory) => Promise<void>) {
  let made: AccountsHistory | null = null;
  const folder = mkdtemp(join(tmpdir(), 'cabas-accounts-history-'));
  beforeAll(async () => {
    const past = await accountsHistory(await folder);
    await prepare?.(past);
    made = past;
  });
  afterAll(async () => rm(await folder, { recursive: true, force: true }));

  /** A copy of the history's folder for one test (each test changes its own). */
  const copy = async (): Promise<string> => {
    const dataDir = await tempDir();
    await cp(history.past.dataDir, dataDir, { recursive: true });
    return dataDir;
  };
  const history = {
    get past(): AccountsHistory {
      if (made === null) throw new Error('the accounts history is made in beforeAll');
      return made;
    },
    copy,
    /** Two copies: one as it opens, past months unread, and one with every month loaded, whose answers are the ones to match. */
    async twins(): Promise<{ lazy: TestApp; full: TestApp }> {
      const [lazyDir, fullDir] = [await copy(), await copy()];
      // A copied file has a new time, so its index entry no longer matches: a first open reads it and sums it up again.
      await (await openApp(lazyDir, SEPTEMBER_PICKUP)).close();
      const lazy = await openApp(lazyDir, SEPTEMBER_PICKUP);
      const full = await openApp(fullDir, SEPTEMBER_PICKUP);
      full.workspace.store.loadAll();
      return { lazy, full };
    },
  };
  return history;
}

/** The months of accounts this store has read, among those on disk (this month's changes may still be in the journal only). */
export async function monthsRead(app: TestApp): Promise<string[]> {
  const files = (await readdir(join(app.dataDir, 'accounts'))).filter((name) => name.endsWith('.json')).sort();
  return files.map((name) => name.slice(0, 7)).filter((month) => app.workspace.store.unreadSummary(`accounts/${month}.json`) === undefined);
}

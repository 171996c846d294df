/**
 * Issue 11: the conflicts list and the sync status's count read only the months of accounts that
 * changes since the last look touched (and those of the orders already out of line), and answer
 * exactly what a check of every month answers, whatever happened in between (payments, baskets,
 * a change of when debits happen, a month edited by hand, a restart, a damaged saved answer).
 */
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CounterPayment } from '../../shared/accounts/views';
import type { DistributionView } from '../../shared/catalogue/views';
import type { Member } from '../../shared/model/member';
import type { Order } from '../../shared/model/order';
import type { SyncConflict } from '../../shared/sync/conflicts';
import type { SyncStatus } from '../../shared/sync/status';
import { PICKUP_UNDER_WAY, pickupDay } from '../testing/pickup-day';
import { call, openApp, type TestApp } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';
import { CONFLICTS_CHECKED } from '../store/data-files';
import { accountConflicts, paymentConflicts } from './conflicts';

const tempDir = useTempDirs();

/** Friday 4 September 2026, 17:30 Brussels: March 2024 to June 2026 are past months, left unread at open. */
const SEPTEMBER_PICKUP = new Date('2026-09-04T15:30:00.000Z');

interface History {
  dataDir: string;
  anne: Member;
  marc: Member;
  march: DistributionView;
  september: DistributionView;
  /** Anne's March basket, collected and debited in March 2026. */
  collected: Order;
  /** Anne's September basket, ordered in advance. */
  basket: Order;
}

/** Two years and a half of months: Marc pays every month, Anne collects in March 2026, Marc's card payment at the March counter is reversed in May. */
async function history(dataDir: string): Promise<History> {
  const day = await pickupDay(dataDir);
  const { app } = day;
  const anne = await day.member('Anne');
  const marc = await day.member('Marc');
  for (let month = 0; month < 26; month += 1) {
    const date = new Date(Date.UTC(2024, month, 10)).toISOString().slice(0, 10);
    await call(app, 'accounts.recordPayment', { memberId: marc.id, amountCents: 1000 + month, method: 'transfer', date, reference: '' });
  }
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
  app.clock.set(new Date('2026-05-12T09:00:00.000Z'));
  await call(app, 'accounts.reverse', { entryId: sale.payment!.id, reason: 'carte refusée' });
  await app.close();
  return { dataDir: app.dataDir, anne, marc, march: day.distribution, september, collected, basket };
}

/** The months of accounts this store has read, among those on disk. */
async function monthsRead(app: TestApp): Promise<string[]> {
  const files = (await readdir(join(app.dataDir, 'accounts'))).filter((name) => name.endsWith('.json')).sort();
  return files.map((name) => name.slice(0, 7)).filter((month) => app.workspace.store.unreadSummary(`accounts/${month}.json`) === undefined);
}

const accountKinds = new Set(['accountOutOfLine', 'paymentReversedTwice']);

/** The account conflicts a look lists, beside those a check of every month finds (which reads them all). */
async function lookedAndFull(app: TestApp): Promise<{ looked: SyncConflict[]; full: SyncConflict[] }> {
  const looked = (await call<SyncConflict[]>(app, 'sync.conflicts', {})).filter((conflict) => accountKinds.has(conflict.kind));
  const store = app.workspace.store;
  return { looked, full: [...accountConflicts(store), ...paymentConflicts(store)] };
}

/** Edits a file by hand (as a person or another program would), the app closed. */
async function editByHand(dataDir: string, path: string, edit: (records: Record<string, unknown[]>) => void): Promise<void> {
  const file = JSON.parse(await readFile(join(dataDir, path), 'utf8')) as { records: Record<string, unknown[]> };
  edit(file.records);
  await writeFile(join(dataDir, path), JSON.stringify(file));
}

/** A debit of the order written twice (another id): the order is out of line with its entries. */
const debitTwice = (orderId: string) => (records: Record<string, unknown[]>) => {
  const debit = (records.accountEntry as { id: string; orderId?: string; kind: string }[]).find((entry) => entry.orderId === orderId && entry.kind === 'order');
  if (!debit) throw new Error('no debit to copy');
  records.accountEntry!.push({ ...debit, id: randomUUID() });
};

describe('the conflicts over years of months', () => {
  let past: History;
  const made = mkdtemp(join(tmpdir(), 'cabas-conflicts-history-'));
  beforeAll(async () => {
    past = await history(await made);
    // Anne's March basket debited twice, by hand: an account conflict that stays listed.
    await editByHand(past.dataDir, 'accounts/2026-03.json', debitTwice(past.collected.id));
  });
  afterAll(async () => rm(await made, { recursive: true, force: true }));

  async function copy(): Promise<string> {
    const dataDir = await tempDir();
    await cp(past.dataDir, dataDir, { recursive: true });
    return dataDir;
  }

  it('after an everyday change, the sync status and the conflicts read only the months of the orders out of line', async () => {
    const dataDir = await copy();
    // A first look checks every month and keeps the answer with the files it came from.
    const first = await openApp(dataDir, SEPTEMBER_PICKUP);
    expect((await lookedAndFull(first)).looked.map((conflict) => conflict.id)).toEqual([`account:${past.collected.id}`]);
    await first.close();

    const app = await openApp(dataDir, SEPTEMBER_PICKUP);
    expect(await monthsRead(app)).toEqual([]);
    await call(app, 'accounts.recordPayment', { memberId: past.anne.id, amountCents: 500, method: 'cash', reference: '' });
    await call(app, 'checkin.collect', { orderId: past.basket.id });
    const status = await call<SyncStatus>(app, 'sync.status', {});
    expect(status.conflicts).toBe(1);
    const read = await monthsRead(app);
    const { looked, full } = await lookedAndFull(app);
    expect(looked).toEqual(full);
    // Anne's basket debited now, her payment: this month's; the March order out of line is looked at again.
    expect(read).toEqual(['2026-03']);
    await app.close();

    // The same again, measured before the full check reads everything: only the month of the order out of line.
    const again = await openApp(dataDir, SEPTEMBER_PICKUP);
    // This month's file, written by the session before, is read at open as always.
    expect(await monthsRead(again)).toEqual(['2026-09']);
    await call(again, 'accounts.recordPayment', { memberId: past.marc.id, amountCents: 700, method: 'cash', reference: '' });
    expect((await call<SyncStatus>(again, 'sync.status', {})).conflicts).toBe(1);
    expect(await monthsRead(again)).toEqual(['2026-03', '2026-09']);
    await call(again, 'sync.conflicts', {});
    expect(await monthsRead(again)).toEqual(['2026-03', '2026-09']);
    await again.close();
  });

  it('a damaged or other-version saved answer is not trusted: the look checks every month and saves a sound one', async () => {
    const dataDir = await copy();
    const first = await openApp(dataDir, SEPTEMBER_PICKUP);
    await call(first, 'sync.conflicts', {});
    await first.close();
    const saved = JSON.parse(await readFile(join(dataDir, CONFLICTS_CHECKED), 'utf8')) as { version: number; orders: string[] };
    expect(saved.orders).toEqual([past.collected.id]);

    for (const damaged of [JSON.stringify({ ...saved, version: 0, orders: [] }), JSON.stringify({ ...saved, orders: 'none' }), '{"format":"cabas-conf']) {
      await writeFile(join(dataDir, CONFLICTS_CHECKED), damaged);
      const app = await openApp(dataDir, SEPTEMBER_PICKUP);
      const { looked, full } = await lookedAndFull(app);
      expect(looked.map((conflict) => conflict.id)).toEqual([`account:${past.collected.id}`]);
      expect(looked).toEqual(full);
      await app.close();
      expect(JSON.parse(await readFile(join(dataDir, CONFLICTS_CHECKED), 'utf8'))).toMatchObject({ version: saved.version, orders: [past.collected.id] });
    }
  });
});

/**
 * Issue 11: the conflicts list and the sync status's count read only the months of accounts that
 * changes since the last look touched (and those of the orders already out of line), and answer
 * exactly what a check of every month answers, whatever happened in between (payments, baskets,
 * a change of when debits happen, a month edited by hand, a restart, a damaged saved answer).
 */
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SyncConflict } from '../../shared/sync/conflicts';
import type { SyncStatus } from '../../shared/sync/status';
import { monthsRead, SEPTEMBER_PICKUP, useAccountsHistory } from '../testing/accounts-history';
import { call, openApp, type TestApp } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';
import { CONFLICTS_CHECKED } from '../store/data-files';
import { accountConflicts, paymentConflicts } from './conflicts';

const tempDir = useTempDirs();

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
  // Anne's March basket debited twice, by hand: an account conflict that stays listed.
  const history = useAccountsHistory(tempDir, (past) => editByHand(past.dataDir, 'accounts/2026-03.json', debitTwice(past.collected.id)));

  it('after an everyday change, the sync status and the conflicts read only the months of the orders out of line', async () => {
    const dataDir = await history.copy();
    // A first look checks every month and keeps the answer with the files it came from.
    const first = await openApp(dataDir, SEPTEMBER_PICKUP);
    expect((await lookedAndFull(first)).looked.map((conflict) => conflict.id)).toEqual([`account:${history.past.collected.id}`]);
    await first.close();

    const app = await openApp(dataDir, SEPTEMBER_PICKUP);
    expect(await monthsRead(app)).toEqual([]);
    await call(app, 'accounts.recordPayment', { memberId: history.past.anne.id, amountCents: 500, method: 'cash', reference: '' });
    await call(app, 'checkin.collect', { orderId: history.past.basket.id });
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
    await call(again, 'accounts.recordPayment', { memberId: history.past.marc.id, amountCents: 700, method: 'cash', reference: '' });
    expect((await call<SyncStatus>(again, 'sync.status', {})).conflicts).toBe(1);
    expect(await monthsRead(again)).toEqual(['2026-03', '2026-09']);
    await call(again, 'sync.conflicts', {});
    expect(await monthsRead(again)).toEqual(['2026-03', '2026-09']);
    await again.close();
  });

  it('a damaged or other-version saved answer is not trusted: the look checks every month and saves a sound one', async () => {
    const dataDir = await history.copy();
    const first = await openApp(dataDir, SEPTEMBER_PICKUP);
    await call(first, 'sync.conflicts', {});
    await first.close();
    const saved = JSON.parse(await readFile(join(dataDir, CONFLICTS_CHECKED), 'utf8')) as { version: number; orders: string[] };
    expect(saved.orders).toEqual([history.past.collected.id]);

    for (const damaged of [JSON.stringify({ ...saved, version: 0, orders: [] }), JSON.stringify({ ...saved, orders: 'none' }), '{"format":"cabas-conf']) {
      await writeFile(join(dataDir, CONFLICTS_CHECKED), damaged);
      const app = await openApp(dataDir, SEPTEMBER_PICKUP);
      const { looked, full } = await lookedAndFull(app);
      expect(looked.map((conflict) => conflict.id)).toEqual([`account:${history.past.collected.id}`]);
      expect(looked).toEqual(full);
      await app.close();
      expect(JSON.parse(await readFile(join(dataDir, CONFLICTS_CHECKED), 'utf8'))).toMatchObject({ version: saved.version, orders: [history.past.collected.id] });
    }
  });
});

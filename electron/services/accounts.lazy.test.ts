/**
 * Issue 11: the counter, the till, a member's statement and the counter's figures read only
 * the months of accounts that hold what they need (a balance from the index's sums), and
 * answer exactly what a copy holding every month answers.
 */
import { describe, expect, it } from 'vitest';
import type { AccountStatement, CounterPayment, TillView } from '../../shared/accounts/views';
import { monthsRead, useAccountsHistory } from '../testing/accounts-history';
import { call } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

describe('accounts over years of months', () => {
  const history = useAccountsHistory(tempDir);

  it('collecting and paying a basket reads no past month: the balance comes from the index, the due is the same', async () => {
    const { lazy, full } = await history.twins();
    expect(await monthsRead(lazy)).toEqual([]);
    const payment = { orderId: history.past.basket.id, method: 'cash', tenderedCents: 2000 };
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
    const { lazy, full } = await history.twins();
    const tills: Pick<TillView, 'byMethod' | 'totalCents'>[] = [];
    for (const app of [lazy, full]) {
      const sale = await call<CounterPayment>(app, 'counter.sell', {
        distributionId: history.past.september.id,
        memberId: null,
        buyerName: 'Passant',
        lines: [{ productId: history.past.basket.lines[0]!.productId, quantity: 1 }],
        method: 'cash',
        tenderedCents: 500,
      });
      await call(app, 'counter.cancel', { orderId: sale.order.id, reason: 'erreur' });
      const till = await call<TillView>(app, 'till.get', { distributionId: history.past.september.id });
      tills.push({ byMethod: till.byMethod, totalCents: till.totalCents });
    }
    expect(tills[0]).toEqual(tills[1]);
    expect(tills[0]!.totalCents).toBe(0);
    expect(await monthsRead(lazy)).toEqual([]);
    await lazy.close();
    await full.close();
  });

  it("the counter's figures for a distribution read no past month", async () => {
    const { lazy, full } = await history.twins();
    const figures = await call(lazy, 'accounts.forDistribution', { distributionId: history.past.september.id });
    expect(figures).toEqual(await call(full, 'accounts.forDistribution', { distributionId: history.past.september.id }));
    expect(figures).toEqual({ [history.past.basket.id]: expect.objectContaining({ balanceCents: 500, due: expect.objectContaining({ dueCents: 260 }) }) });
    expect(await monthsRead(lazy)).toEqual([]);
    await lazy.close();
    await full.close();
  });

  it("a past distribution's till reads the months its counter's entries are in, and no other", async () => {
    const { lazy, full } = await history.twins();
    const till = await call<TillView>(lazy, 'till.get', { distributionId: history.past.march.id });
    expect(till).toEqual(await call<TillView>(full, 'till.get', { distributionId: history.past.march.id }));
    // The card payment taken in March, reversed in May.
    expect(till.counterSales).toEqual([expect.objectContaining({ paidCents: 0, totalCents: 380 })]);
    expect(await monthsRead(lazy)).toEqual(['2026-03', '2026-05']);
    await lazy.close();
    await full.close();
  });

  it("the accountant's export of a few months reads those months and the ones either side, and lists the same payments", async () => {
    const { lazy, full } = await history.twins();
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
    const { lazy, full } = await history.twins();
    const statement = await call<AccountStatement>(lazy, 'accounts.statement', { memberId: history.past.anne.id });
    expect(statement).toEqual(await call<AccountStatement>(full, 'accounts.statement', { memberId: history.past.anne.id }));
    expect(statement.lines.map(({ entry }) => `${entry.kind} ${entry.amountCents}`)).toEqual(['payment 1000', 'order -500']);
    expect(await monthsRead(lazy)).toEqual(['2024-06', '2026-03']);

    const cheque = statement.lines[0]!.entry;
    for (const app of [lazy, full]) await call(app, 'accounts.reverse', { entryId: cheque.id, reason: 'chèque sans provision' });
    expect(await monthsRead(lazy)).toEqual(['2024-06', '2026-03']);
    // The reversals have ids of their own on each copy: compared by what the statement shows.
    const [after, expected] = await Promise.all([lazy, full].map((app) => call<AccountStatement>(app, 'accounts.statement', { memberId: history.past.anne.id })));
    const shown = ({ lines, balanceCents }: AccountStatement) => ({ balanceCents, lines: lines.map(({ entry, balanceCents: running }) => [entry.kind, entry.amountCents, entry.reason, running]) });
    expect(shown(after!)).toEqual(shown(expected!));
    expect(after!.balanceCents).toBe(-500);
    await lazy.close();
    await full.close();
  });
});

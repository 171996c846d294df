/**
 * Issue 11: an order written years later reconciles its debit against its own entries only.
 * The months of accounts that hold none of them stay unread, so editing a collected order
 * does not read five years of account files.
 */
import { describe, expect, it } from 'vitest';
import type { AccountStatement } from '../../shared/accounts/views';
import { PICKUP_UNDER_WAY, pickupDay } from '../testing/pickup-day';
import { call, openApp } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

/** September 2026: March, April and May are past months of accounts, left unread at open. */
const MONTHS_LATER = new Date('2026-09-01T09:00:00.000Z');

describe('reconciling an order over years of accounts', () => {
  it('a collected order edited months later loads the month of its debit, and no other past month', async () => {
    const day = await pickupDay(await tempDir());
    const anne = await day.member('Anne');
    const marc = await day.member('Marc');
    const order = await day.order(anne, [{ product: day.carrots, quantity: 2 }]);
    day.app.clock.set(PICKUP_UNDER_WAY);
    await call(day.app, 'checkin.collect', { orderId: order.id });
    // Marc pays in April and May: months holding no entry of Anne's order.
    day.app.clock.set(new Date('2026-04-10T09:00:00.000Z'));
    await call(day.app, 'accounts.recordPayment', { memberId: marc.id, amountCents: 1000, method: 'cash', reference: '' });
    day.app.clock.set(new Date('2026-05-10T09:00:00.000Z'));
    await call(day.app, 'accounts.recordPayment', { memberId: marc.id, amountCents: 2000, method: 'cash', reference: '' });
    await day.app.close();

    const app = await openApp(day.app.dataDir, MONTHS_LATER);
    const store = app.workspace.store;
    for (const month of ['2026-03', '2026-04', '2026-05']) expect(store.unreadSummary(`accounts/${month}.json`)).toBeDefined();

    // The carrots turn out missing: refunded, against the debit found in March.
    const line = order.lines[0]!;
    await call(app, 'checkin.markMissing', { orderId: order.id, lineId: line.id, note: 'pas livré' });
    expect(store.unreadSummary('accounts/2026-03.json')).toBeUndefined();
    expect(store.unreadSummary('accounts/2026-04.json')).toBeDefined();
    expect(store.unreadSummary('accounts/2026-05.json')).toBeDefined();

    const statement = await call<AccountStatement>(app, 'accounts.statement', { memberId: anne.id });
    expect(statement.lines.map(({ entry }) => `${entry.kind} ${entry.amountCents}`)).toEqual(['order -500', 'refund 500']);
    expect(statement.balanceCents).toBe(0);
    await app.close();
  });
});

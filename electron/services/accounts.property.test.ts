import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billableTotal } from '../../shared/accounts/counter';
import { balance, ledgerIssues, type AccountEntry } from '../../shared/accounts/ledger';
import type { AccountSummary } from '../../shared/accounts/views';
import type { OfferRow } from '../../shared/catalogue/views';
import type { Member } from '../../shared/model/member';
import type { Order } from '../../shared/model/order';
import { PICKUP_UNDER_WAY, pickupDay } from '../testing/pickup-day';
import { call, reopened } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

const METHODS = ['cash', 'card', 'transfer', 'cheque', 'other'] as const;
const who = fc.integer({ min: 0, max: 2 });
const cents = fc.integer({ min: 0, max: 3000 });
type Step =
  | { kind: 'collect' | 'undo'; order: number }
  | { kind: 'pay'; order: number; method: (typeof METHODS)[number]; tendered: number }
  | { kind: 'missing' | 'found'; order: number; line: number }
  | { kind: 'advance'; member: number; amount: number; method: (typeof METHODS)[number] }
  | { kind: 'reverse'; entry: number }
  | { kind: 'sale'; member: number | null; product: number; quantity: number; tendered: number }
  | { kind: 'close'; counted: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom('collect' as const, 'undo' as const), order: who }),
  fc.record({ kind: fc.constant('pay' as const), order: who, method: fc.constantFrom(...METHODS), tendered: cents }),
  fc.record({ kind: fc.constantFrom('missing' as const, 'found' as const), order: who, line: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ kind: fc.constant('advance' as const), member: who, amount: fc.integer({ min: -10, max: 3000 }), method: fc.constantFrom(...METHODS) }),
  fc.record({ kind: fc.constant('reverse' as const), entry: fc.nat(40) }),
  fc.record({ kind: fc.constant('sale' as const), member: fc.option(who, { nil: null }), product: fc.integer({ min: 0, max: 1 }), quantity: fc.integer({ min: 1, max: 4 }), tendered: cents }),
  fc.record({ kind: fc.constant('close' as const), counted: cents }),
);

describe('accounts property', () => {
  it('for any sequence of collections, payments, refunds, reversals, counter sales and closings: balances are sums, entries never change, stock is never oversold, disk = memory', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('collection' as const, 'close' as const), fc.array(step, { minLength: 5, maxLength: 25 }), async (mode, steps) => {
        const day = await pickupDay(await tempDir());
        const { app, distribution } = day;
        await call(app, 'relay.update', { debitOrdersOn: mode });
        const members: Member[] = [];
        const orders: Order[] = [];
        for (const name of ['Anne', 'Marc', 'Léa']) {
          const member = await day.member(name);
          members.push(member);
          orders.push(await day.order(member, [{ product: day.carrots, quantity: 2 }, { product: day.bread, quantity: 1 }]));
        }
        // Little stock left for the counter: 2 loaves and 1 kg of carrots beyond the orders.
        await call(app, 'offers.set', { distributionId: distribution.id, productId: day.bread.id, quantity: 5 });
        await call(app, 'offers.set', { distributionId: distribution.id, productId: day.carrots.id, quantity: 7 });
        app.clock.set(PICKUP_UNDER_WAY);
        const products = [day.bread, day.carrots];
        const seen = new Map<string, AccountEntry>();

        for (const next of steps) {
          app.clock.advance(1000);
          const entries = app.workspace.store.all('accountEntry');
          if (next.kind === 'collect' || next.kind === 'undo') {
            await app.dispatch(next.kind === 'collect' ? 'checkin.collect' : 'checkin.undo', { orderId: orders[next.order]!.id });
          } else if (next.kind === 'pay') {
            await app.dispatch('counter.collectAndPay', { orderId: orders[next.order]!.id, method: next.method, tenderedCents: next.tendered });
          } else if (next.kind === 'missing' || next.kind === 'found') {
            const line = orders[next.order]!.lines[next.line]!;
            await app.dispatch(next.kind === 'missing' ? 'checkin.markMissing' : 'checkin.clearMissing', { orderId: orders[next.order]!.id, lineId: line.id, note: '' });
          } else if (next.kind === 'advance') {
            await app.dispatch('accounts.recordPayment', { memberId: members[next.member]!.id, amountCents: next.amount, method: next.method });
          } else if (next.kind === 'reverse') {
            const target = entries[next.entry % Math.max(entries.length, 1)];
            if (target) await app.dispatch('accounts.reverse', { entryId: target.id, reason: 'erreur' });
          } else if (next.kind === 'sale') {
            await app.dispatch('counter.sell', {
              distributionId: distribution.id,
              memberId: next.member === null ? null : members[next.member]!.id,
              lines: [{ productId: products[next.product]!.id, quantity: next.quantity }],
              method: 'cash',
              tenderedCents: next.tendered,
            });
          } else if (next.kind === 'close') {
            await app.dispatch('till.close', { distributionId: distribution.id, countedCents: next.counted, note: 'compté' });
          }

          const store = app.workspace.store;
          const now = store.all('accountEntry');
          // No entry lost or changed: every entry seen before is still there, identical.
          for (const [id, entry] of seen) expect(store.get('accountEntry', id)).toEqual(entry);
          for (const entry of now) seen.set(entry.id, entry);
          expect(ledgerIssues(now)).toEqual([]);
          // Each member's balance is the sum of their entries.
          const list = await call<AccountSummary[]>(app, 'accounts.list', { filter: 'all' });
          for (const row of list) expect(row.balanceCents).toBe(balance(now.filter((entry) => entry.memberId === row.member.id)));
          // Each order's debit (order + refunds, net) is its billable total once it is to be debited
          // (a counter sale at once; else collected, or the day closed, as the relay chose), nothing otherwise.
          const dayClosed = store.all('tillClosing').length > 0;
          for (const order of store.inFile('order', `distributions/${distribution.id}.json`)) {
            const debit = balance(now.filter((entry) => entry.orderId === order.id && entry.method === undefined));
            const debited = order.cancelledAt === null && (order.counter || (mode === 'collection' ? order.collectedAt !== null : dayClosed));
            // (Added, not negated: a basket whose every line is missing nets 0, and -0 is not 0 to Object.is.)
            expect(debit + (debited ? billableTotal(order) : 0)).toBe(0);
            // A walk-in's sale is paid in full.
            if (order.memberId === null) expect(balance(now.filter((entry) => entry.orderId === order.id))).toBe(0);
          }
          // Never oversold.
          const offers = await call<OfferRow[]>(app, 'offers.forDistribution', { distributionId: distribution.id });
          for (const row of offers) if (row.remaining !== null) expect(row.remaining).toBeGreaterThanOrEqual(0);
        }

        const disk = await reopened(app.dataDir);
        const sort = <T extends { id: string }>(records: T[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));
        expect(sort(disk.all('accountEntry'))).toEqual(sort(app.workspace.store.all('accountEntry')));
        expect(sort(disk.all('order'))).toEqual(sort(app.workspace.store.all('order')));
        expect(sort(disk.all('tillClosing'))).toEqual(sort(app.workspace.store.all('tillClosing')));
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billableTotal } from '../../shared/accounts/counter';
import { balance } from '../../shared/accounts/ledger';
import type { CheckinDay } from '../../shared/checkin/day';
import type { Member } from '../../shared/model/member';
import type { Order, OrderLine } from '../../shared/model/order';
import type { SettlementView } from '../../shared/settlement/rates';
import { PICKUP_UNDER_WAY } from '../testing/pickup-day';
import { call, reopened } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';
import { weighedDay } from '../testing/weighed-day';

const tempDir = useTempDirs();

const who = fc.integer({ min: 0, max: 2 });
type Step =
  | { kind: 'weigh'; order: number; grams: number | null }
  | { kind: 'collect' | 'undo'; order: number }
  | { kind: 'missing' | 'found'; order: number; line: number }
  | { kind: 'close' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('weigh' as const), order: who, grams: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null, freq: 5 }) }) },
  fc.record({ kind: fc.constantFrom('collect' as const, 'undo' as const), order: who }),
  fc.record({ kind: fc.constantFrom('missing' as const, 'found' as const), order: who, line: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ kind: fc.constant('close' as const) }),
);

/** The expected charge of a line, computed apart from the app: exact grams × price per kg, to the nearest cent, halves up. */
function expectedLine(line: OrderLine): number {
  if (line.pieceGrams === null) return line.quantity * line.unitPriceCents;
  const grams = line.weighedGrams ?? line.quantity * line.pieceGrams;
  const tenthsOfMillicents = grams * line.unitPriceCents; // cents × 1000
  const cents = Math.floor(tenthsOfMillicents / 1000);
  return tenthsOfMillicents % 1000 >= 500 ? cents + 1 : cents;
}

describe('weighing property (issue 15)', () => {
  it('weighed lines keep totals, debits and settlement consistent, for any sequence of weighings, pickups, missing items and closings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('collection' as const, 'close' as const), fc.array(step, { minLength: 3, maxLength: 15 }), async (mode, steps) => {
        const day = await weighedDay(await tempDir());
        const { app, distribution, tomme, carrots } = day;
        await call(app, 'relay.update', { debitOrdersOn: mode });
        const orders: Order[] = [];
        for (const [index, name] of ['Anne', 'Marc', 'Léa'].entries()) {
          const member: Member = await day.member(name);
          orders.push(await day.order(member, [{ product: tomme, quantity: 1 + index }, { product: carrots, quantity: 2 }]));
        }
        app.clock.set(PICKUP_UNDER_WAY);

        for (const next of steps) {
          app.clock.advance(1000);
          const order = 'order' in next ? orders[next.order]! : undefined;
          if (next.kind === 'weigh') await app.dispatch('checkin.weigh', { orderId: order!.id, lineId: order!.lines[0]!.id, grams: next.grams });
          else if (next.kind === 'collect' || next.kind === 'undo') await app.dispatch(`checkin.${next.kind}`, { orderId: order!.id });
          else if (next.kind === 'missing' || next.kind === 'found') {
            await app.dispatch(next.kind === 'missing' ? 'checkin.markMissing' : 'checkin.clearMissing', { orderId: order!.id, lineId: order!.lines[next.line]!.id, note: '' });
          } else await app.dispatch('till.close', { distributionId: distribution.id, countedCents: 0, note: '' });

          const store = app.workspace.store;
          const entries = store.all('accountEntry');
          const dayClosed = store.all('tillClosing').length > 0;
          const stored = orders.map((known) => store.get('order', known.id)!);
          const counter = await call<CheckinDay>(app, 'checkin.day', { distributionId: distribution.id });
          const rows = new Map(counter.groups.flatMap((group) => group.orders).map((row) => [row.orderId, row]));
          let sold = 0;
          let refunded = 0;
          for (const current of stored) {
            const total = current.lines.reduce((sum, line) => sum + expectedLine(line), 0);
            const billable = current.lines.reduce((sum, line) => sum + (line.missing ? 0 : expectedLine(line)), 0);
            sold += billable;
            refunded += total - billable;
            // The counter shows the order total computed from the weighed (or estimated) lines…
            expect(rows.get(current.id)!.totalCents).toBe(total);
            expect(rows.get(current.id)!.account!.billableCents).toBe(billable);
            expect(billableTotal(current)).toBe(billable);
            // …and the member's debit is exactly that, once the order is to be debited.
            const debited = mode === 'collection' ? current.collectedAt !== null : dayClosed;
            const debit = balance(entries.filter((entry) => entry.orderId === current.id && entry.method === undefined));
            expect(debit + (debited ? billable : 0)).toBe(0);
          }
          // The settlement sells what the members are charged and refunds what was missing; its parts add up.
          const settlement = await call<SettlementView>(app, 'settlement.forDistribution', { distributionId: distribution.id });
          expect(settlement.totals.grossCents).toBe(sold);
          expect(settlement.totals.missingCents).toBe(refunded);
          for (const producer of settlement.producers) {
            expect(producer.products.reduce((sum, product) => sum + product.grossCents, 0)).toBe(producer.grossCents);
            expect(producer.owedCents + producer.hostCommissionCents + producer.serviceFeeCents).toBe(producer.grossCents);
          }
        }

        const disk = await reopened(app.dataDir);
        const sort = <T extends { id: string }>(records: T[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));
        expect(sort(disk.all('order'))).toEqual(sort(app.workspace.store.all('order')));
        expect(sort(disk.all('accountEntry'))).toEqual(sort(app.workspace.store.all('accountEntry')));
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});

/**
 * Issue 11: a member's balance comes from the index's per-month sums and a member's, an
 * order's or a till's entries from the months the index says hold some. Whatever payments,
 * reversals (undo), merged entries from another copy, reopenings and damaged index files
 * come, those answers are the ones the entries themselves give.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountEntry } from '../../shared/accounts/ledger';
import type { ChangeRecord } from '../../shared/model/change';
import { manualClock } from '../testing/fixtures';
import { readyStore } from '../testing/store-state';
import { useTempDirs } from '../testing/temp-dir';
import type { Store } from './store';
import { STORE_INDEX } from './store-index';
import { STORE_KEYS } from './index-keys';

const tempDir = useTempDirs();

/** September 2026: every month below from 2024 to June 2026 is past, left unread at each reopening. */
const NOW = new Date('2026-09-02T09:00:00.000Z');
const MONTHS = 30;
const MEMBERS = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];
const ORDERS = ['0a0a0a0a-0000-4000-8000-00000000000a', '0b0b0b0b-0000-4000-8000-00000000000b'];
const DISTRIBUTIONS = ['d1d1d1d1-0000-4000-8000-0000000000d1', 'd2d2d2d2-0000-4000-8000-0000000000d2'];
const OTHER_COPY = '0b6f7c62-7d3c-4c4e-9a59-2a9f1f6c0d11';

/** Noon on the 10th of the n-th month from January 2024. */
const monthAt = (month: number) => new Date(Date.UTC(2024, month, 10, 12)).toISOString();

type Operation =
  | { op: 'pay' | 'merge'; member: number; month: number; amountCents: number; order: number; distribution: number }
  | { op: 'reverse'; pick: number; later: number }
  | { op: 'reopen' | 'damageIndex' | 'damageKeys' };

const entryFields = {
  member: fc.nat({ max: MEMBERS.length }),
  month: fc.nat({ max: MONTHS - 1 }),
  amountCents: fc.integer({ min: 1, max: 9000 }),
  order: fc.nat({ max: ORDERS.length }),
  distribution: fc.nat({ max: DISTRIBUTIONS.length }),
};
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ op: fc.constant('pay' as const), ...entryFields }),
  fc.record({ op: fc.constant('merge' as const), ...entryFields }),
  fc.record({ op: fc.constant('reverse' as const), pick: fc.nat(), later: fc.nat({ max: 6 }) }),
  fc.constant({ op: 'reopen' as const }),
  fc.constant({ op: 'damageIndex' as const }),
  fc.constant({ op: 'damageKeys' as const }),
);

/** A payment; the last member index stands for a walk-in sale (which always names its order). */
function paymentOf(step: Extract<Operation, { op: 'pay' | 'merge' }>): AccountEntry {
  const memberId = MEMBERS[step.member] ?? null;
  const orderId = ORDERS[step.order] ?? (memberId === null ? ORDERS[0] : undefined);
  const distributionId = DISTRIBUTIONS[step.distribution];
  return {
    id: randomUUID(),
    memberId,
    at: monthAt(step.month),
    kind: 'payment',
    amountCents: step.amountCents,
    method: 'cash',
    reference: '',
    reason: '',
    ...(orderId === undefined ? {} : { orderId }),
    ...(distributionId === undefined ? {} : { distributionId }),
  };
}

const ids = (entries: readonly AccountEntry[]) => entries.map((entry) => entry.id).sort();

/**
 * What the store answers from its index and the months it loads, against the entries themselves (`model`).
 * A query that loads months can hide another's fault (it finds them loaded): which goes first turns with `turn`.
 */
function expectAnswers(store: Store, model: readonly AccountEntry[], turn: number): void {
  const unread = store.unloadedFiles;
  const owners = new Set([...MEMBERS, null]);
  const balances = store.balancesOf(owners);
  // A balance reads no month.
  expect(store.unloadedFiles).toBe(unread);
  for (const memberId of owners) {
    const own = model.filter((entry) => entry.memberId === memberId);
    expect(balances.get(memberId)).toBe(own.reduce((sum, entry) => sum + entry.amountCents, 0));
    expect(store.accountTotals().get(memberId)?.entryCount ?? 0).toBe(own.length);
  }
  const queries = [
    () => {
      for (const memberId of MEMBERS) expect(ids(store.entriesOfMember(memberId))).toEqual(ids(model.filter((entry) => entry.memberId === memberId)));
    },
    () => {
      for (const orderId of ORDERS) expect(ids(store.entriesOfOrders(new Set([orderId])))).toEqual(ids(model.filter((entry) => entry.orderId === orderId)));
    },
    () => {
      for (const distributionId of DISTRIBUTIONS) {
        expect(ids(store.entriesOfDistribution(distributionId))).toEqual(ids(model.filter((entry) => entry.distributionId === distributionId)));
      }
    },
  ];
  for (let n = 0; n < queries.length; n += 1) queries[(turn + n) % queries.length]!();
}

describe('the per-member index of accounts', () => {
  it('balances and entries of members, orders and tills stay right through payments, reversals, merges, reopenings and damaged index files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 14 }), async (operations) => {
        const dataDir = await tempDir();
        const clock = manualClock(NOW);
        clock.tick(1000);
        const open = () => readyStore({ dataDir, now: clock.now, foldWhenIdleMs: false });
        let store = await open();
        const model: AccountEntry[] = [];
        let merged = 0;
        for (const [turn, step] of operations.entries()) {
          switch (step.op) {
            case 'pay': {
              const entry = paymentOf(step);
              await store.transact((tx) => void tx.put('accountEntry', entry));
              model.push(entry);
              break;
            }
            case 'merge': {
              // Written on another copy: arrives as a change record, merged per field.
              const entry = paymentOf(step);
              merged += 1;
              const at = `${new Date(NOW.getTime() - 3_600_000 + merged * 1000).toISOString()}-0000-${OTHER_COPY}`;
              const change: ChangeRecord = { at, device: OTHER_COPY, entity: 'accountEntry', entityId: entry.id, fields: { ...entry } };
              expect((await store.merge([change], 'team')).parked).toEqual([]);
              model.push(entry);
              break;
            }
            case 'reverse': {
              // Undo: a payment not reversed yet is cancelled by a reversal, a few months later.
              const reversed = new Set(model.flatMap((entry) => entry.reverses ?? []));
              const open = model.filter((entry) => entry.kind === 'payment' && !reversed.has(entry.id));
              const target = open[step.pick % Math.max(open.length, 1)];
              if (!target) break;
              const at = monthAt(Math.min(new Date(target.at).getUTCMonth() + (new Date(target.at).getUTCFullYear() - 2024) * 12 + step.later, MONTHS - 1));
              const { method: _method, ...rest } = target;
              const reversal: AccountEntry = { ...rest, id: randomUUID(), at, kind: 'reversal', amountCents: -target.amountCents, method: target.method!, reverses: target.id, reason: 'annulé' };
              await store.transact((tx) => void tx.put('accountEntry', reversal));
              model.push(reversal);
              break;
            }
            case 'reopen':
            case 'damageIndex':
            case 'damageKeys':
              await store.close();
              if (step.op === 'damageIndex') await writeFile(join(dataDir, STORE_INDEX), '{"format":"cabas-store-index","files":');
              if (step.op === 'damageKeys') await writeFile(join(dataDir, STORE_KEYS), 'not json');
              store = await open();
          }
          expectAnswers(store, model, turn);
        }
        // A last reopening, from the files alone.
        await store.close();
        store = await open();
        expectAnswers(store, model, operations.length);
        await store.close();
      }),
      { numRuns: 25 },
    );
  });
});

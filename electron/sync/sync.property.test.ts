/**
 * Issue 6's convergence property, on three real copies (backend, store and files
 * on disk) sharing one real folder: random operations (members, stock, orders,
 * collections that debit accounts, payments) on random copies, random
 * syncs (a copy that does not sync is partitioned), then everyone syncs →
 * identical data everywhere, every acknowledged change is either there or
 * superseded by a later write of the same field, and reading the same files
 * again changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DistributionView } from '../../shared/catalogue/views';
import type { ChangeRecord } from '../../shared/model/change';
import type { Member } from '../../shared/model/member';
import type { Order } from '../../shared/model/order';
import type { Product } from '../../shared/model/product';
import { stampOf } from '../../shared/sync/stamps';
import type { SyncConflict } from '../../shared/sync/conflicts';
import { entityKinds } from '../store/entities';
import { useTempDirs } from '../testing/temp-dir';
import { call, createProducer, createProduct, openApp, type TestApp } from '../testing/service-calls';
import { enrol } from '../testing/roster';

const tempDir = useTempDirs();

type Step =
  | { kind: 'member'; copy: number; name: string }
  | { kind: 'rename'; copy: number; target: number; name: string }
  | { kind: 'stock'; copy: number; product: number; quantity: number }
  | { kind: 'order'; copy: number; member: number; product: number; quantity: number }
  | { kind: 'collect'; copy: number; member: number }
  | { kind: 'pay'; copy: number; member: number; cents: number }
  | { kind: 'sync'; copy: number }
  /** Time passes for everyone; one copy's clock is set off by up to a minute either way (even backwards). */
  | { kind: 'tick'; copy: number; ms: number; skew: number };

const copy = fc.integer({ min: 0, max: 2 });
const small = fc.integer({ min: 0, max: 5 });
const name = fc.constantFrom('Anne', 'Marc', 'Léa', 'Zoé', 'Paul');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('member' as const), copy, name }),
  fc.record({ kind: fc.constant('rename' as const), copy, target: small, name }),
  fc.record({ kind: fc.constant('stock' as const), copy, product: fc.integer({ min: 0, max: 1 }), quantity: fc.integer({ min: 0, max: 20 }) }),
  fc.record({ kind: fc.constant('order' as const), copy, member: small, product: fc.integer({ min: 0, max: 1 }), quantity: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('collect' as const), copy, member: small }),
  fc.record({ kind: fc.constant('pay' as const), copy, member: small, cents: fc.integer({ min: 1, max: 5000 }) }),
  fc.record({ kind: fc.constant('sync' as const), copy }),
  fc.record({ kind: fc.constant('tick' as const), copy, ms: fc.integer({ min: 1, max: 90_000 }), skew: fc.integer({ min: -60_000, max: 60_000 }) }),
);

function dataOf(app: TestApp) {
  const store = app.workspace.store;
  return Object.fromEntries(entityKinds.map((kind) => [kind, [...store.all(kind)].sort((a, b) => a.id.localeCompare(b.id))]));
}

async function syncAll(copies: TestApp[]): Promise<void> {
  // Two rounds: what the last copy sends in round one reaches the first in round two.
  for (let round = 0; round < 2; round++) for (const app of copies) await call(app, 'sync.now', {});
}

describe('sync through a shared folder (property)', () => {
  it('three copies, random operations and syncs, partitions → identical data, no acknowledged change lost, re-reading changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 24 }), async (steps) => {
        const folder = await tempDir();
        const start = new Date('2026-03-04T09:00:00.000Z');
        const copies = [await openApp(await tempDir(), start), await openApp(await tempDir(), start), await openApp(await tempDir(), start)];
        const acknowledged: ChangeRecord[] = [];
        let base = start.getTime();
        const skews = [0, 0, 0];
        for (const app of copies) {
          app.workspace.store.onChange((changes) => acknowledged.push(...changes));
          await call(app, 'sync.saveSettings', { teamFolder: folder, autoSyncMinutes: 0 });
        }
        // The organiser's copy sets the relay up; the others join it.
        const [first] = copies as [TestApp];
        const producer = await createProducer(first, 'Ferme du Bois');
        const products: Product[] = [await createProduct(first, producer.id, { name: 'Carottes' }), await createProduct(first, producer.id, { name: 'Oeufs', unit: 'piece' })];
        const distribution = await call<DistributionView>(first, 'distributions.create', { pickupDate: '2026-03-06', pickupStart: '17:00', pickupEnd: '19:00' });
        for (const product of products) await call(first, 'offers.set', { distributionId: distribution.id, productId: product.id, quantity: 10 });
        await enrol(first, copies.slice(1));
        await syncAll(copies);

        for (const next of steps) {
          const app = copies[next.copy]!;
          const members = [...app.workspace.store.all('member')].sort((a, b) => a.id.localeCompare(b.id));
          switch (next.kind) {
            case 'member':
              await call<Member>(app, 'members.create', { name: next.name });
              break;
            case 'rename': {
              const member = members[next.target % Math.max(members.length, 1)];
              if (member) await call(app, 'members.update', { id: member.id, changes: { name: `${next.name} ${next.copy}` } });
              break;
            }
            case 'stock':
              // May be refused (below what this copy knows is ordered): a refusal changes nothing.
              await app.dispatch('offers.set', { distributionId: distribution.id, productId: products[next.product]!.id, quantity: next.quantity });
              break;
            case 'order': {
              const member = members[next.member % Math.max(members.length, 1)];
              if (!member) break;
              const existing = app.workspace.store.all('order').find((order) => order.memberId === member.id && order.cancelledAt === null);
              const order = existing ?? (await call<Order>(app, 'orders.open', { distributionId: distribution.id, memberId: member.id, late: false }));
              await app.dispatch('orders.addLine', { orderId: order.id, productId: products[next.product]!.id, quantity: next.quantity });
              break;
            }
            case 'collect': {
              // Collecting debits the member's account on this copy (two copies may both do it offline).
              const member = members[next.member % Math.max(members.length, 1)];
              const order = member && app.workspace.store.all('order').find((candidate) => candidate.memberId === member.id && candidate.cancelledAt === null);
              if (order) await app.dispatch('checkin.collect', { orderId: order.id });
              break;
            }
            case 'pay': {
              const member = members[next.member % Math.max(members.length, 1)];
              if (member) await call(app, 'accounts.recordPayment', { memberId: member.id, amountCents: next.cents, method: 'cash' });
              break;
            }
            case 'sync':
              await call(app, 'sync.now', {});
              break;
            case 'tick':
              base += next.ms;
              skews[next.copy] = next.skew;
              copies.forEach((each, index) => each.clock.set(new Date(base + skews[index]!)));
              break;
          }
        }
        await syncAll(copies);

        const [a, b, c] = copies.map(dataOf);
        expect(b).toEqual(a);
        expect(c).toEqual(a);
        // What the data says is wrong (oversold stock, double debits, two orders for one member…) is listed alike everywhere;
        // only "edited on two copies" is seen by the copy that had the edit set aside.
        const derived = async (app: TestApp) => (await call<SyncConflict[]>(app, 'sync.conflicts', {})).filter((conflict) => conflict.kind !== 'orderEdited');
        const listed = await derived(first);
        for (const app of copies.slice(1)) expect(await derived(app)).toEqual(listed);
        // Every change a copy acknowledged is there, or a later write of the same field replaced it.
        const store = first.workspace.store;
        for (const change of acknowledged) {
          for (const field of Object.keys(change.fields)) {
            const at = stampOf(store.stampsOf(change.entity, change.entityId), field);
            expect(at! >= change.at, `${change.entity} ${change.entityId} ${field}`).toBe(true);
          }
        }
        // Re-reading every file from the start changes nothing.
        for (const app of copies) {
          const before = dataOf(app);
          const state = (app.syncer as unknown as { state: { folders: { team?: { read: object } } } }).state;
          state.folders.team!.read = {};
          await call(app, 'sync.now', {});
          expect(dataOf(app)).toEqual(before);
        }
      }),
      { numRuns: 15 },
    );
  }, 240_000);
});

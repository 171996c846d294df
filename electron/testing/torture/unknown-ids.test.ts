/**
 * The payloads the fuzz pass sends with unknown ids (unknown-ids.ts) must get past
 * the schema, or the pass would only test validation again.
 */
import { describe, expect, it } from 'vitest';
import { contract, type OperationName } from '../../../shared/contract/operations';
import type { StandingOrderView } from '../../../shared/standing/views';
import { pickupDay } from '../pickup-day';
import { call, folded, settle } from '../service-calls';
import { snapshotFolder, useTempDirs } from '../temp-dir';
import { nestedUnknownIdsPayloads, unknownIdsPayload, unknownIdsPayloads } from './unknown-ids';

const tempDir = useTempDirs();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('payloads naming unknown ids', () => {
  it.each<OperationName>(['orders.addLine', 'products.create', 'distributions.update', 'slots.add', 'offers.set', 'members.update'])('%s: accepted by its schema, every id a fresh UUID', (name) => {
    const payload = unknownIdsPayload(name) as Record<string, unknown>;
    expect(payload).not.toBeNull();
    expect(contract[name].input.safeParse(payload).success).toBe(true);
    const ids = Object.entries(payload).filter(([key]) => /(^id$|Id$)/.test(key));
    expect(ids.length).toBeGreaterThan(0);
    for (const [, value] of ids) expect(value).toMatch(UUID);
  });

  it('beside records that exist, each id in turn is the unknown one', () => {
    const known = { order: 'a0000000-0000-4000-8000-000000000001', product: 'a0000000-0000-4000-8000-000000000002' };
    const payloads = unknownIdsPayloads('orders.addLine', known) as { orderId: string; productId: string }[];
    expect(payloads).toHaveLength(2);
    expect(payloads.map(({ orderId, productId }) => [orderId === known.order, productId === known.product])).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  it('operations without an id to name get none', () => {
    expect(unknownIdsPayload('app.status')).toBeNull();
    expect(unknownIdsPayload('members.create')).toBeNull();
  });
});

/** The kind of the one id in `payload` that is not among `known`: `productId` → product. */
function unknownKind(payload: unknown, known: string[]): string {
  const [, kind] = [...JSON.stringify(payload).matchAll(/"(\w+)Id":"([^"]+)"/g)].find(([, , id]) => !known.includes(id!)) ?? [];
  return kind ?? '?';
}

/** The operations whose payload nests ids in a list: each must look every nested id up, not only its own fields. */
const NESTED = ['offers.saveMany', 'counter.sell', 'standingOrders.create', 'standingOrders.setLines'] as const;

describe('an unknown id nested in a list, beside records that exist', () => {
  it('is built for every operation that nests ids, and only for those', () => {
    const kinds = ['producer', 'product', 'distribution', 'member', 'order', 'slot', 'offer', 'standingOrder'];
    const known = Object.fromEntries(kinds.map((kind, i) => [kind, `a0000000-0000-4000-8000-00000000000${i}`]));
    const nesting = (Object.keys(contract) as OperationName[]).filter((name) => nestedUnknownIdsPayloads(name, known).length > 0);
    expect(nesting.sort()).toEqual([...NESTED].sort());
  });

  it.each(NESTED)('%s: refused by the nested record’s own message, and nothing is written', async (name) => {
    const day = await pickupDay(await tempDir());
    const member = await day.member('Zoé Martin');
    const standing = await call<StandingOrderView>(day.app, 'standingOrders.create', { memberId: member.id, lines: [{ productId: day.bread.id, quantity: 1 }] });
    const known = {
      producer: day.carrots.producerId,
      product: day.carrots.id,
      distribution: day.distribution.id,
      member: member.id,
      standingOrder: standing.standingOrder.id,
    };
    await settle(day.app);
    const before = await snapshotFolder(day.app.dataDir);

    const payloads = nestedUnknownIdsPayloads(name, known);
    expect(payloads.length).toBeGreaterThan(0);
    for (const payload of payloads) {
      const outcome = await day.app.dispatch(name, payload);
      expect(outcome.ok, `${name} accepted ${JSON.stringify(payload)}`).toBe(false);
      // The nested id left unknown is the only one naming nothing: its kind's message is the refusal expected.
      if (!outcome.ok) expect(outcome.error.key).toBe(`error.${unknownKind(payload, Object.values(known))}NotFound`);
    }
    expect(await folded(day.app)).toEqual([]);
    expect(await snapshotFolder(day.app.dataDir)).toEqual(before);
    await day.app.close();
  });
});

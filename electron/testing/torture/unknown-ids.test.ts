/**
 * The payloads the fuzz pass sends with unknown ids (unknown-ids.ts) must get past
 * the schema, or the pass would only test validation again.
 */
import { describe, expect, it } from 'vitest';
import { contract, type OperationName } from '../../../shared/contract/operations';
import { unknownIdsPayload, unknownIdsPayloads } from './unknown-ids';

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

import { describe, expect, it } from 'vitest';
import type { OrderLine } from '../model/order';
import { unweighedLines } from './unweighed';

const at = '2026-03-06T16:00:00.000Z';
const line = (id: string, productName: string, fields: Partial<OrderLine> = {}): OrderLine => ({
  id, productId: `p-${productName}`, productName, quantity: 1, unitPriceCents: 1890, vatRateBp: 600, addedAt: at, missing: null, pieceGrams: 400, weighedGrams: null, ...fields,
});
const order = (basketNumber: number, name: string, lines: OrderLine[]) => ({ orderId: `o${basketNumber}`, basketNumber, member: { name }, lines });

describe('the lines to weigh before the day is closed (issue 15)', () => {
  it('lists the lines sold by weight not yet weighed, by product then basket; weighed, missing and per-unit lines are left out', () => {
    const listed = unweighedLines([
      order(2, 'Marc', [line('a', 'Tomme'), line('b', 'Carottes', { pieceGrams: null }), line('c', 'Comté', { weighedGrams: 512 })]),
      order(1, 'Anne', [line('d', 'Tomme'), line('e', 'Comté'), line('f', 'Beaufort', { missing: { note: '', at } })]),
    ]);
    expect(listed.map((entry) => [entry.line.productName, entry.basketNumber, entry.memberName])).toEqual([
      ['Comté', 1, 'Anne'],
      ['Tomme', 1, 'Anne'],
      ['Tomme', 2, 'Marc'],
    ]);
  });
});

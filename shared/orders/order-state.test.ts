import { describe, expect, it } from 'vitest';
import { orderStates } from './order-state';

const order = { late: false, cancelledAt: null, collectedAt: null, noShowAt: null };
const at = '2026-12-04T17:12:00.000Z';

describe('the État of an order', () => {
  it('says nothing of an order still awaited', () => {
    expect(orderStates(order, false)).toEqual([]);
  });

  it('says collected, absent and paid', () => {
    expect(orderStates({ ...order, collectedAt: at }, false)).toEqual(['collected']);
    expect(orderStates({ ...order, noShowAt: at }, false)).toEqual(['absent']);
    expect(orderStates({ ...order, collectedAt: at }, true)).toEqual(['collected', 'paid']);
  });

  it('puts a cancelled order first and says no more than whether it was late', () => {
    expect(orderStates({ ...order, late: true, cancelledAt: at, collectedAt: at }, true)).toEqual(['cancelled', 'late']);
  });

  it('does not call absent a member who came after all', () => {
    expect(orderStates({ ...order, late: true, noShowAt: at, collectedAt: at }, false)).toEqual(['late', 'collected']);
  });
});

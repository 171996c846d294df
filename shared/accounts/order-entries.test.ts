import { describe, expect, it } from 'vitest';
import type { Order } from '../model/order';
import { counterAccount } from './counter';
import { balance, type AccountEntry } from './ledger';
import { orderEntriesToWrite } from './order-entries';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = '2026-03-06T16:30:00.000Z';
const line = (n: number, quantity: number, unitPriceCents: number, missing = false) => ({
  id: uuid(100 + n), productId: uuid(200 + n), productName: `p${n}`, quantity, unitPriceCents, vatRateBp: 600, addedAt: at,
  missing: missing ? { note: '', at } : null,
  pieceGrams: null,
  weighedGrams: null,
});
const order = (lines: Order['lines']) => ({ id: uuid(1), memberId: uuid(2), distributionId: uuid(3), lines });

function maker() {
  let next = 500;
  return { at, newId: () => uuid(next++), reason: (cause: string) => cause };
}

/** Writes what the function asks, as the service does, and returns the whole ledger. */
function settle(current: ReturnType<typeof order>, debited: boolean, entries: AccountEntry[], make = maker()): AccountEntry[] {
  return [...entries, ...orderEntriesToWrite(current, debited, entries, make)];
}

describe('an order’s entries', () => {
  it('debits the whole total once, refunds each missing line, and writes nothing more when asked again', () => {
    const make = maker();
    const basket = order([line(1, 2, 250), line(2, 1, 380, true)]);
    const ledger = settle(basket, true, [], make);
    expect(ledger.map((entry) => [entry.kind, entry.amountCents, entry.lineId])).toEqual([
      ['order', -880, undefined],
      ['refund', 380, uuid(102)],
    ]);
    expect(orderEntriesToWrite(basket, true, ledger, make)).toEqual([]);
    expect(balance(ledger)).toBe(-500);
  });

  it('an item found reverses its refund; a pickup undone reverses everything; a changed total is reversed and debited again', () => {
    const make = maker();
    const missing = order([line(1, 2, 250), line(2, 1, 380, true)]);
    let ledger = settle(missing, true, [], make);
    const found = order([line(1, 2, 250), line(2, 1, 380)]);
    ledger = settle(found, true, ledger, make);
    expect(ledger.at(-1)).toMatchObject({ kind: 'reversal', amountCents: -380, reason: 'found', lineId: uuid(102) });
    expect(balance(ledger)).toBe(-880);
    const bigger = order([line(1, 3, 250), line(2, 1, 380)]);
    ledger = settle(bigger, true, ledger, make);
    expect(ledger.slice(-2).map((entry) => [entry.kind, entry.amountCents, entry.reason])).toEqual([
      ['reversal', 880, 'changed'],
      ['order', -1130, ''],
    ]);
    ledger = settle(bigger, false, ledger, make);
    expect(balance(ledger)).toBe(0);
    expect(ledger.at(-1)).toMatchObject({ kind: 'reversal', reason: 'notDebited' });
  });

  it('an empty basket is never debited', () => {
    expect(orderEntriesToWrite(order([]), true, [], maker())).toEqual([]);
  });
});

describe('what the counter asks', () => {
  const payment = (n: number, amountCents: number, orderId?: string): AccountEntry => ({
    id: uuid(n), memberId: uuid(2), at, kind: 'payment', amountCents, method: 'cash', reference: '', reason: '', ...(orderId ? { orderId } : {}),
  });

  it('the issue’s case: 10,00 € credit and a 23,40 € order → 13,40 € due, before and after the debit, and nothing once paid', () => {
    const basket = order([line(1, 6, 390)]);
    const credit = [payment(10, 1000)];
    expect(counterAccount(basket, credit).due).toMatchObject({ dueCents: 1340, creditUsedCents: 1000 });
    const debited = settle(basket, true, credit);
    expect(counterAccount(basket, debited)).toMatchObject({ balanceCents: -1340, due: { dueCents: 1340 } });
    const paid = [...debited, payment(11, 1340, basket.id)];
    expect(counterAccount(basket, paid)).toMatchObject({ balanceCents: 0, paidCents: 1340, due: { dueCents: 0 } });
  });

  it('a debt from last time is added; a missing line is not charged', () => {
    const debt = [{ ...payment(10, 500), kind: 'order' as const, amountCents: -500, method: undefined, orderId: uuid(9) }];
    expect(counterAccount(order([line(1, 2, 250), line(2, 1, 380, true)]), debt).due).toMatchObject({ dueCents: 1000, previousDebtCents: 500 });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAYMENT_METHODS, reverse, type AccountEntry, type PaymentMethod } from './ledger';
import { closeTill, methodTotals } from './till';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = '2026-03-06T17:00:00.000Z';
const pay = (n: number, cents: number, method: PaymentMethod): AccountEntry => ({
  id: uuid(n), memberId: uuid(100 + n), at, kind: 'payment', amountCents: cents, method, reference: '', reason: '',
});

describe('closing the till', () => {
  it('expects the float plus the day’s cash (a reversed cash payment not included), reports the difference and the totals per method', () => {
    const mistaken = pay(4, 500, 'cash');
    const day: AccountEntry[] = [
      pay(1, 1340, 'cash'),
      pay(2, 2000, 'cash'),
      pay(3, 2340, 'card'),
      mistaken,
      reverse(mistaken, 'encaissé deux fois', at, uuid(5)),
      pay(6, 4500, 'transfer'),
      pay(7, 1200, 'cheque'),
      // Orders and refunds move no money through the till.
      { id: uuid(8), memberId: uuid(108), at, kind: 'order', amountCents: -2340, orderId: uuid(9), reference: '', reason: '' },
      { id: uuid(10), memberId: uuid(110), at, kind: 'refund', amountCents: 250, reference: '', reason: '' },
    ];
    expect(closeTill(day, 8300, 5000)).toEqual({
      expectedCents: 8340,
      countedCents: 8300,
      differenceCents: -40,
      byMethod: { cash: 3340, card: 2340, transfer: 4500, cheque: 1200, other: 0 },
    });
    expect(closeTill(day, 3400).differenceCents).toBe(60);
    expect(closeTill([], 0)).toEqual({ expectedCents: 0, countedCents: 0, differenceCents: 0, byMethod: { cash: 0, card: 0, transfer: 0, cheque: 0, other: 0 } });
  });

  it('refuses a count or float that is not whole non-negative cents', () => {
    expect(() => closeTill([], -1)).toThrow(RangeError);
    expect(() => closeTill([], 100, 0.5)).toThrow(RangeError);
  });

  it('for any day, the expected cash is the float plus the cash payments net of reversals, and the methods add up to all the money taken', () => {
    const payment = fc.record({ cents: fc.integer({ min: 1, max: 100_000 }), method: fc.constantFrom(...PAYMENT_METHODS), reversed: fc.boolean() });
    const cents = fc.integer({ min: 0, max: 10_000_000 });
    fc.assert(
      fc.property(fc.array(payment, { maxLength: 30 }), cents, cents, (payments, counted, float) => {
        const day = payments.flatMap((p, n) => {
          const entry = pay(n, p.cents, p.method);
          return p.reversed ? [entry, reverse(entry, 'erreur', at, uuid(1000 + n))] : [entry];
        });
        const kept = payments.filter((p) => !p.reversed);
        const closing = closeTill(day, counted, float);
        expect(closing.expectedCents).toBe(float + kept.filter((p) => p.method === 'cash').reduce((sum, p) => sum + p.cents, 0));
        expect(closing.differenceCents).toBe(counted - closing.expectedCents);
        expect(Object.values(methodTotals(day)).reduce((sum, v) => sum + v, 0)).toBe(kept.reduce((sum, p) => sum + p.cents, 0));
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cashChange, dueAtCounter, paymentAtCounter } from './due';
import { balance, type AccountEntry } from './ledger';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const base = (n: number) => ({ id: uuid(n), memberId: uuid(100), at: `2026-03-0${n}T17:00:00.000Z`, reference: '', reason: '' });
const advance = (n: number, cents: number): AccountEntry => ({ ...base(n), kind: 'payment', amountCents: cents, method: 'transfer' });
const collected = (n: number, cents: number): AccountEntry => ({ ...base(n), kind: 'order', amountCents: -cents, orderId: uuid(200 + n) });
const cash = (n: number, cents: number): AccountEntry => ({ ...base(n), kind: 'payment', amountCents: cents, method: 'cash' });

describe('at the counter', () => {
  it('the issue’s case: 10,00 € credit, a 23,40 € order, 15,00 € in cash → due 13,40 €, change 1,60 €, balance after 0', () => {
    const account = [advance(1, 1000)];
    const due = dueAtCounter(2340, balance(account));
    expect(due).toEqual({ dueCents: 1340, creditUsedCents: 1000, creditLeftCents: 0, previousDebtCents: 0 });
    const change = cashChange(due.dueCents, 1500);
    expect(change).toEqual({ changeCents: 160, paidCents: 1340, unpaidCents: 0 });
    // The payment recorded is what the relay keeps, not the note handed over.
    expect(balance([...account, collected(2, 2340), cash(3, change.paidCents)])).toBe(0);
  });

  it('a partial payment leaves a debt that is added to what is due next time', () => {
    const due = dueAtCounter(2340, 0);
    const change = cashChange(due.dueCents, 2000);
    expect(change).toEqual({ changeCents: 0, paidCents: 2000, unpaidCents: 340 });
    const account = [collected(1, 2340), cash(2, change.paidCents)];
    expect(balance(account)).toBe(-340);
    expect(dueAtCounter(1500, balance(account))).toEqual({ dueCents: 1840, creditUsedCents: 0, creditLeftCents: 0, previousDebtCents: 340 });
  });

  it('credit larger than the order: nothing due, the rest stays; no order: only the debt is due', () => {
    expect(dueAtCounter(2340, 5000)).toEqual({ dueCents: 0, creditUsedCents: 2340, creditLeftCents: 2660, previousDebtCents: 0 });
    expect(dueAtCounter(0, -340)).toEqual({ dueCents: 340, creditUsedCents: 0, creditLeftCents: 0, previousDebtCents: 340 });
    expect(cashChange(0, 500)).toEqual({ changeCents: 500, paidCents: 0, unpaidCents: 0 });
  });

  it('refuses amounts that are not integer cents, and a negative total or tender', () => {
    expect(() => dueAtCounter(23.4, 0)).toThrow(RangeError);
    expect(() => dueAtCounter(-1, 0)).toThrow(RangeError);
    expect(() => dueAtCounter(100, 0.5)).toThrow(RangeError);
    expect(() => cashChange(100, -1)).toThrow(RangeError);
    expect(() => cashChange(Number.NaN, 100)).toThrow(RangeError);
  });

  it('for any order, balance and tender: credit first, nothing negative, amounts add up, and paying what is due leaves no debt', () => {
    const cents = fc.integer({ min: 0, max: 1_000_000 });
    fc.assert(
      fc.property(cents, fc.integer({ min: -1_000_000, max: 1_000_000 }), cents, (total, balanceCents, tendered) => {
        const due = dueAtCounter(total, balanceCents);
        for (const value of Object.values(due)) expect(value).toBeGreaterThanOrEqual(0);
        expect(due.creditUsedCents).toBeLessThanOrEqual(total);
        expect(due.creditUsedCents + due.creditLeftCents).toBe(Math.max(balanceCents, 0));
        // Paying exactly what is due leaves the account at the credit left: never in debt.
        expect(balanceCents - total + due.dueCents).toBe(due.creditLeftCents);
        const change = cashChange(due.dueCents, tendered);
        expect(Math.min(change.changeCents, change.paidCents, change.unpaidCents)).toBeGreaterThanOrEqual(0);
        expect(change.paidCents + change.changeCents).toBe(tendered);
        expect(change.paidCents + change.unpaidCents).toBe(due.dueCents);
        // What is left unpaid is exactly the debt the next visit shows.
        const after = balanceCents - total + change.paidCents;
        expect(dueAtCounter(0, after).dueCents).toBe(change.unpaidCents);
      }),
    );
  });
});

describe('a payment at the counter by another method than cash', () => {
  it('charges what was typed: short leaves a debt, more stays as credit; a walk-in gets change instead', () => {
    expect(paymentAtCounter('card', 1340, 1000)).toEqual({ changeCents: 0, paidCents: 1000, unpaidCents: 340, extraCreditCents: 0 });
    expect(paymentAtCounter('transfer', 1340, 2000)).toEqual({ changeCents: 0, paidCents: 2000, unpaidCents: 0, extraCreditCents: 660 });
    expect(paymentAtCounter('cash', 1340, 1500)).toEqual({ changeCents: 160, paidCents: 1340, unpaidCents: 0, extraCreditCents: 0 });
    expect(paymentAtCounter('card', 760, 1000, true)).toEqual({ changeCents: 240, paidCents: 760, unpaidCents: 0, extraCreditCents: 0 });
    expect(() => paymentAtCounter('card', 100, -1)).toThrow(RangeError);
  });
});

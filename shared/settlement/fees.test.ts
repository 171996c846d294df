import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideHalfUp, percentOf, settle } from './fees';

const rates = { hostCommissionBp: 835, serviceFeeBp: 1165 };

describe('fees and rounding', () => {
  it('rounds halves up, exactly', () => {
    expect(divideHalfUp(5, 10)).toBe(1);
    expect(divideHalfUp(4, 10)).toBe(0);
    expect(divideHalfUp(15, 10)).toBe(2);
    expect(percentOf(1000, 835)).toBe(84); // 83.5 → 84
    expect(percentOf(1000, 1165)).toBe(117); // 116.5 → 117
  });

  it('takes nothing at 0 %', () => {
    const result = settle([{ quantity: 3, unitPriceCents: 250, vatRateBp: 600 }], { hostCommissionBp: 0, serviceFeeBp: 0 });
    expect(result).toMatchObject({ grossCents: 750, hostCommissionCents: 0, serviceFeeCents: 0, owedCents: 750 });
  });

  it('applies the typical La Ruche split to a producer total', () => {
    const result = settle(
      [
        { quantity: 2, unitPriceCents: 350, vatRateBp: 600 },
        { quantity: 1, unitPriceCents: 1290, vatRateBp: 600 },
      ],
      rates,
    );
    // gross 1990; 8.35 % = 166.165 → 166; 11.65 % = 231.835 → 232.
    expect(result).toMatchObject({ grossCents: 1990, hostCommissionCents: 166, serviceFeeCents: 232, owedCents: 1592 });
    expect(result.vat).toEqual([{ vatRateBp: 600, grossCents: 1990, netCents: 1877, vatCents: 113 }]);
  });

  it('rounds once on the total, not per line: 300 lines of 0,07 €', () => {
    const lines = Array.from({ length: 300 }, () => ({ quantity: 1, unitPriceCents: 7, vatRateBp: 600 }));
    const result = settle(lines, rates);
    // Per line, 8.35 % of 7 cents rounds to 1 cent: 300 cents. On the total of 2100: 175.35 → 175.
    expect(result.hostCommissionCents).toBe(175);
    expect(result.grossCents).toBe(2100);
  });

  it('splits VAT per rate', () => {
    const result = settle(
      [
        { quantity: 1, unitPriceCents: 1060, vatRateBp: 600 },
        { quantity: 1, unitPriceCents: 1210, vatRateBp: 2100 },
      ],
      rates,
    );
    expect(result.vat).toEqual([
      { vatRateBp: 600, grossCents: 1060, netCents: 1000, vatCents: 60 },
      { vatRateBp: 2100, grossCents: 1210, netCents: 1000, vatCents: 210 },
    ]);
  });

  it('for any lines and rates, the parts add up to the gross and nothing is negative', () => {
    const line = fc.record({
      quantity: fc.integer({ min: 1, max: 50 }),
      unitPriceCents: fc.integer({ min: 0, max: 20_000 }),
      vatRateBp: fc.constantFrom(0, 550, 600, 1000, 1200, 2000, 2100),
    });
    const rate = fc.integer({ min: 0, max: 5_000 });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), rate, rate, (lines, hostCommissionBp, serviceFeeBp) => {
        const result = settle(lines, { hostCommissionBp, serviceFeeBp });
        expect(result.grossCents).toBe(lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0));
        expect(result.hostCommissionCents + result.serviceFeeCents + result.owedCents).toBe(result.grossCents);
        expect(result.vat.reduce((sum, share) => sum + share.grossCents, 0)).toBe(result.grossCents);
        for (const share of result.vat) expect(share.netCents + share.vatCents).toBe(share.grossCents);
        expect(result.owedCents).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

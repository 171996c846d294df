import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../contract/errors';
import { canSell, checkOfferQuantity, offerPrice, remaining } from './stock';

describe('offer rules', () => {
  it('refuses to lower stock below what is ordered, saying how much is ordered', () => {
    let refusal: unknown;
    try {
      checkOfferQuantity(11, 12, 'Carottes');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(UserError);
    expect((refusal as UserError).key).toBe('error.stockBelowOrdered');
    expect((refusal as UserError).params).toEqual({ product: 'Carottes', ordered: 12, quantity: 11 });
    expect(() => checkOfferQuantity(12, 12, 'Carottes')).not.toThrow();
  });

  it('treats a null quantity as unlimited', () => {
    expect(remaining({ quantity: null }, 500)).toBeNull();
    expect(canSell({ quantity: null }, 500, 1_000)).toBe(true);
    expect(() => checkOfferQuantity(null, 500, 'Pain')).not.toThrow();
  });

  it('uses the week price when set, the catalogue price otherwise', () => {
    expect(offerPrice({ priceCents: 180 }, { priceCents: 250 })).toBe(180);
    expect(offerPrice({ priceCents: 0 }, { priceCents: 250 })).toBe(0);
    expect(offerPrice({ priceCents: null }, { priceCents: 250 })).toBe(250);
  });
});

type Step = { kind: 'setStock'; quantity: number | null } | { kind: 'order'; units: number } | { kind: 'cancel'; units: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('setStock' as const), quantity: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }) }),
  fc.record({ kind: fc.constant('order' as const), units: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('cancel' as const), units: fc.integer({ min: 1, max: 8 }) }),
);

describe('stock property', () => {
  it('for any sequence of stock edits and orders, remaining = available − ordered and is never negative', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const offer = { quantity: 10 as number | null };
        let ordered = 0;
        for (const next of steps) {
          if (next.kind === 'setStock') {
            try {
              checkOfferQuantity(next.quantity, ordered, 'X');
              offer.quantity = next.quantity;
            } catch {
              // Refused: nothing changes.
            }
          } else if (next.kind === 'order') {
            if (canSell(offer, ordered, next.units)) ordered += next.units;
          } else {
            ordered -= Math.min(ordered, next.units);
          }
          const left = remaining(offer, ordered);
          if (left !== null) {
            expect(left).toBeGreaterThanOrEqual(0);
            expect(left).toBe(offer.quantity! - ordered);
          }
        }
      }),
    );
  });
});

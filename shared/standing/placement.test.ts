import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { planPlacement } from './placement';
import { placementId } from './placement-id';

const CARROTS = '11111111-1111-4111-8111-111111111111';
const EGGS = '22222222-2222-4222-8222-222222222222';
const HONEY = '33333333-3333-4333-8333-333333333333';
const names: Record<string, string> = { [CARROTS]: 'Carottes', [EGGS]: 'Œufs', [HONEY]: 'Miel' };
const productName = (productId: string) => names[productId] ?? null;

describe('placing a wanted basket within stock', () => {
  it('places what is left, says partial, out of stock or no longer offered, and never more than the remaining stock', () => {
    const plan = planPlacement(
      [
        { productId: CARROTS, quantity: 3 },
        { productId: EGGS, quantity: 1 },
        { productId: HONEY, quantity: 1 },
      ],
      {
        offers: [
          { productId: CARROTS, quantity: 5 },
          { productId: EGGS, quantity: 4 },
        ],
        ordered: new Map([
          [CARROTS, 3],
          [EGGS, 4],
        ]),
        productName,
      },
    );
    expect(plan.place).toEqual([{ productId: CARROTS, quantity: 2 }]);
    expect(plan.unplaced).toEqual([
      { productId: CARROTS, productName: 'Carottes', wanted: 3, placed: 2, reason: 'partial' },
      { productId: EGGS, productName: 'Œufs', wanted: 1, placed: 0, reason: 'outOfStock' },
      { productId: HONEY, productName: 'Miel', wanted: 1, placed: 0, reason: 'notOffered' },
    ]);
  });

  it('an unlimited offer takes the whole line; the same product twice is one line of the summed quantity', () => {
    const plan = planPlacement(
      [
        { productId: CARROTS, quantity: 2 },
        { productId: CARROTS, quantity: 1 },
      ],
      { offers: [{ productId: CARROTS, quantity: null }], ordered: new Map(), productName },
    );
    expect(plan).toEqual({ place: [{ productId: CARROTS, quantity: 3 }], unplaced: [] });
  });

  it('the same product twice against a short stock is not oversold by counting it twice', () => {
    const plan = planPlacement(
      [
        { productId: CARROTS, quantity: 2 },
        { productId: CARROTS, quantity: 2 },
      ],
      { offers: [{ productId: CARROTS, quantity: 3 }], ordered: new Map(), productName },
    );
    expect(plan.place).toEqual([{ productId: CARROTS, quantity: 3 }]);
    expect(plan.unplaced).toEqual([expect.objectContaining({ wanted: 4, placed: 3, reason: 'partial' })]);
  });
});

describe('the placement id', () => {
  it('is the same for the same pair on every copy, different for another pair, and a valid record id', () => {
    const a = placementId(CARROTS, EGGS);
    expect(placementId(CARROTS, EGGS)).toBe(a);
    expect(placementId(CARROTS, HONEY)).not.toBe(a);
    expect(placementId(EGGS, CARROTS)).not.toBe(a);
    expect(z.uuid().safeParse(a).success).toBe(true);
  });
});

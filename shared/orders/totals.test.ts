import { describe, expect, it } from 'vitest';
import { awaitsWeighing, chargedGrams, lineTotal } from './totals';

// Tomme de vache at 18,90 € per kg, about 400 g a piece.
const tomme = { quantity: 3, unitPriceCents: 1890, pieceGrams: 400, weighedGrams: null };

describe('line totals of lines sold by weight (issue 15)', () => {
  it('charges the estimate of the pieces until the line is weighed', () => {
    expect(chargedGrams(tomme)).toBe(1200);
    expect(lineTotal(tomme)).toBe(2268);
    expect(awaitsWeighing(tomme)).toBe(true);
  });

  it('charges the weighed weight at the frozen price per kg once weighed', () => {
    const weighed = { ...tomme, weighedGrams: 1311 };
    expect(chargedGrams(weighed)).toBe(1311);
    // 1311 g × 18,90 €/kg = 24,7779 € → 24,78 €
    expect(lineTotal(weighed)).toBe(2478);
    expect(awaitsWeighing(weighed)).toBe(false);
  });

  it('rounds each weighed line once, to the cent, halves up', () => {
    // 250 g × 0,10 €/kg = 2,5 cents → 3 cents; 249 g → 2,49 → 2 cents; 150 g × 0,01 €/kg = 0,15 → 0.
    expect(lineTotal({ quantity: 1, unitPriceCents: 10, pieceGrams: 250, weighedGrams: null })).toBe(3);
    expect(lineTotal({ quantity: 1, unitPriceCents: 10, pieceGrams: 250, weighedGrams: 249 })).toBe(2);
    expect(lineTotal({ quantity: 1, unitPriceCents: 1, pieceGrams: 150, weighedGrams: null })).toBe(0);
  });

  it('leaves lines sold by the unit as quantity × unit price, never waiting for a weight', () => {
    const carrots = { quantity: 4, unitPriceCents: 250, pieceGrams: null, weighedGrams: null };
    expect(lineTotal(carrots)).toBe(1000);
    expect(lineTotal({ quantity: 4, unitPriceCents: 250 })).toBe(1000);
    expect(awaitsWeighing(carrots)).toBe(false);
  });
});

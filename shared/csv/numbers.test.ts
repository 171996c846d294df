import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCents, readDecimal } from './numbers';

/** Cents as a person or a spreadsheet writes them, from the digits (never from a float). */
function written(cents: number, { decimal, thousands, euro }: { decimal: ',' | '.'; thousands: '' | ' ' | '.' | ',' | '\u202f'; euro: '' | ' €' | '€' }) {
  const euros = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+$)/g, thousands === decimal ? '' : thousands);
  return `${euros}${decimal}${String(cents % 100).padStart(2, '0')}${euro}`;
}

describe('reading prices to the cent', () => {
  it('reads the prices float arithmetic gets wrong exactly: 4,35 € is 435 cents, not 434', () => {
    expect(readCents('4,35')).toEqual({ value: 435, interpreted: false });
    expect(readCents('4.35', { typed: true })).toEqual({ value: 435, interpreted: false });
    expect(readCents('12,99 €')).toEqual({ value: 1299, interpreted: false });
    expect(readCents('0,29')).toEqual({ value: 29, interpreted: false });
    expect(readCents('1,15')).toEqual({ value: 115, interpreted: false });
  });

  it('says when a price had to be interpreted: a padded decimal, thousands separators', () => {
    expect(readCents('2,5 €')).toEqual({ value: 250, interpreted: true });
    expect(readCents('1 234,50')).toEqual({ value: 123_450, interpreted: true });
    expect(readCents('1.234,5')).toEqual({ value: 123_450, interpreted: true });
    expect(readCents('EUR 3')).toEqual({ value: 300, interpreted: false });
    expect(readCents('2.5', { typed: true })).toEqual({ value: 250, interpreted: false });
  });

  it('refuses what is not a price rather than guessing', () => {
    for (const text of ['', '€', 'abc', '-1', '1,999', '2,5,0', '1,234,50', '12 34', '4,35 $']) expect(readCents(text)).toBeNull();
  });

  it('reads every price back to the same cents, however it is written', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom(',' as const, '.' as const),
        fc.constantFrom('' as const, ' ' as const, '.' as const, ',' as const, '\u202f' as const),
        fc.constantFrom('' as const, ' €' as const, '€' as const),
        (cents, decimal, thousands, euro) => {
          expect(readCents(written(cents, { decimal, thousands, euro }))?.value).toBe(cents);
        },
      ),
    );
  });

  it('never differs from the decimal written, where multiplying the float would drift', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 }), (euros, cents) => {
        const text = `${euros}.${String(cents).padStart(2, '0')}`;
        expect(readCents(text)?.value).toBe(euros * 100 + cents);
      }),
    );
  });
});

describe('reading decimals (distances, VAT rates, stock)', () => {
  it('reads decimal comma or point, units and thousands, and says what was interpreted', () => {
    expect(readDecimal('12,5')).toEqual({ value: 12.5, interpreted: false });
    expect(readDecimal('12.5')).toEqual({ value: 12.5, interpreted: false });
    expect(readDecimal('8 km', { units: ['km'] })).toEqual({ value: 8, interpreted: true });
    expect(readDecimal('5,5 %', { quietUnits: ['%'] })).toEqual({ value: 5.5, interpreted: false });
    expect(readDecimal('1 200', { units: [] })).toEqual({ value: 1200, interpreted: true });
    expect(readDecimal('-3')).toEqual({ value: -3, interpreted: false });
    expect(readDecimal('8 km')).toBeNull();
    expect(readDecimal('2,5,0')).toBeNull();
  });

  it('reads any decimal written with a comma or a point back to the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(',', '.'), (units, places, decimal) => {
        const value = units / 10 ** places;
        const text = value.toFixed(places).replace('.', decimal);
        expect(readDecimal(text)?.value).toBe(Number(value.toFixed(places)));
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatMoney, formatPercent, parseDecimal, parsePercent } from './format';

/** Intl uses no-break spaces (U+00A0, U+202F) in French amounts; compare on plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('parsePercent', () => {
  it.each([
    ['8,35', 835],
    ['8.35', 835],
    ['8', 800],
    ['8,5', 850],
    [' 11,65 % ', 1165],
    ['0', 0],
    ['100', 10000],
    ['100,00', 10000],
  ])('reads %j as %i basis points', (text, basisPoints) => {
    expect(parsePercent(text)).toBe(basisPoints);
  });

  it.each(['100,01', '101', '-1', 'abc', '8,355', '', '8,', ',5', '1 000', '8.3.5', 'NaN'])('refuses %j', (text) => {
    expect(parsePercent(text)).toBeNull();
  });
});

describe('parseDecimal', () => {
  it.each([
    ['12,5', 12.5],
    ['12.5', 12.5],
    [' 3 ', 3],
    ['-2,25', -2.25],
    ['0', 0],
  ])('reads %j as %d', (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  it.each(['', 'abc', '1,2,3', '1.000,5', '12,', '1e3', 'Infinity', '--1'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});

describe('formatMoney', () => {
  it('writes cents as euros the French way', () => {
    expect(plain(formatMoney('fr', 123450))).toBe('1 234,50 €');
    expect(plain(formatMoney('fr', 5))).toBe('0,05 €');
  });

  it('writes cents as euros the English way', () => {
    expect(formatMoney('en', 123450)).toBe('€1,234.50');
    expect(formatMoney('en', -199)).toBe('-€1.99');
  });

  it('uses the relay currency', () => {
    expect(formatMoney('en', 1000, 'GBP')).toBe('£10.00');
  });
});

describe('formatPercent', () => {
  it('shows basis points with the decimal mark of the language', () => {
    expect(formatPercent('fr', 835)).toBe('8,35');
    expect(formatPercent('en', 835)).toBe('8.35');
    expect(formatPercent('fr', 1000)).toBe('10');
  });

  it('round-trips with parsePercent', () => {
    for (const bp of [0, 1, 50, 835, 1165, 9999, 10000]) {
      expect(parsePercent(formatPercent('fr', bp))).toBe(bp);
      expect(parsePercent(formatPercent('en', bp))).toBe(bp);
    }
  });
});

describe('formatDateTime', () => {
  // 04:52 UTC: 05:52 in Brussels in winter, 23:52 the day before in Montreal, whatever the machine's zone.
  const instant = '2026-12-04T04:52:00.000Z';

  it('shows an instant on the relay clock, not the machine one', () => {
    expect(formatDateTime('fr', instant, 'Europe/Brussels')).toBe('4 décembre 2026 05:52');
    expect(formatDateTime('en', instant, 'America/Montreal')).toBe('3 December 2026 23:52');
  });

  it('shows the relay day of an instant', () => {
    expect(formatDay('en', instant, 'Europe/Brussels')).toBe('4 December 2026');
    expect(formatDay('fr', instant, 'America/Montreal')).toBe('3 décembre 2026');
  });
});

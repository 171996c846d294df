import { describe, expect, it } from 'vitest';
import { formatTypedDay, parseTypedDay } from './typed-day';

describe('a day typed in a form', () => {
  it('is shown day first in both languages, never the US way', () => {
    expect(formatTypedDay('2026-12-04')).toBe('04/12/2026');
    expect(formatTypedDay('2026-12-04')).toBe('04/12/2026');
  });

  it.each([
    ['04/12/2026', '2026-12-04'],
    ['4/12/2026', '2026-12-04'],
    [' 04.12.2026 ', '2026-12-04'],
    ['04-12-2026', '2026-12-04'],
    ['2026-12-04', '2026-12-04'],
    ['29/02/2028', '2028-02-29'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseTypedDay(text)).toBe(expected);
  });

  it.each(['', '12/31/2026', '31/02/2026', '04/12/26', '04/12-2026', '4 déc. 2026', '2026-2-4', '00/12/2026', '04/12/2026x'])(
    'refuses %j rather than guess',
    (text) => {
      expect(parseTypedDay(text)).toBeNull();
    },
  );

  it('reads back what it shows', () => {
    expect(parseTypedDay(formatTypedDay('2027-01-09'))).toBe('2027-01-09');
  });
});

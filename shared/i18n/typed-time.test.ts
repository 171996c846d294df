import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTypedTime } from './typed-time';

describe('a time typed in a form', () => {
  it('reads the ways people write a time on the 24-hour clock', () => {
    expect(parseTypedTime('17:45')).toBe('17:45');
    expect(parseTypedTime(' 9:05 ')).toBe('09:05');
    expect(parseTypedTime('17h45')).toBe('17:45');
    expect(parseTypedTime('17H')).toBe('17:00');
    expect(parseTypedTime('17h')).toBe('17:00');
    expect(parseTypedTime('17.45')).toBe('17:45');
    expect(parseTypedTime('1745')).toBe('17:45');
    expect(parseTypedTime('17')).toBe('17:00');
    expect(parseTypedTime('00:00')).toBe('00:00');
  });

  it('refuses what is not a time of day, rather than guessing', () => {
    for (const text of ['', 'soir', '24:00', '17:60', '5:45 PM', '17:4', '174', '17:45:10', '-1:00', '12345']) {
      expect(parseTypedTime(text), text).toBeNull();
    }
  });

  it('gives back every time of day it is shown', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (hour, minute) => {
        const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        expect(parseTypedTime(time)).toBe(time);
      }),
    );
  });
});

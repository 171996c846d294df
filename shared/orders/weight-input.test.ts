import { describe, expect, it } from 'vitest';
import { formatWeight } from '../i18n/format';
import { parseWeight } from './weight-input';

const grams = (text: string) => {
  const reading = parseWeight(text);
  return reading.ok ? reading.grams : reading.key;
};

describe('reading a weight typed at the scale', () => {
  it('reads "437", "437 g" and "0,437 kg" all as 437 g', () => {
    for (const text of ['437', '437 g', '437g', ' 437 G ', '0,437 kg', '0.437 kg', '0,437kg', '0,437 Kg', '0,437 kilo', '437 grammes', '0,437']) {
      expect(grams(text), text).toBe(437);
    }
  });

  it('reads a bare decimal number as kilograms and a bare whole number as grams', () => {
    expect(grams('1,2')).toBe(1200);
    expect(grams('1.25')).toBe(1250);
    expect(grams('1250')).toBe(1250);
    expect(grams('2 kg')).toBe(2000);
  });

  it('reads grams grouped by threes', () => {
    expect(grams('1 250 g')).toBe(1250);
    expect(grams('1\u202f250')).toBe(1250);
  });

  it('rounds kilograms past the gram half-up, exactly', () => {
    expect(grams('0,4375 kg')).toBe(438);
    expect(grams('0,4374 kg')).toBe(437);
    expect(grams('1,0005')).toBe(1001);
  });

  it('refuses what it cannot read, with the reason, rather than guessing', () => {
    expect(grams('')).toBe('weight.empty');
    expect(grams('abc')).toBe('weight.unreadable');
    expect(grams('4,3,7')).toBe('weight.unreadable');
    expect(grams('-437')).toBe('weight.unreadable');
    expect(grams('437 lb')).toBe('weight.unreadable');
    expect(grams('437,5 g')).toBe('weight.wholeGrams');
    expect(grams('0')).toBe('weight.zero');
    expect(grams('0,0001 kg')).toBe('weight.zero');
    expect(grams('2000 kg')).toBe('weight.tooHeavy');
    expect(grams('99999999999999999999')).toBe('weight.tooHeavy');
  });

  it('shows what was understood in the language of the screen', () => {
    expect(formatWeight('fr', 437)).toBe('437 g');
    expect(formatWeight('fr', 1250)).toBe('1,25 kg');
    expect(formatWeight('en', 1250)).toBe('1.25 kg');
    expect(formatWeight('en', 1437)).toBe('1.437 kg');
  });
});

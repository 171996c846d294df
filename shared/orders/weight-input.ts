/**
 * A weight typed at the scale (issue 15): "437", "437 g", "437g", "0,437 kg",
 * "0.437 kg", "1,2 kg", "1 250 g" → integer grams. Read digit by digit, never
 * through a float (0.437 × 1000 is 436.99999…).
 *
 * The one rule for a bare number: a whole number is grams ("437"), a number
 * with a decimal part is kilograms ("0,437", "1,2") — nobody weighs a bag to a
 * tenth of a gram, and everyone writes "1,2" for a kilo and two hundred.
 * Grams are whole ("437,5 g" is refused, not guessed); kilograms with more than
 * three decimals are rounded half-up to the gram. The screen shows what was
 * understood before it is saved.
 */

export type WeightReading = { ok: true; grams: number } | { ok: false; key: WeightProblem };
export type WeightProblem = 'weight.empty' | 'weight.unreadable' | 'weight.wholeGrams' | 'weight.zero' | 'weight.tooHeavy';

/** A line's weight above one tonne is a typo. */
export const MAX_WEIGHED_GRAMS = 1_000_000;

const KILOGRAMS = ['kilogrammes', 'kilogramme', 'kilograms', 'kilogram', 'kilos', 'kilo', 'kg'];
const GRAMS = ['grammes', 'gramme', 'grams', 'gram', 'gr', 'g'];
// Digits, optionally grouped by threes with spaces ("1 250"), then one decimal part after a comma or a point.
const NUMBER = /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?$/;

function splitUnit(text: string): { number: string; unit: 'kg' | 'g' | null } {
  for (const [unit, names] of [['kg', KILOGRAMS], ['g', GRAMS]] as const) {
    for (const name of names) if (text.endsWith(name)) return { number: text.slice(0, -name.length).trim(), unit };
  }
  return { number: text, unit: null };
}

export function parseWeight(input: string): WeightReading {
  const text = input.trim().toLowerCase();
  if (text === '') return { ok: false, key: 'weight.empty' };
  const { number, unit: written } = splitUnit(text);
  const match = NUMBER.exec(number);
  if (!match) return { ok: false, key: 'weight.unreadable' };
  const whole = match[1]!.replace(/\D/g, '');
  const fraction = match[2] ?? '';
  const unit = written ?? (fraction === '' ? 'g' : 'kg');
  if (unit === 'g' && fraction !== '') return { ok: false, key: 'weight.wholeGrams' };
  let grams: number;
  if (unit === 'g') {
    grams = Number(whole);
  } else {
    // Kilograms: three decimals are grams; a fourth decides the rounding (half up).
    const padded = fraction.padEnd(3, '0');
    grams = Number(whole) * 1000 + Number(padded.slice(0, 3)) + (Number(padded[3] ?? '0') >= 5 ? 1 : 0);
  }
  if (!Number.isSafeInteger(grams) || grams > MAX_WEIGHED_GRAMS) return { ok: false, key: 'weight.tooHeavy' };
  if (grams === 0) return { ok: false, key: 'weight.zero' };
  return { ok: true, grams };
}

/**
 * Numbers as people type them in spreadsheets: "2,50", "2.5", "1 234,50",
 * "1.234,50", "1,234.50", "2,5 €", "6 %", "12 km". Read from the text, digit
 * by digit — never by multiplying a float (4.35 × 100 is 434.99999…, and a
 * price of 4,35 € must be 435 cents).
 *
 * Each reading says whether the text had to be interpreted (a unit or
 * thousands separators dropped, a decimal padded), so an import can show it as
 * a warning instead of silently accepting it.
 */

export interface ReadNumber {
  value: number;
  /** True when the text was not a plain number: the preview warns about it. */
  interpreted: boolean;
}

interface DecimalParts {
  negative: boolean;
  integer: string;
  fraction: string;
}

const PLAIN = /^(\d+)(?:[.,](\d+))?$/;
// Thousands in groups of three with one separator used throughout, then an optional decimal part
// with the other separator: "1 234,50", "1.234,50", "1,234.50", "1’234.50", "1.234.567".
const GROUPED = /^(\d{1,3}(?:([ \u00a0\u202f.,'’])\d{3})(?:\2\d{3})*)(?:([.,])(\d+))?$/;

function decimalParts(input: string): (DecimalParts & { plain: boolean }) | null {
  let text = input.trim();
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1).trim();
  const plain = PLAIN.exec(text);
  if (plain) return { negative, integer: plain[1]!, fraction: plain[2] ?? '', plain: true };
  const grouped = GROUPED.exec(text);
  if (!grouped || grouped[3] === grouped[2]) return null;
  return { negative, integer: grouped[1]!.replace(/\D/g, ''), fraction: grouped[4] ?? '', plain: false };
}

/** Removes one of `units` written before or after the number ("€ 2,50", "12 km"), case and spacing ignored. */
function stripUnit(text: string, units: readonly string[]): { rest: string; unit: string | null } {
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();
  for (const unit of units) {
    if (lower.endsWith(unit)) return { rest: trimmed.slice(0, trimmed.length - unit.length).trim(), unit };
    if (lower.startsWith(unit)) return { rest: trimmed.slice(unit.length).trim(), unit };
  }
  return { rest: trimmed, unit: null };
}

export interface DecimalOptions {
  /** Units that may follow the number, lower case, longest first ("km", "%"). */
  units?: readonly string[];
  /** Units that are the normal way to write this value ("%" for a VAT rate): dropping them is no interpretation. */
  quietUnits?: readonly string[];
  /** The cell was a number in a workbook, not text: nothing about it was interpreted. */
  typed?: boolean;
}

/** A decimal number, or null when the text is not one ("2,5,0", "abc", "1,234,50"). */
export function readDecimal(text: string, { units = [], quietUnits = [], typed = false }: DecimalOptions = {}): ReadNumber | null {
  const { rest, unit } = stripUnit(text, [...quietUnits, ...units]);
  const parts = decimalParts(rest);
  if (!parts) return null;
  const value = Number(`${parts.negative ? '-' : ''}${parts.integer}.${parts.fraction || '0'}`);
  const loudUnit = unit !== null && !quietUnits.includes(unit);
  return { value, interpreted: !typed && (!parts.plain || loudUnit) };
}

const EURO = ['euros', 'euro', 'eur', '€'];
// A price as a spreadsheet shows it: whole euros or two decimals, with or without the euro sign.
const PLAIN_PRICE = /^\d+(?:[.,]\d\d)?$/;

/**
 * A price in euros to integer cents, or null when it is not a price
 * (negative, more than two decimals, not a number). "2,5 €" is 250 cents,
 * interpreted (the preview shows it as 2,50 €); "4,35 €" is 435 cents, as written.
 */
export function readCents(text: string, { typed = false }: { typed?: boolean } = {}): ReadNumber | null {
  const { rest } = stripUnit(text, EURO);
  const parts = decimalParts(rest);
  if (!parts || parts.negative || parts.fraction.length > 2) return null;
  const value = Number(parts.integer) * 100 + Number(parts.fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(value)) return null;
  return { value, interpreted: !typed && !PLAIN_PRICE.test(rest) };
}

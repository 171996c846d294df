/**
 * Writing CSV that Excel and LibreOffice open safely. A cell starting with
 * = + - @ (or a tab / carriage return) would run as a formula when opened —
 * "CSV injection" — so it gets a leading apostrophe, which spreadsheets show
 * as plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
// A plain number ("-1,50") cannot run as a formula and must stay a number.
const PLAIN_NUMBER = /^-?\d+([.,]\d+)?$/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** Undoes `neutraliseCell` when a file Cabas exported is read back, so export → import changes nothing. */
export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function quoteCell(value: string, separator: string): string {
  const safe = neutraliseCell(value);
  return /["\r\n]/.test(safe) || safe.includes(separator) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Semicolon by default: what Excel expects in Belgium and France. UTF-8 with BOM so accents survive. */
export function writeCsv(rows: readonly (readonly (string | number)[])[], separator: ',' | ';' = ';'): string {
  const body = rows.map((row) => row.map((cell) => quoteCell(String(cell), separator)).join(separator)).join('\r\n');
  return `\uFEFF${body}\r\n`;
}

/** Cents as a decimal with a comma, the way a French-language spreadsheet reads it. */
export function centsCell(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

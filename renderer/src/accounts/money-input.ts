/**
 * Money typed at the counter or in a payment form: "15", "15,00", "15.5",
 * "1 234,50 €" → integer cents; null when it is not an amount with at most
 * two decimals (it is then said, not guessed). The same reading as a price
 * in a spreadsheet import.
 */
import { parseCentsCell } from '../../../shared/csv/parse';
import type { Language } from '../../../shared/model/fields';

export function parseAmount(text: string): number | null {
  return parseCentsCell(text.trim());
}

/** Cents as text that can be typed back into the field: 1340 → "13,40" (fr) / "13.40" (en). */
export function amountText(language: Language, cents: number): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-BE' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(cents / 100);
}

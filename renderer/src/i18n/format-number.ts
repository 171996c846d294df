import type { Language } from '../../../shared/model/fields';

const TAGS: Record<Language, string> = { fr: 'fr-BE', en: 'en-GB' };

/**
 * A plain decimal in the UI language ("12,5" in French). Without grouping, so
 * the text can be typed back into a field and read by parseDecimal.
 */
export function formatDecimal(language: Language, value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(TAGS[language], { maximumFractionDigits, useGrouping: false }).format(value);
}

/** "EUR" → "euro" in the UI language; the code itself when the runtime has no name for it. */
export function currencyName(language: Language, code: string): string {
  try {
    return new Intl.DisplayNames([TAGS[language]], { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A count for reading, grouped the way the language groups it ("1 500" in French, "1,500" in English). */
export function formatCount(language: Language, value: number): string {
  return new Intl.NumberFormat(TAGS[language]).format(value);
}

/** Dates and money for people: date-fns with the fr / en locales, Intl for currency. */
import { TZDate } from '@date-fns/tz';
import { format as formatDate, parseISO } from 'date-fns';
import { enGB, fr as frLocale } from 'date-fns/locale';
import type { Language } from '../model/fields';

const locales = { fr: frLocale, en: enGB } as const;

/**
 * An instant (a payment, a backup, an archiving) as the relay's clock shows it.
 * The zone is required: the machine's own zone is wrong whenever the laptop is
 * set to another one, and the distribution beside it is shown on the relay's clock.
 */
export function formatDay(language: Language, date: Date | string, timeZone: string): string {
  return formatDate(new TZDate(new Date(date).getTime(), timeZone), 'PPP', { locale: locales[language] });
}

export function formatDateTime(language: Language, date: Date | string, timeZone: string): string {
  return formatDate(new TZDate(new Date(date).getTime(), timeZone), 'PPP p', { locale: locales[language] });
}

export function formatMoney(language: Language, cents: number, currency = 'EUR'): string {
  const tag = language === 'fr' ? 'fr-BE' : 'en-GB';
  return new Intl.NumberFormat(tag, { style: 'currency', currency }).format(cents / 100);
}

/** Grams for people: under a kilo in grams ("437 g"), from a kilo in kilograms ("1,25 kg" / "1.25 kg"). */
export function formatWeight(language: Language, grams: number): string {
  const tag = language === 'fr' ? 'fr-BE' : 'en-GB';
  if (grams < 1000) return `${new Intl.NumberFormat(tag).format(grams)} g`;
  return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 3 }).format(grams / 1000)} kg`;
}

/** Basis points for display: 835 → "8,35" (fr) / "8.35" (en). */
export function formatPercent(language: Language, basisPoints: number): string {
  const tag = language === 'fr' ? 'fr-BE' : 'en-GB';
  return new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }).format(basisPoints / 100);
}

/** Reads "8,35", "8.35" or "8" into basis points; null when it is not a percentage with ≤ 2 decimals. */
export function parsePercent(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  const basisPoints = whole * 100 + fraction;
  return basisPoints <= 10_000 ? basisPoints : null;
}

/** Reads a decimal typed with a comma or a point ("12,5"); null when it is not a number. */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

/**
 * A distribution's day as people say it. Its date is a calendar day of the
 * relay ("2026-12-04"), not an instant: parseISO reads it as local midnight,
 * so no time zone can move it to the day before.
 */
/** "ven. 4 déc." / "Fri 4 Dec": column headings and accessible names. */
export function shortDay(language: Language, date: string): string {
  return formatDate(parseISO(date), 'EEE d MMM', { locale: locales[language] });
}

/** "vendredi 4 décembre 2026" / "Friday 4 December 2026": headings and printed sheets. */
export function longDay(language: Language, date: string): string {
  return formatDate(parseISO(date), 'EEEE d MMMM yyyy', { locale: locales[language] });
}

/** "mars 2026" / "March 2026": a statement's month (YYYY-MM). */
export function monthName(language: Language, month: string): string {
  return formatDate(parseISO(`${month}-01`), 'MMMM yyyy', { locale: locales[language] });
}

/** "vendredi" / "Friday": the day a weekly series falls on. */
export function weekdayName(language: Language, date: string): string {
  return formatDate(parseISO(date), 'EEEE', { locale: locales[language] });
}

/** "6 mars 2026" / "6 March 2026": a day in a span whose weekday is said once. */
export function dayMonthYear(language: Language, date: string): string {
  return formatDate(parseISO(date), 'd MMMM yyyy', { locale: locales[language] });
}

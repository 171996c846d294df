/**
 * A distribution's day as people say it. Its date is a calendar day of the
 * relay ("2026-12-04"), not an instant: parseISO reads it as local midnight,
 * so no time zone can move it to the day before.
 */
import { format, parseISO } from 'date-fns';
import { enGB, fr } from 'date-fns/locale';
import type { Language } from '../../../shared/model/fields';

const locales = { fr, en: enGB } as const;

/** "ven. 4 déc." / "Fri 4 Dec": column headings and accessible names. */
export function shortDay(language: Language, date: string): string {
  return format(parseISO(date), 'EEE d MMM', { locale: locales[language] });
}

/** "vendredi 4 décembre 2026" / "Friday 4 December 2026": printed sheets. */
export function longDay(language: Language, date: string): string {
  return format(parseISO(date), 'EEEE d MMMM yyyy', { locale: locales[language] });
}

/**
 * How a distribution's days and hours read: "vendredi 27 mars 2026",
 * "sam. 21 mars 09:00". A pickup day is a calendar date of the relay and an
 * ordering moment is shown in the relay's time zone (not the machine's), so
 * a laptop set to another zone still shows the relay's own clock.
 * The day itself is said by shared/i18n/format.ts (shortDay, longDay), as in the stock grid and the print views.
 */
import { format, parseISO } from 'date-fns';
import { enGB, fr } from 'date-fns/locale';
import { toLocal, type LocalDate } from '../../../shared/distributions/calendar';
import type { Language } from '../../../shared/model/fields';
import { shortDay } from '../../../shared/i18n/format';

const locales = { fr, en: enGB } as const;

/** "Mars 2026" / "March 2026", from a "2026-03" month key. */
export function monthTitle(language: Language, month: string): string {
  const title = format(parseISO(`${month}-01`), 'MMMM yyyy', { locale: locales[language] });
  return title.charAt(0).toLocaleUpperCase(language) + title.slice(1);
}

/** "samedi" / "Saturday" for 0 = Sunday … 6 = Saturday. */
export function weekdayName(language: Language, weekday: number): string {
  // 2026-03-01 is a Sunday.
  return format(new Date(2026, 2, 1 + weekday), 'EEEE', { locale: locales[language] });
}

/** "sam. 21 mars 09:00": an instant read on the relay's clock. */
export function shortMoment(language: Language, instant: string, timeZone: string): string {
  const { date, time } = toLocal(instant, timeZone);
  return `${shortDay(language, date)} ${time}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier); calendar days, so no clock change gets in the way. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  const utc = (date: LocalDate) => {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

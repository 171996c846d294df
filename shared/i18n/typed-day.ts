/**
 * A calendar day as the organiser types and reads it in a form: "04/12/2026",
 * day first, as in Belgium, France and the United Kingdom. A native date input
 * would follow the browser's locale instead of the relay's (an en-US browser
 * shows 12/04/2026), so forms use a text field read by these two functions.
 * Both languages write the day first, so the format does not depend on the language; the hint does.
 */
import { isLocalDate, type LocalDate } from '../distributions/calendar';

/** "2026-12-04" → "04/12/2026". */
export function formatTypedDay(date: LocalDate): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/**
 * "4/12/2026", "04.12.2026", "04-12-2026" or the ISO "2026-12-04" → "2026-12-04";
 * null for anything else, and for a day that does not exist (31/02/2026).
 * A two-digit year is refused: "04/12/26" could be read two ways by a tired hand.
 */
export function parseTypedDay(text: string): LocalDate | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const dayFirst = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(trimmed);
  let date: string | null = null;
  if (iso) date = trimmed;
  else if (dayFirst) date = `${dayFirst[4]}-${dayFirst[3]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')}`;
  return date !== null && isLocalDate(date) ? date : null;
}

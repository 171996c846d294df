/**
 * Local dates and times of the relay. A distribution's day is a calendar date
 * ("2026-03-27") and its hours are wall-clock times in the relay's time zone;
 * they become instants only through `localInstant`, so a weekly series keeps
 * its 17:00 pickup across the March and October clock changes.
 */
import { TZDate } from '@date-fns/tz';

export type LocalDate = string; // yyyy-MM-dd
export type LocalTime = string; // HH:mm

export const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function parts(date: LocalDate): [number, number, number] {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return [year, month, day];
}

/** True for a real calendar day (rejects 2026-02-30). */
export function isLocalDate(value: string): boolean {
  if (!LOCAL_DATE.test(value)) return false;
  const [year, month, day] = parts(value);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Calendar arithmetic in UTC, where no day is 23 or 25 hours long. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [year, month, day] = parts(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as `Date.getDay`. */
export function weekdayOf(date: LocalDate): number {
  const [year, month, day] = parts(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Instants already worked out: every order change checks its distribution's status, and a time-zone
 * conversion costs more than the rest of that check (the answer for a date, time and zone never changes).
 */
const instants = new Map<string, string>();

/**
 * The instant (ISO, UTC) of a wall-clock time on a day in a time zone. A time
 * that does not exist (the spring-forward hour) moves one hour later; an
 * ambiguous one (the autumn hour) takes the later of the two, as TZDate does.
 */
export function localInstant(date: LocalDate, time: LocalTime, timeZone: string): string {
  const key = `${date} ${time} ${timeZone}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  const [year, month, day] = parts(date);
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const instant = new Date(new TZDate(year, month - 1, day, hours, minutes, 0, timeZone).getTime()).toISOString();
  // Bounded: a relay asks about a few hundred pickup times, far fewer than this.
  if (instants.size >= 4096) instants.clear();
  instants.set(key, instant);
  return instant;
}

/** The local date and time of an instant in a time zone. */
export function toLocal(instant: string, timeZone: string): { date: LocalDate; time: LocalTime } {
  const zoned = new TZDate(Date.parse(instant), timeZone);
  const pad = (value: number) => String(value).padStart(2, '0');
  return {
    date: `${zoned.getFullYear()}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}`,
    time: `${pad(zoned.getHours())}:${pad(zoned.getMinutes())}`,
  };
}

/** Today in the relay's time zone (not the machine's). */
export function todayIn(timeZone: string, now: Date): LocalDate {
  return toLocal(now.toISOString(), timeZone).date;
}

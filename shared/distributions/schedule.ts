/**
 * Planning distributions: the dates of a weekly series, the ordering window
 * of each (opens N days before at a time, closes M days before at a time),
 * and the status at a given instant.
 */
import type { Distribution, DistributionStatus } from '../model/distribution';
import { addDays, compareDates, localInstant, weekdayOf, type LocalDate, type LocalTime } from './calendar';

export const MAX_SERIES_LENGTH = 104;

export interface SeriesPlan {
  /** The series starts on the first `weekday` on or after this date. */
  from: LocalDate;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Either a number of weeks… */
  weeks?: number;
  /** …or a last date (inclusive). */
  until?: LocalDate;
  /** Dates the organiser removed (holidays). */
  skip?: readonly LocalDate[];
}

/** The pickup dates of a weekly series, skipped dates left out. A skipped week still counts as one of the N weeks. */
export function seriesDates({ from, weekday, weeks, until, skip = [] }: SeriesPlan): LocalDate[] {
  const first = addDays(from, (weekday - weekdayOf(from) + 7) % 7);
  const skipped = new Set(skip);
  const dates: LocalDate[] = [];
  for (let week = 0; week < MAX_SERIES_LENGTH; week++) {
    if (weeks !== undefined && week >= weeks) break;
    const date = addDays(first, week * 7);
    if (until !== undefined && compareDates(date, until) > 0) break;
    if (weeks === undefined && until === undefined) break;
    if (!skipped.has(date)) dates.push(date);
  }
  return dates;
}

export interface OrderingWindowRule {
  opensDaysBefore: number;
  opensAt: LocalTime;
  closesDaysBefore: number;
  closesAt: LocalTime;
}

export const DEFAULT_ORDERING_WINDOW: OrderingWindowRule = {
  opensDaysBefore: 6,
  opensAt: '09:00',
  closesDaysBefore: 2,
  closesAt: '23:59',
};

/** The ordering window of a pickup date, as instants, in the relay's time zone. */
export function orderingWindow(pickupDate: LocalDate, rule: OrderingWindowRule, timeZone: string): { opensAt: string; closesAt: string } {
  return {
    opensAt: localInstant(addDays(pickupDate, -rule.opensDaysBefore), rule.opensAt, timeZone),
    closesAt: localInstant(addDays(pickupDate, -rule.closesDaysBefore), rule.closesAt, timeZone),
  };
}

type StatusFields = Pick<Distribution, 'pickupDate' | 'pickupEnd' | 'opensAt' | 'closesAt' | 'closedEarlyAt' | 'cancelledAt'>;

/**
 * Derived from the clock: ordering is open from `opensAt` (included) to
 * `closesAt` (excluded); the distribution counts as distributed once its
 * pickup window has ended.
 */
/** From the start of a pickup day (UTC), after which its end has passed wherever the relay is. */
const SURELY_OVER_MS = 2 * 24 * 3_600_000;

export function distributionStatus(distribution: StatusFields, now: Date, timeZone: string): DistributionStatus {
  if (distribution.cancelledAt !== null) return 'cancelled';
  const at = now.getTime();
  // Years of past distributions are asked about at every open: a pickup day two days gone has ended in any
  // time zone (offsets stay within ±14 h), without working out its local end (a time-zone lookup each).
  if (at >= Date.parse(`${distribution.pickupDate}T00:00:00Z`) + SURELY_OVER_MS) return 'distributed';
  if (at >= Date.parse(localInstant(distribution.pickupDate, distribution.pickupEnd, timeZone))) return 'distributed';
  if (at < Date.parse(distribution.opensAt)) return 'upcoming';
  if (distribution.closedEarlyAt !== null || at >= Date.parse(distribution.closesAt)) return 'closed';
  return 'open';
}

export function isOrderingOpen(distribution: StatusFields, now: Date, timeZone: string): boolean {
  return distributionStatus(distribution, now, timeZone) === 'open';
}

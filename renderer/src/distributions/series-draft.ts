/**
 * The "create a series" form as typed, and the plan it stands for. The
 * preview and the request are built from the same plan, so the dates the
 * organiser ticks are exactly the dates the server creates.
 */
import type { FieldIssue } from '../../../shared/contract/errors';
import type { InputOf } from '../../../shared/contract/operations';
import { addDays, isLocalDate, type LocalDate } from '../../../shared/distributions/calendar';
import { MAX_SERIES_LENGTH, seriesDates } from '../../../shared/distributions/schedule';
import type { RelaySettings } from '../../../shared/model/relay';
import { nextWeekday } from './distribution-draft';

export type SeriesLength = 'weeks' | 'until';

export const SERIES_FIELDS = ['weekday', 'from', 'weeks', 'until', 'pickupStart', 'pickupEnd'] as const;
export type SeriesFieldName = (typeof SERIES_FIELDS)[number];

export interface SeriesText extends Record<SeriesFieldName, string> {
  length: SeriesLength;
}

const DEFAULT_WEEKS = 8;

export function newSeriesText(relay: RelaySettings, today: LocalDate): SeriesText {
  const { weekday, start, end } = relay.defaultPickup;
  const from = nextWeekday(addDays(today, 1), weekday);
  return {
    weekday: String(weekday),
    from,
    length: 'weeks',
    weeks: String(DEFAULT_WEEKS),
    until: addDays(from, 7 * (DEFAULT_WEEKS - 1)),
    pickupStart: start,
    pickupEnd: end,
  };
}

function readWeeks(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/** Every date of the series before any is unticked; empty while the form cannot say yet. */
export function plannedDates(text: SeriesText): LocalDate[] {
  if (!isLocalDate(text.from)) return [];
  const weekday = Number(text.weekday);
  if (text.length === 'until') return isLocalDate(text.until) ? seriesDates({ from: text.from, weekday, until: text.until }) : [];
  const weeks = readWeeks(text.weeks);
  return weeks !== null && weeks >= 1 && weeks <= MAX_SERIES_LENGTH ? seriesDates({ from: text.from, weekday, weeks }) : [];
}

export type ReadSeries = { ok: true; plan: InputOf<'distributions.createSeries'> } | { ok: false; issues: FieldIssue[] };

/** Only a number of weeks that is not a whole number cannot be sent; every other check is the server's. */
export function readSeriesText(text: SeriesText, skip: LocalDate[]): ReadSeries {
  const common = { from: text.from, weekday: Number(text.weekday), skip, pickupStart: text.pickupStart, pickupEnd: text.pickupEnd };
  if (text.length === 'until') return { ok: true, plan: { ...common, until: text.until } };
  const weeks = readWeeks(text.weeks);
  if (weeks === null) return { ok: false, issues: [{ path: 'weeks', key: text.weeks.trim() === '' ? 'validation.required' : 'validation.integer' }] };
  return { ok: true, plan: { ...common, weeks } };
}

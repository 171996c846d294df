/**
 * The distribution form works on text, as typed in its date and time inputs;
 * this module fills it from the relay's habits (or from a saved distribution)
 * and turns it into the contract's draft or changes. Checking the dates is
 * the server's job: it answers with paths such as `opens.date`, which are
 * the form's own field names.
 */
import type { DistributionView } from '../../../shared/catalogue/views';
import { addDays, isLocalDate, toLocal, weekdayOf, type LocalDate } from '../../../shared/distributions/calendar';
import type { OrderingWindowRule } from '../../../shared/distributions/schedule';
import type { InputOf } from '../../../shared/contract/operations';
import type { RelaySettings } from '../../../shared/model/relay';
import { daysBetween } from './distribution-dates';

export const DISTRIBUTION_FIELDS = [
  'pickupDate',
  'pickupStart',
  'pickupEnd',
  'opens.date',
  'opens.time',
  'closes.date',
  'closes.time',
  'notes',
] as const;

export type DistributionFieldName = (typeof DISTRIBUTION_FIELDS)[number];
export type DistributionText = Record<DistributionFieldName, string>;
export type WindowText = Pick<DistributionText, 'opens.date' | 'opens.time' | 'closes.date' | 'closes.time'>;

/** The first `weekday` on or after `from`. */
export function nextWeekday(from: LocalDate, weekday: number): LocalDate {
  return addDays(from, (weekday - weekdayOf(from) + 7) % 7);
}

/** The relay's usual ordering window for a pickup day, as the organiser would type it. */
export function usualWindow(pickupDate: LocalDate, rule: OrderingWindowRule): WindowText {
  return {
    'opens.date': addDays(pickupDate, -rule.opensDaysBefore),
    'opens.time': rule.opensAt,
    'closes.date': addDays(pickupDate, -rule.closesDaysBefore),
    'closes.time': rule.closesAt,
  };
}

/** A new distribution: the next usual pickup day after today, its usual hours and ordering window. */
export function newDistributionText(relay: RelaySettings, today: LocalDate): DistributionText {
  const pickupDate = nextWeekday(addDays(today, 1), relay.defaultPickup.weekday);
  return {
    pickupDate,
    pickupStart: relay.defaultPickup.start,
    pickupEnd: relay.defaultPickup.end,
    ...usualWindow(pickupDate, relay.orderingWindow),
    notes: '',
  };
}

export function distributionText(distribution: DistributionView, timeZone: string): DistributionText {
  const opens = toLocal(distribution.opensAt, timeZone);
  const closes = toLocal(distribution.closesAt, timeZone);
  return {
    pickupDate: distribution.pickupDate,
    pickupStart: distribution.pickupStart,
    pickupEnd: distribution.pickupEnd,
    'opens.date': opens.date,
    'opens.time': opens.time,
    'closes.date': closes.date,
    'closes.time': closes.time,
    notes: distribution.notes,
  };
}

/**
 * Moving the pickup day moves the ordering window by as many days, so a
 * window the organiser has not touched stays "6 days before at 09:00".
 */
export function followPickupDate(text: DistributionText, pickupDate: string): DistributionText {
  const moved = { ...text, pickupDate };
  if (!isLocalDate(text.pickupDate) || !isLocalDate(pickupDate)) return moved;
  const days = daysBetween(text.pickupDate, pickupDate);
  const shift = (date: string) => (isLocalDate(date) ? addDays(date, days) : date);
  return { ...moved, 'opens.date': shift(text['opens.date']), 'closes.date': shift(text['closes.date']) };
}

type Draft = InputOf<'distributions.create'>;

export function draftOf(text: DistributionText): Draft {
  return {
    pickupDate: text.pickupDate,
    pickupStart: text.pickupStart,
    pickupEnd: text.pickupEnd,
    opens: { date: text['opens.date'], time: text['opens.time'] },
    closes: { date: text['closes.date'], time: text['closes.time'] },
    notes: text.notes,
  };
}

/** An edit sends only what changed; a moment is sent whole when its date or its time did. */
export function changesOf(original: DistributionText, text: DistributionText): Partial<Draft> {
  const draft = draftOf(text);
  const changes: Partial<Draft> = {};
  if (text.pickupDate !== original.pickupDate) changes.pickupDate = draft.pickupDate;
  // Both ends travel together, so the server can check that the pickup ends after it starts.
  if (text.pickupStart !== original.pickupStart || text.pickupEnd !== original.pickupEnd) {
    changes.pickupStart = draft.pickupStart;
    changes.pickupEnd = draft.pickupEnd;
  }
  if (text['opens.date'] !== original['opens.date'] || text['opens.time'] !== original['opens.time']) changes.opens = draft.opens;
  if (text['closes.date'] !== original['closes.date'] || text['closes.time'] !== original['closes.time']) changes.closes = draft.closes;
  if (text.notes.trim() !== original.notes.trim()) changes.notes = draft.notes;
  return changes;
}

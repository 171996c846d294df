import { describe, expect, it } from 'vitest';
import { localInstant, toLocal } from './calendar';
import { DEFAULT_ORDERING_WINDOW, distributionStatus, orderingWindow, seriesDates } from './schedule';

const BRUSSELS = 'Europe/Brussels';

describe('weekly series', () => {
  it('starts on the first chosen weekday on or after the start date', () => {
    // 2026-03-16 is a Monday; Friday = 5.
    expect(seriesDates({ from: '2026-03-16', weekday: 5, weeks: 3 })).toEqual(['2026-03-20', '2026-03-27', '2026-04-03']);
  });

  it('runs until a date, inclusive, and leaves out removed holidays', () => {
    expect(seriesDates({ from: '2026-12-01', weekday: 5, until: '2027-01-08', skip: ['2026-12-25', '2027-01-01'] })).toEqual([
      '2026-12-04',
      '2026-12-11',
      '2026-12-18',
      '2027-01-08',
    ]);
  });

  it('counts a removed week as one of the N weeks', () => {
    expect(seriesDates({ from: '2026-03-20', weekday: 5, weeks: 3, skip: ['2026-03-27'] })).toEqual(['2026-03-20', '2026-04-03']);
  });

  it('keeps the 17:00 pickup across the March clock change', () => {
    const dates = seriesDates({ from: '2026-03-20', weekday: 5, weeks: 2 });
    // Before 29 March Brussels is UTC+1, after it UTC+2.
    expect(dates.map((date) => localInstant(date, '17:00', BRUSSELS))).toEqual([
      '2026-03-20T16:00:00.000Z',
      '2026-03-27T16:00:00.000Z',
    ]);
    expect(localInstant('2026-04-03', '17:00', BRUSSELS)).toBe('2026-04-03T15:00:00.000Z');
    expect(dates.map((date) => toLocal(localInstant(date, '17:00', BRUSSELS), BRUSSELS).time)).toEqual(['17:00', '17:00']);
  });

  it('keeps local times across the October clock change, including the ordering window', () => {
    // Pickup Friday 30 October 2026; the clocks go back on Sunday 25 October.
    const window = orderingWindow('2026-10-30', DEFAULT_ORDERING_WINDOW, BRUSSELS);
    expect(window.opensAt).toBe('2026-10-24T07:00:00.000Z'); // Saturday 09:00 CEST (UTC+2)
    expect(window.closesAt).toBe('2026-10-28T22:59:00.000Z'); // Wednesday 23:59 CET (UTC+1)
    expect(toLocal(window.opensAt, BRUSSELS)).toEqual({ date: '2026-10-24', time: '09:00' });
    expect(toLocal(window.closesAt, BRUSSELS)).toEqual({ date: '2026-10-28', time: '23:59' });
  });

  it('moves a time that does not exist (spring-forward hour) to the hour after', () => {
    expect(localInstant('2026-03-29', '02:30', BRUSSELS)).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('status at the exact open and close instants', () => {
  const distribution = {
    pickupDate: '2026-12-04',
    pickupEnd: '19:00',
    ...orderingWindow('2026-12-04', DEFAULT_ORDERING_WINDOW, BRUSSELS),
    closedEarlyAt: null,
    cancelledAt: null,
  };
  const at = (iso: string) => distributionStatus(distribution, new Date(iso), BRUSSELS);

  it('is upcoming one millisecond before opening and open at the opening instant', () => {
    expect(distribution.opensAt).toBe('2026-11-28T08:00:00.000Z');
    expect(at('2026-11-28T07:59:59.999Z')).toBe('upcoming');
    expect(at('2026-11-28T08:00:00.000Z')).toBe('open');
  });

  it('is open one millisecond before closing and closed at the closing instant', () => {
    expect(distribution.closesAt).toBe('2026-12-02T22:59:00.000Z');
    expect(at('2026-12-02T22:58:59.999Z')).toBe('open');
    expect(at('2026-12-02T22:59:00.000Z')).toBe('closed');
  });

  it('is distributed once the pickup window has ended', () => {
    expect(at('2026-12-04T17:59:59.999Z')).toBe('closed');
    expect(at('2026-12-04T18:00:00.000Z')).toBe('distributed');
  });

  it('a pickup ending at 23:59 in the westernmost time zone is not taken for distributed a day early', () => {
    // UTC−12: its end is at noon UTC the next day, past any shortcut that ignores the time zone.
    const late = { ...distribution, pickupEnd: '23:59' };
    expect(distributionStatus(late, new Date('2026-12-05T11:58:59.999Z'), 'Etc/GMT+12')).toBe('closed');
    expect(distributionStatus(late, new Date('2026-12-05T11:59:00.000Z'), 'Etc/GMT+12')).toBe('distributed');
  });

  it('closed early stays closed inside the window; cancelled wins over everything', () => {
    expect(distributionStatus({ ...distribution, closedEarlyAt: '2026-11-30T10:00:00.000Z' }, new Date('2026-12-01T10:00:00Z'), BRUSSELS)).toBe('closed');
    expect(distributionStatus({ ...distribution, cancelledAt: '2026-11-30T10:00:00.000Z' }, new Date('2026-12-01T10:00:00Z'), BRUSSELS)).toBe('cancelled');
  });
});

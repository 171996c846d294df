import { describe, expect, it } from 'vitest';
import type { DistributionView } from '../../../shared/catalogue/views';
import { DEFAULT_RELAY_SETTINGS } from '../../../shared/model/relay';
import { changesOf, distributionText, followPickupDate, newDistributionText } from './distribution-draft';
import { plannedDates, readSeriesText, newSeriesText, type SeriesText } from './series-draft';

const relay = DEFAULT_RELAY_SETTINGS; // Friday 17:00–19:00, ordering 6 days before 09:00 → 2 days before 23:59, Brussels

describe('the distribution form', () => {
  it('proposes the next usual pickup day after today with the relay’s ordering window', () => {
    // Thursday 26 November 2026 → Friday 27.
    expect(newDistributionText(relay, '2026-11-26')).toEqual({
      pickupDate: '2026-11-27',
      pickupStart: '17:00',
      pickupEnd: '19:00',
      'opens.date': '2026-11-21',
      'opens.time': '09:00',
      'closes.date': '2026-11-25',
      'closes.time': '23:59',
      notes: '',
    });
    // On a Friday the next one is a week later, never today.
    expect(newDistributionText(relay, '2026-11-27').pickupDate).toBe('2026-12-04');
  });

  it('moves the ordering window with the pickup day, keeping a window the organiser changed', () => {
    const text = newDistributionText(relay, '2026-11-26');
    expect(followPickupDate(text, '2026-12-04')).toMatchObject({ 'opens.date': '2026-11-28', 'closes.date': '2026-12-02' });
    const early = { ...text, 'opens.date': '2026-11-10', 'closes.time': '12:00' };
    expect(followPickupDate(early, '2027-01-01')).toMatchObject({ 'opens.date': '2026-12-15', 'closes.date': '2026-12-30', 'closes.time': '12:00' });
    // A pickup day half typed leaves the window alone.
    expect(followPickupDate(text, '')).toMatchObject({ pickupDate: '', 'opens.date': '2026-11-21' });
  });

  it('reads a saved window on the relay’s clock, on both sides of a clock change', () => {
    const saved = {
      pickupDate: '2027-04-02',
      pickupStart: '17:00',
      pickupEnd: '19:00',
      opensAt: '2027-03-27T08:00:00.000Z',
      closesAt: '2027-03-31T21:59:00.000Z',
      notes: '',
    } as DistributionView;
    expect(distributionText(saved, 'Europe/Brussels')).toMatchObject({
      'opens.date': '2027-03-27',
      'opens.time': '09:00',
      'closes.date': '2027-03-31',
      'closes.time': '23:59',
    });
  });

  it('sends only what changed, with both pickup hours so the server can compare them', () => {
    const original = newDistributionText(relay, '2026-11-26');
    expect(changesOf(original, original)).toEqual({});
    expect(changesOf(original, { ...original, notes: 'Marché de Noël' })).toEqual({ notes: 'Marché de Noël' });
    expect(changesOf(original, { ...original, pickupEnd: '16:00' })).toEqual({ pickupStart: '17:00', pickupEnd: '16:00' });
    expect(changesOf(original, { ...original, 'closes.time': '20:00' })).toEqual({ closes: { date: '2026-11-25', time: '20:00' } });
  });
});

describe('the series form', () => {
  const spring: SeriesText = { ...newSeriesText(relay, '2026-11-26'), from: '2027-03-10', weeks: '6' };

  it('lists the weekly dates from the first matching weekday, across the clock change', () => {
    expect(plannedDates(spring)).toEqual(['2027-03-12', '2027-03-19', '2027-03-26', '2027-04-02', '2027-04-09', '2027-04-16']);
    expect(plannedDates({ ...spring, length: 'until', until: '2027-03-26' })).toEqual(['2027-03-12', '2027-03-19', '2027-03-26']);
  });

  it('shows no date while the length cannot be read', () => {
    expect(plannedDates({ ...spring, weeks: 'six' })).toEqual([]);
    expect(plannedDates({ ...spring, weeks: '0' })).toEqual([]);
    expect(plannedDates({ ...spring, length: 'until', until: '' })).toEqual([]);
  });

  it('sends either a number of weeks or a last day, with the unticked dates to skip', () => {
    expect(readSeriesText(spring, ['2027-03-26'])).toEqual({
      ok: true,
      plan: { from: '2027-03-10', weekday: 5, weeks: 6, skip: ['2027-03-26'], pickupStart: '17:00', pickupEnd: '19:00' },
    });
    const until = readSeriesText({ ...spring, length: 'until', until: '2027-04-30' }, []);
    expect(until.ok && until.plan).toMatchObject({ until: '2027-04-30' });
    expect(until.ok && 'weeks' in until.plan).toBe(false);
    expect(readSeriesText({ ...spring, weeks: 'six' }, [])).toEqual({ ok: false, issues: [{ path: 'weeks', key: 'validation.integer' }] });
    expect(readSeriesText({ ...spring, weeks: ' ' }, [])).toEqual({ ok: false, issues: [{ path: 'weeks', key: 'validation.required' }] });
  });
});

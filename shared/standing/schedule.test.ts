import { describe, expect, it } from 'vitest';
import { scheduledFor } from './schedule';

const fridays = ['2026-03-06', '2026-03-13', '2026-03-20', '2026-03-27', '2026-04-03'];
const on = (schedule: Parameters<typeof scheduledFor>[0], seriesId: string | null = null) =>
  fridays.filter((pickupDate) => scheduledFor(schedule, { pickupDate, seriesId }));

describe('which distributions a standing order repeats on', () => {
  it('every distribution, of its series only when it names one', () => {
    expect(on({ seriesId: null, cadence: 'every', from: null, until: null })).toEqual(fridays);
    expect(on({ seriesId: 's-1', cadence: 'every', from: null, until: null }, 's-2')).toEqual([]);
  });

  it('every other week from its first pickup day, a week with no distribution counted all the same', () => {
    expect(on({ seriesId: null, cadence: 'everyOtherWeek', from: '2026-03-06', until: null })).toEqual(['2026-03-06', '2026-03-20', '2026-04-03']);
    // Started the week of the 13th: the 13th and the 27th.
    expect(on({ seriesId: null, cadence: 'everyOtherWeek', from: '2026-03-11', until: null })).toEqual(['2026-03-13', '2026-03-27']);
  });

  it('up to its last pickup day, that day included', () => {
    expect(on({ seriesId: null, cadence: 'every', from: '2026-03-06', until: '2026-03-20' })).toEqual(['2026-03-06', '2026-03-13', '2026-03-20']);
    expect(on({ seriesId: null, cadence: 'everyOtherWeek', from: '2026-03-06', until: '2026-03-27' })).toEqual(['2026-03-06', '2026-03-20']);
  });
});

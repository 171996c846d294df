import { describe, expect, it } from 'vitest';
import { distributionSeries } from './series';

const planned = (seriesId: string | null, pickupDate: string, cancelled = false) => ({
  seriesId, pickupDate, pickupStart: '17:00', pickupEnd: '19:00', cancelledAt: cancelled ? '2026-03-01T10:00:00.000Z' : null,
});

describe('distribution series', () => {
  it('groups the distributions made together, by their days, leaving out single ones and cancelled days', () => {
    const distributions = [
      planned('tuesdays', '2026-03-17'), planned(null, '2026-03-05'), planned('fridays', '2026-03-13'),
      planned('tuesdays', '2026-03-03'), planned('fridays', '2026-03-06'), planned('fridays', '2026-03-20', true), planned('tuesdays', '2026-03-10'),
    ];
    expect(distributionSeries(distributions)).toEqual([
      { seriesId: 'tuesdays', first: '2026-03-03', last: '2026-03-17', count: 3, pickupStart: '17:00', pickupEnd: '19:00' },
      { seriesId: 'fridays', first: '2026-03-06', last: '2026-03-13', count: 2, pickupStart: '17:00', pickupEnd: '19:00' },
    ]);
  });

  it('offers only the series that still have a distribution to come', () => {
    const distributions = [planned('winter', '2026-01-09'), planned('winter', '2026-02-27'), planned('spring', '2026-03-06'), planned('spring', '2026-06-26')];
    expect(distributionSeries(distributions, '2026-03-02').map((series) => series.seriesId)).toEqual(['spring']);
    expect(distributionSeries(distributions, '2026-02-27').map((series) => series.seriesId)).toEqual(['winter', 'spring']);
  });
});

/**
 * The distribution series a standing order can follow. A series has no name
 * of its own: it is the distributions "create a series" made together (they
 * share a `seriesId`), so it is shown by what they have in common — the
 * weekday, the pickup hours and the days it runs from and to.
 */
import type { Distribution } from '../model/distribution';
import type { LocalDate, LocalTime } from '../distributions/calendar';

export interface DistributionSeries {
  seriesId: string;
  /** The first and last pickup days of the series' distributions still planned (not cancelled). */
  first: LocalDate;
  last: LocalDate;
  count: number;
  /** Of the first one: a series is made with one pickup window for every week. */
  pickupStart: LocalTime;
  pickupEnd: LocalTime;
}

type Planned = Pick<Distribution, 'seriesId' | 'pickupDate' | 'pickupStart' | 'pickupEnd' | 'cancelledAt'>;

/**
 * Every series with a distribution still planned, first coming first; with `comingFrom`, only
 * the series that still have one on or after that day (a series that is over is no longer offered).
 */
export function distributionSeries(distributions: readonly Planned[], comingFrom: LocalDate | null = null): DistributionSeries[] {
  const bySeries = new Map<string, Planned[]>();
  for (const distribution of distributions) {
    if (distribution.seriesId === null || distribution.cancelledAt !== null) continue;
    bySeries.set(distribution.seriesId, [...(bySeries.get(distribution.seriesId) ?? []), distribution]);
  }
  const series: DistributionSeries[] = [];
  for (const [seriesId, members] of bySeries) {
    const days = members.sort((a, b) => a.pickupDate.localeCompare(b.pickupDate));
    const last = days.at(-1)!;
    if (comingFrom !== null && last.pickupDate < comingFrom) continue;
    const first = days[0]!;
    series.push({ seriesId, first: first.pickupDate, last: last.pickupDate, count: days.length, pickupStart: first.pickupStart, pickupEnd: first.pickupEnd });
  }
  return series.sort((a, b) => a.first.localeCompare(b.first) || a.pickupStart.localeCompare(b.pickupStart));
}

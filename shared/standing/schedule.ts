/**
 * Which distributions a standing order repeats on: every distribution (of its
 * series, when it has one), or every other week counted from its first pickup
 * day, up to a last pickup day when it has one. Pure, on local days, so the
 * count never drifts with clock changes.
 */
import type { Distribution } from '../model/distribution';
import type { StandingOrder } from '../model/standing-order';

type Schedule = Pick<StandingOrder, 'seriesId' | 'cadence' | 'from' | 'until'>;

/** Days between two local days, counted on UTC midnights so the machine's time zone never shifts a day. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function scheduledFor(standing: Schedule, distribution: Pick<Distribution, 'seriesId' | 'pickupDate'>): boolean {
  if (standing.seriesId !== null && standing.seriesId !== distribution.seriesId) return false;
  if (standing.from !== null && distribution.pickupDate < standing.from) return false;
  if (standing.until !== null && distribution.pickupDate > standing.until) return false;
  if (standing.cadence === 'everyOtherWeek' && standing.from !== null) {
    const weeks = Math.floor(daysBetween(standing.from, distribution.pickupDate) / 7);
    return weeks % 2 === 0;
  }
  return true;
}

import type { DistributionView } from '../../../shared/catalogue/views';
import type { LocalDate } from '../../../shared/distributions/calendar';

/** The first distribution not cancelled whose pickup is today or later. */
export function nextDistribution(distributions: readonly DistributionView[], today: LocalDate): DistributionView | null {
  const coming = distributions
    .filter((distribution) => distribution.status !== 'cancelled' && distribution.pickupDate >= today)
    .sort((a, b) => a.pickupDate.localeCompare(b.pickupDate) || a.pickupStart.localeCompare(b.pickupStart));
  return coming[0] ?? null;
}

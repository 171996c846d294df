/**
 * Which distribution the counter opens: today's first, then the next ones by
 * date, then the recent past ones (latest first), whose late pickups and
 * no-shows may still be recorded. Cancelled distributions have no pickup.
 */
import type { DistributionView } from '../../../../shared/catalogue/views';

export function distributionsForPickup(distributions: readonly DistributionView[], today: string): DistributionView[] {
  const active = distributions.filter((distribution) => distribution.status !== 'cancelled');
  const coming = active.filter((distribution) => distribution.pickupDate >= today).sort((a, b) => a.pickupDate.localeCompare(b.pickupDate));
  const past = active.filter((distribution) => distribution.pickupDate < today).sort((a, b) => b.pickupDate.localeCompare(a.pickupDate));
  return [...coming, ...past];
}

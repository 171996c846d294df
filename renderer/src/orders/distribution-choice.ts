/**
 * The order in which the organiser meets distributions when taking orders:
 * those open for ordering first, then those waiting for their pickup (closed),
 * then those still to open, then the ones already distributed, latest first.
 * Cancelled distributions take no orders and are left out.
 */
import type { DistributionView } from '../../../shared/catalogue/views';
import type { DistributionStatus } from '../../../shared/model/distribution';

const RANK: Record<DistributionStatus, number> = { open: 0, closed: 1, upcoming: 2, distributed: 3, cancelled: 4 };

export function distributionsToChoose(distributions: readonly DistributionView[]): DistributionView[] {
  return distributions
    .filter((distribution) => distribution.status !== 'cancelled')
    .sort((a, b) => {
      const byStatus = RANK[a.status] - RANK[b.status];
      if (byStatus !== 0) return byStatus;
      const byDay = a.pickupDate.localeCompare(b.pickupDate);
      return a.status === 'distributed' ? -byDay : byDay;
    });
}

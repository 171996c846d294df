import { CheckinPage } from './checkin/CheckinPage';
import { SlotsPage } from './slots/SlotsPage';

/**
 * `#/pickup` — distribution day. `#/pickup/<distributionId>` is the counter
 * (check-in); `#/pickup/<distributionId>/slots` plans the pickup slots.
 */
export function PickupPage({ path }: { path: string[] }) {
  const [distributionId, sub] = path;
  if (distributionId && sub === 'slots') return <SlotsPage key={distributionId} distributionId={distributionId} />;
  return <CheckinPage key={distributionId ?? ''} distributionId={distributionId ?? null} />;
}

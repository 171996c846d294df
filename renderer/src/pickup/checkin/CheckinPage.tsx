import { CheckinChoice } from './CheckinChoice';
import { CheckinCounter } from './CheckinCounter';
// The status badges, back links and facts line are the distributions' and orders' own: the same look everywhere.
import '../../distributions/distributions.css';
import '../../orders/orders.css';
import './checkin.css';

/** `#/pickup` chooses the distribution; `#/pickup/<distributionId>` is its counter. */
export function CheckinPage({ distributionId }: { distributionId: string | null }) {
  return distributionId ? <CheckinCounter distributionId={distributionId} /> : <CheckinChoice />;
}

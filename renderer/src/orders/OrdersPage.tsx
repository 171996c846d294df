import { DistributionChoice } from './DistributionChoice';
import { DistributionOrders } from './DistributionOrders';
import { OrderEditor } from './OrderEditor';
// The status badges and the back links are the distributions screen's own: the same look on both.
import '../distributions/distributions.css';
import './orders.css';

/**
 * `#/orders` chooses a distribution, `#/orders/<distributionId>` lists its
 * orders and what it sold, `#/orders/<distributionId>/<orderId>` edits one order.
 * Keyed by id: another distribution or order is another page, with nothing left over.
 */
export function OrdersPage({ path }: { path: string[] }) {
  const [distributionId, orderId] = path;
  if (distributionId && orderId) return <OrderEditor key={orderId} distributionId={distributionId} orderId={orderId} />;
  if (distributionId) return <DistributionOrders key={distributionId} distributionId={distributionId} />;
  return <DistributionChoice />;
}

/**
 * What the editor may do with an order now. Orders change while ordering is
 * open; before it opens or after it closes (until the pickup) only an order
 * the organiser recorded as late does; once the distribution is over or
 * cancelled, nothing does — the same rule the orders service applies.
 */
import type { DistributionView } from '../../../shared/catalogue/views';
import type { Order } from '../../../shared/model/order';

export interface OrderAccess {
  editable: boolean;
  /** A cancelled order can come back (the stock is checked again). */
  canRestore: boolean;
  /** "Enregistrer une commande tardive" is offered. */
  canRecordLate: boolean;
}

export function orderAccess(distribution: Pick<DistributionView, 'status'>, order: Pick<Order, 'late' | 'cancelledAt'>): OrderAccess {
  const windowOpen = distribution.status === 'open';
  const lateAllowed = distribution.status === 'upcoming' || distribution.status === 'closed';
  const writable = windowOpen || (order.late && lateAllowed);
  const cancelled = order.cancelledAt !== null;
  return {
    editable: writable && !cancelled,
    canRestore: writable && cancelled,
    canRecordLate: lateAllowed && !order.late,
  };
}

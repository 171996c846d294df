import type { Order } from '../../../shared/model/order';
import { orderStates, type OrderState } from '../../../shared/orders/order-state';
import { useI18n } from '../i18n/i18n-context';

const KEYS = {
  cancelled: 'orders.state.cancelled',
  late: 'orders.state.late',
  collected: 'orders.state.collected',
  absent: 'orders.state.absent',
  paid: 'orders.state.paid',
} as const satisfies Record<OrderState, string>;

/** The État of an order in words (not only colour), the same in every list of orders. */
export function OrderStateBadges({ order, paid }: { order: Pick<Order, 'late' | 'cancelledAt' | 'collectedAt' | 'noShowAt'>; paid: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {orderStates(order, paid).map((state) => (
        <span key={state} className={`order-badge order-badge-${state}`}>
          {t(KEYS[state])}
        </span>
      ))}
    </>
  );
}

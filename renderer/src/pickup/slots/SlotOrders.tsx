import type { ListedOrder, OrderView } from '../../../../shared/orders/views';
import { OrderStateBadges } from '../../orders/OrderStateBadges';
import { useI18n } from '../../i18n/i18n-context';
import { areaHref } from '../../shell/areas';

interface SlotOrdersProps {
  caption: string;
  orders: ListedOrder[];
  /** Absent when nothing can move (no other slot, or the distribution is over). */
  onMove?: (view: OrderView) => void;
}

/** The orders of one slot (or of none) by basket number; their État, a hand placing and an override are said in words. */
export function SlotOrders({ caption, orders, onMove }: SlotOrdersProps) {
  const { t } = useI18n();
  return (
    <div className="table-frame">
      <table className="table slot-orders-table" aria-label={caption}>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t('slots.column.basket')}
            </th>
            <th scope="col">{t('slots.column.member')}</th>
            <th scope="col">{t('slots.column.state')}</th>
            {onMove && <th scope="col">{t('slots.column.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {orders.map((view) => {
            const { order, member } = view;
            return (
            <tr key={order.id}>
              <td className="numeric order-basket">{order.basketNumber}</td>
              <th scope="row">
                <a href={areaHref('orders', order.distributionId, order.id)}>{member.name}</a>
              </th>
              <td>
                <OrderStateBadges order={order} paid={view.paid} />
                {order.slotPinned && <span className="order-badge slot-badge-pinned">{t('slots.pinned')}</span>}
                {order.slotOverride && <span className="order-badge slot-badge-override">{t('slots.override')}</span>}
              </td>
              {onMove && (
                <td>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t('slots.moveLabel', { basket: order.basketNumber, name: member.name })}
                    onClick={() => onMove(view)}
                  >
                    {t('slots.move')}
                  </button>
                </td>
              )}
            </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

import { formatMoney } from '../../../shared/i18n/format';
import type { ListedOrder } from '../../../shared/orders/views';
import { useReadyApp } from '../app/ready-app-context';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';
import { OrderStateBadges } from './OrderStateBadges';

/**
 * Every order of the distribution by basket number. The member's name is the
 * link to the order; its État says late, cancelled, collected, absent, paid in
 * words, not only by colour, and a cancelled order's total is struck out (it counts for nothing).
 */
export function OrderTable({ orders }: { orders: ListedOrder[] }) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  return (
    <div className="table-frame">
      <table className="table order-table">
        <caption className="visually-hidden">{t('orders.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t('orders.column.basket')}
            </th>
            <th scope="col">{t('orders.column.member')}</th>
            <th scope="col">{t('orders.column.phone')}</th>
            <th scope="col" className="numeric">
              {t('orders.column.lines')}
            </th>
            <th scope="col" className="numeric">
              {t('orders.column.total')}
            </th>
            <th scope="col">{t('orders.column.state')}</th>
          </tr>
        </thead>
        <tbody>
          {orders.map(({ order, member, totalCents, paid }) => {
            const cancelled = order.cancelledAt !== null;
            return (
              <tr key={order.id} className={cancelled ? 'order-row-cancelled' : undefined}>
                <td className="numeric order-basket">{order.basketNumber}</td>
                <th scope="row">
                  <a href={areaHref('orders', order.distributionId, order.id)}>
                    {/* A counter sale (issue 7) names its buyer, or says it was a walk-in. */}
                    {member.name || t('accounts.walkIn')}
                    {order.counter && ` · ${t('counter.sale.title')}`}
                  </a>
                </th>
                {/* Its own column, so each order stays one line and a dozen fit on a laptop screen (issue 14). */}
                <td className="order-contact">{member.phone}</td>
                <td className="numeric">{order.lines.length}</td>
                <td className="numeric order-row-total">{formatMoney(language, totalCents, relay.currency)}</td>
                <td>
                  <OrderStateBadges order={order} paid={paid} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

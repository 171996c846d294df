import type { OrderRef } from '../../../shared/sync/conflicts';
import { useI18n } from '../i18n/i18n-context';

/** The orders a clash is about, oldest first (the one that keeps its number, or receives the others' lines). */
export function OrderRefList({ orders }: { orders: readonly OrderRef[] }) {
  const { t } = useI18n();
  return (
    <ul className="sync-version">
      {orders.map((order) => (
        <li key={order.orderId}>
          {t('sync.orderRef', { basket: order.basketNumber, member: order.memberName, count: order.lineCount })}
        </li>
      ))}
    </ul>
  );
}

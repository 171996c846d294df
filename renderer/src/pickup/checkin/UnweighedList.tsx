import type { CheckinOrder } from '../../../../shared/checkin/day';
import type { UnweighedLine } from '../../../../shared/checkin/unweighed';
import { formatWeight } from '../../../../shared/i18n/format';
import type { OrderLine } from '../../../../shared/model/order';
import { chargedGrams } from '../../../../shared/orders/totals';
import { useI18n } from '../../i18n/i18n-context';
import { WeighField } from './WeighField';

interface UnweighedListProps {
  unweighed: readonly UnweighedLine[];
  orders: readonly CheckinOrder[];
  busy: boolean;
  money: (cents: number) => string;
  onWeigh: (order: CheckinOrder, line: OrderLine, grams: number | null) => Promise<boolean>;
}

/**
 * Before the day is closed (issue 15): the lines sold by weight still charged
 * at their estimate, each with its weighing field — by product, so the
 * producer's delivery can be weighed crate by crate. Nothing is shown once
 * every line is weighed.
 */
export function UnweighedList({ unweighed, orders, busy, money, onWeigh }: UnweighedListProps) {
  const { t, language } = useI18n();
  if (unweighed.length === 0) return null;
  const byId = new Map(orders.map((order) => [order.orderId, order]));
  return (
    <section aria-labelledby="checkin-unweighed-title" className="checkin-unweighed">
      <h2 id="checkin-unweighed-title">{t('unweighed.title', { count: unweighed.length })}</h2>
      <p className="muted">{t('unweighed.intro')}</p>
      <ul className="checkin-unweighed-lines">
        {unweighed.map(({ orderId, basketNumber, memberName, line }) => {
          const order = byId.get(orderId);
          return (
            <li key={line.id} className="checkin-line">
              <span className="checkin-item">
                {t('unweighed.line', { basket: basketNumber, name: memberName, product: line.productName, quantity: line.quantity, weight: formatWeight(language, chargedGrams(line) ?? 0) })}
              </span>
              {order && <WeighField line={line} basket={basketNumber} busy={busy} money={money} onWeigh={(weighed, grams) => onWeigh(order, weighed, grams)} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

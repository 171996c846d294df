import { useState } from 'react';
import type { CounterSaleRow } from '../../../../shared/accounts/views';
import { useMoney } from '../../accounts/use-money';
import type { Notice } from '../../forms/StatusMessage';
import { useI18n } from '../../i18n/i18n-context';
import { CancelSaleDialog } from './CancelSaleDialog';

interface CounterSalesProps {
  sales: readonly CounterSaleRow[];
  /** After a cancellation: the till's totals are read again and the counter says what happened. */
  onCancelled: (notice: Notice) => void;
}

/** The day's counter sales, each with what was paid; one made by mistake is cancelled here (never edited as an order). */
export function CounterSales({ sales, onCancelled }: CounterSalesProps) {
  const { t } = useI18n();
  const money = useMoney();
  const [cancelling, setCancelling] = useState<CounterSaleRow | null>(null);
  const buyerOf = (sale: CounterSaleRow) => sale.buyer || t('counter.sale.walkIn');

  return (
    <div className="table-frame">
      <table className="table">
        <caption>{t('till.sales.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t('till.column.sale')}
            </th>
            <th scope="col">{t('till.column.buyer')}</th>
            <th scope="col" className="numeric">
              {t('till.column.total')}
            </th>
            <th scope="col" className="numeric">
              {t('till.column.paid')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sales.map((sale) => (
            <tr key={sale.orderId}>
              <td className="numeric">{sale.basketNumber}</td>
              <th scope="row">{buyerOf(sale)}</th>
              <td className="numeric">{money(sale.totalCents)}</td>
              <td className="numeric">{money(sale.paidCents)}</td>
              <td className="row-actions">
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t('counter.cancel.label', { number: sale.basketNumber, buyer: buyerOf(sale) })}
                  onClick={() => setCancelling(sale)}
                >
                  {t('counter.cancel.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {cancelling && (
        <CancelSaleDialog
          sale={cancelling}
          buyer={buyerOf(cancelling)}
          onClose={() => setCancelling(null)}
          onCancelled={() => {
            const sale = cancelling;
            setCancelling(null);
            onCancelled({ key: sale.walkIn ? 'counter.cancel.doneWalkIn' : 'counter.cancel.doneMember', params: { number: sale.basketNumber, buyer: buyerOf(sale), paid: money(sale.paidCents) } });
          }}
        />
      )}
    </div>
  );
}

import { formatMoney } from '../../../shared/i18n/format';
import type { Sales } from '../../../shared/orders/sales';
import { useReadyApp } from '../app/ready-app-context';
import { useI18n } from '../i18n/i18n-context';

/**
 * What the distribution sold: per product (what each producer brings) and
 * per producer, from the lines of the orders that are not cancelled. Each
 * table's total is the sum of its rows.
 */
export function SalesTables({ sales }: { sales: Sales }) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const money = (cents: number) => formatMoney(language, cents, relay.currency);
  const producerName = (name: string) => name || t('orders.unknownProducer');

  return (
    <div className="sales">
      <section className="order-section" aria-labelledby="sales-products-title">
        <h2 id="sales-products-title">{t('orders.sales.products')}</h2>
        <p className="muted">{t('orders.sales.note')}</p>
        {sales.products.length === 0 ? (
          <p className="empty-state">{t('orders.sales.empty')}</p>
        ) : (
          <div className="table-frame">
            <table className="table sales-table">
              <caption className="visually-hidden">{t('orders.sales.products')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('orders.column.product')}</th>
                  <th scope="col">{t('orders.column.producer')}</th>
                  <th scope="col" className="numeric">
                    {t('orders.column.quantityOrdered')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('orders.column.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {sales.products.map((row) => (
                  <tr key={row.productId}>
                    <th scope="row">{row.productName}</th>
                    <td>{producerName(row.producer.name)}</td>
                    <td className="numeric">{row.quantity}</td>
                    <td className="numeric">{money(row.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    {t('orders.sales.total')}
                  </th>
                  <td className="numeric">{money(sales.totalCents)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>
      {sales.producers.length > 0 && (
        <section className="order-section" aria-labelledby="sales-producers-title">
          <h2 id="sales-producers-title">{t('orders.sales.producers')}</h2>
          <div className="table-frame sales-producers-frame">
            <table className="table sales-table">
              <caption className="visually-hidden">{t('orders.sales.producers')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('orders.column.producer')}</th>
                  <th scope="col" className="numeric">
                    {t('orders.column.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {sales.producers.map((row) => (
                  <tr key={row.producer.id}>
                    <th scope="row">{producerName(row.producer.name)}</th>
                    <td className="numeric">{money(row.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('orders.sales.total')}</th>
                  <td className="numeric">{money(sales.totalCents)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}

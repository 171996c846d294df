import { useEffect, useState } from 'react';
import type { DistributionView } from '../../../shared/catalogue/views';
import type { AppError } from '../../../shared/contract/errors';
import { formatDateTime, formatMoney, longDay } from '../../../shared/i18n/format';
import type { OrderView } from '../../../shared/orders/views';
import { lineTotal, missingTotal } from '../../../shared/orders/totals';
import { useReadyApp } from '../app/ready-app-context';
import { call } from '../client';
import { useI18n } from '../i18n/i18n-context';
import { PrintFrame } from './PrintFrame';
import { lineWeightText } from './weight-text';

/**
 * `#/print/receipt/<orderId>`: a member's receipt for a collected basket (issue 15): what was
 * handed over, line by line at the frozen prices, the missing lines refunded, and the total.
 * Line totals come from shared/orders/totals.ts, the one place a line's amount is computed; a line
 * sold by weight says its estimated and weighed weight, and its price per kg.
 */
export function ReceiptPrint({ orderId }: { orderId: string }) {
  const { t, language, timeZone } = useI18n();
  const { relay } = useReadyApp();
  const [view, setView] = useState<OrderView | null>(null);
  const [distribution, setDistribution] = useState<DistributionView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const money = (cents: number) => formatMoney(language, cents, relay.currency);

  useEffect(() => {
    let live = true;
    void call('orders.get', { orderId }).then(async (outcome) => {
      if (!live) return;
      if (!outcome.ok) return setError(outcome.error);
      const day = await call('distributions.get', { id: outcome.value.order.distributionId });
      if (!live) return;
      if (!day.ok) return setError(day.error);
      setView(outcome.value);
      setDistribution(day.value);
    });
    return () => {
      live = false;
    };
  }, [orderId]);

  const order = view?.order;
  const title = order ? t('receipts.title', { basket: order.basketNumber }) : t('receipts.titleShort');
  const refunded = order ? missingTotal(order) : 0;
  return (
    <PrintFrame title={title} job={{ view: 'receipt', id: orderId }} loaded={view !== null && distribution !== null} error={error}>
      {view && order && distribution && (
        <>
          <header className="print-sheet-head">
            <h2 className="print-sheet-title">{title}</h2>
            <p className="print-relay">{relay.name}</p>
            {relay.address && <p className="print-relay-address">{relay.address}</p>}
            <p className="print-pickup">{t('receipts.member', { name: view.member.name })}</p>
            <p className="print-pickup">{t('receipts.distribution', { day: longDay(language, distribution.pickupDate) })}</p>
            <p className="print-pickup">
              {order.collectedAt ? t('receipts.collectedAt', { at: formatDateTime(language, order.collectedAt, timeZone) }) : t('receipts.notCollected')}
            </p>
          </header>
          <table className="print-table">
            <thead>
              <tr>
                <th scope="col">{t('invoices.col.product')}</th>
                <th scope="col" className="numeric">{t('invoices.col.quantity')}</th>
                <th scope="col" className="numeric">{t('receipts.unitPrice')}</th>
                <th scope="col" className="numeric">{t('receipts.lineTotal')}</th>
              </tr>
            </thead>
            <tbody>
              {order.lines.map((line) => {
                const weight = lineWeightText(t, language, line);
                return (
                  <tr key={line.id}>
                    <td>
                      {line.missing ? t('receipts.missingLine', { product: line.productName }) : line.productName}
                      {weight && <span className="sheet-weight"> ({weight})</span>}
                    </td>
                    <td className="numeric">{line.quantity}</td>
                    <td className="numeric">{weight ? t('weight.perKg', { price: money(line.unitPriceCents) }) : money(line.unitPriceCents)}</td>
                    <td className="numeric">{money(lineTotal(line))}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <table className="print-table statement-amounts">
            <tbody>
              {refunded > 0 && (
                <tr>
                  <th scope="row">{t('receipts.refunded')}</th>
                  <td className="numeric">{money(-refunded)}</td>
                </tr>
              )}
              <tr>
                <th scope="row">{t('receipts.total')}</th>
                <td className="numeric">
                  <strong>{money(view.totalCents - refunded)}</strong>
                </td>
              </tr>
            </tbody>
          </table>
        </>
      )}
    </PrintFrame>
  );
}

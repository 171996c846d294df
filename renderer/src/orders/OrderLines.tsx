import { useState, type KeyboardEvent } from 'react';
import type { OfferRow } from '../../../shared/catalogue/views';
import type { AppError } from '../../../shared/contract/errors';
import { formatMoney, formatWeight } from '../../../shared/i18n/format';
import type { Order, OrderLine } from '../../../shared/model/order';
import { chargedGrams, isSoldByWeight, lineTotal, orderTotal } from '../../../shared/orders/totals';
import { useReadyApp } from '../app/ready-app-context';
import { useI18n } from '../i18n/i18n-context';
import { errorText } from './error-text';
import { readQuantity } from './quantity-text';
import { RemainingStock } from './RemainingStock';

interface OrderLinesProps {
  order: Order;
  offers: OfferRow[];
  editable: boolean;
  onSetQuantity: (line: OrderLine, quantity: number) => Promise<AppError | null>;
  onRemove: (line: OrderLine) => void;
  busyLineId: string | null;
}

/**
 * The order's lines with their frozen unit prices and the order total, which
 * is always the sum of the lines. While the order can change, each quantity
 * is a box: type a number and Enter (or leave the box) to change it.
 */
export function OrderLines({ order, offers, editable, onSetQuantity, onRemove, busyLineId }: OrderLinesProps) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const money = (cents: number) => formatMoney(language, cents, relay.currency);
  const offerOf = (productId: string) => offers.find((row) => row.product.id === productId);

  if (order.lines.length === 0) return <p className="empty-state order-lines-empty">{t('orders.lines.empty')}</p>;

  return (
    <div className="table-frame">
      <table className="table order-lines">
        <caption className="visually-hidden">{t('orders.lines.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('orders.column.product')}</th>
            <th scope="col">{t('orders.column.producer')}</th>
            <th scope="col" className="numeric">
              {t('orders.column.quantity')}
            </th>
            <th scope="col" className="numeric">
              {t('orders.column.unitPrice')}
            </th>
            <th scope="col" className="numeric">
              {t('orders.column.lineTotal')}
            </th>
            <th scope="col" className="numeric">
              {t('orders.column.remaining')}
            </th>
            {editable && (
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => {
            const offer = offerOf(line.productId);
            return (
              <tr key={line.id}>
                <th scope="row">{line.productName}</th>
                <td>{offer?.producer.name ?? <span className="muted">{t('common.none')}</span>}</td>
                <td className="numeric">
                  {editable ? (
                    <LineQuantity key={line.id} line={line} onSave={onSetQuantity} />
                  ) : (
                    line.quantity
                  )}
                </td>
                <td className="numeric">{isSoldByWeight(line) ? t('weight.perKg', { price: money(line.unitPriceCents) }) : money(line.unitPriceCents)}</td>
                <td className="numeric">
                  {money(lineTotal(line))}
                  {isSoldByWeight(line) && (
                    <span className="muted">
                      {' '}
                      ({t(line.weighedGrams === null ? 'weight.estimated' : 'weight.weighed', { weight: formatWeight(language, chargedGrams(line) ?? 0) })})
                    </span>
                  )}
                </td>
                <td className="numeric">{offer ? <RemainingStock remaining={offer.remaining} /> : t('common.none')}</td>
                {editable && (
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={t('orders.removeLabel', { product: line.productName })}
                      disabled={busyLineId === line.id}
                      onClick={() => onRemove(line)}
                    >
                      {t('orders.remove')}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              {t('orders.total')}
            </th>
            <td className="numeric order-total">{money(orderTotal(order))}</td>
            <td colSpan={editable ? 2 : 1} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** A quantity box: Enter or leaving it saves, Escape puts the saved quantity back; a refusal keeps what was typed. */
function LineQuantity({ line, onSave }: { line: OrderLine; onSave: OrderLinesProps['onSetQuantity'] }) {
  const { t } = useI18n();
  const [text, setText] = useState(String(line.quantity));
  const [shown, setShown] = useState(line.quantity);
  // A saved change (here, or the same product added again from the search) puts the new quantity in the box.
  if (shown !== line.quantity) {
    setShown(line.quantity);
    setText(String(line.quantity));
  }
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = `line-${line.id}-error`;

  async function commit() {
    if (busy || text.trim() === String(line.quantity)) return;
    const quantity = readQuantity(text);
    if (quantity === null) {
      setError({ key: 'orders.quantityInvalid' });
      return;
    }
    setBusy(true);
    const refusal = await onSave(line, quantity);
    setBusy(false);
    setError(refusal);
  }

  function keyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void commit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setText(String(line.quantity));
      setError(null);
    }
  }

  return (
    <div className="line-quantity">
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className="line-quantity-input"
        aria-label={t('orders.quantityOf', { product: line.productName })}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        aria-busy={busy || undefined}
        readOnly={busy}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={keyDown}
        onBlur={() => void commit()}
      />
      {error && (
        <p id={errorId} role="alert" className="line-quantity-error">
          {errorText(t, error)}
        </p>
      )}
    </div>
  );
}

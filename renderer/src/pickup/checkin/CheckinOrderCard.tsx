import type { CheckinOrder } from '../../../../shared/checkin/day';
import type { OrderLine } from '../../../../shared/model/order';
import { lineTotal } from '../../../../shared/orders/totals';
import type { SheetOffer } from '../../../../shared/sheets/source';
import { useI18n } from '../../i18n/i18n-context';
import { linesByProducer } from './checkin-search';

interface CheckinOrderCardProps {
  order: CheckinOrder;
  offers: readonly SheetOffer[];
  busy: boolean;
  money: (cents: number) => string;
  timeOf: (instant: string) => string;
  onCollect: (order: CheckinOrder) => void;
  /** "Encaisser et remettre": offered while something is due. */
  onPay: (order: CheckinOrder) => void;
  onUndo: (order: CheckinOrder) => void;
  onMissing: (order: CheckinOrder, line: OrderLine) => void;
  onFound: (order: CheckinOrder, line: OrderLine) => void;
}

/**
 * One member's basket at the counter: the number large enough to read across
 * the table, what to hand over producer by producer, and one big action —
 * "Retiré", or once collected its time and "Annuler". The card's primary
 * action carries `data-primary`: the arrow keys move between cards by it.
 */
export function CheckinOrderCard({ order, offers, busy, money, timeOf, onCollect, onPay, onUndo, onMissing, onFound }: CheckinOrderCardProps) {
  const { t } = useI18n();
  const { basketNumber: basket, member } = order;
  const labelId = `checkin-order-${order.orderId}`;
  const collected = order.collectedAt !== null;
  const account = order.account;
  const due = account?.due.dueCents ?? 0;

  return (
    <li className={collected ? 'checkin-card checkin-card-collected' : 'checkin-card'} data-order-id={order.orderId} aria-labelledby={labelId}>
      <div className="checkin-card-head">
        <h3 id={labelId} className="checkin-card-title">
          <span className="checkin-basket">
            <span className="visually-hidden">{t('checkin.basket')} </span>
            {basket}
          </span>{' '}
          <span className="checkin-name">{member.name}</span>
        </h3>
        {member.phone && (
          <a className="checkin-phone" href={`tel:${member.phone.replace(/[^\d+]/g, '')}`}>
            {member.phone}
          </a>
        )}
        <div className="checkin-card-action">
          {collected ? (
            <>
              <span className="checkin-collected-at">{t('checkin.collectedAt', { time: timeOf(order.collectedAt!) })}</span>
              <button
                type="button"
                className="button checkin-button"
                data-primary
                disabled={busy}
                aria-label={t('checkin.undoLabel', { basket, name: member.name })}
                onClick={() => onUndo(order)}
              >
                {t('checkin.undo')}
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                className="button button-primary checkin-button"
                data-primary
                disabled={busy}
                aria-label={t('checkin.collectLabel', { basket, name: member.name })}
                onClick={() => onCollect(order)}
              >
                {t('checkin.collect')}
              </button>
              {due > 0 && (
                <button
                  type="button"
                  className="button checkin-button"
                  disabled={busy}
                  aria-label={t('counter.payLabel', { basket, name: member.name })}
                  onClick={() => onPay(order)}
                >
                  {t('counter.pay')}
                </button>
              )}
            </>
          )}
        </div>
      </div>
      {order.noShowAt !== null && !collected && <p className="checkin-absent">{t('checkin.absentAt', { time: timeOf(order.noShowAt) })}</p>}
      {order.note && <p className="checkin-note">{t('checkin.note', { note: order.note })}</p>}
      <ul className="checkin-producers" aria-label={t('checkin.itemsOf', { name: member.name })}>
        {linesByProducer(order.lines, offers).map((group) => (
          <li key={group.producerId} className="checkin-producer">
            <span className="checkin-producer-name">{group.producerName}</span>
            <ul className="checkin-lines">
              {group.lines.map((line) => (
                <li key={line.id} className={line.missing ? 'checkin-line checkin-line-missing' : 'checkin-line'}>
                  <span className="checkin-item">{t('checkin.item', { quantity: line.quantity, product: line.productName })}</span>
                  {line.missing ? (
                    <>
                      <span className="checkin-missing">
                        {line.missing.note ? t('checkin.missingNote', { note: line.missing.note }) : t('checkin.missingNoNote')}{' '}
                        {t('checkin.missingRefund', { amount: money(lineTotal(line)) })}
                      </span>
                      <button
                        type="button"
                        className="button button-small"
                        disabled={busy}
                        aria-label={t('checkin.foundLabel', { product: line.productName, basket })}
                        onClick={() => onFound(order, line)}
                      >
                        {t('checkin.found')}
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      className="button button-small"
                      disabled={busy}
                      aria-label={t('checkin.missingLabel', { product: line.productName, basket })}
                      onClick={() => onMissing(order, line)}
                    >
                      {t('checkin.missing')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <p className="checkin-total">
        {t('checkin.total', { total: money(order.totalCents) })}
        {order.missingCents > 0 && <span className="checkin-refund"> · {t('checkin.refund', { amount: money(order.missingCents) })}</span>}
      </p>
      {account && (
        <p className="checkin-due">
          {collected ? (
            <>
              {account.paidCents !== 0 && <>{t('counter.paid', { amount: money(account.paidCents) })} · </>}
              {t('counter.balanceAfter', { amount: money(account.balanceCents) })}
            </>
          ) : due > 0 ? (
            <>
              <strong>{t('counter.due', { amount: money(due) })}</strong>
              {(account.due.creditUsedCents > 0 || account.due.previousDebtCents > 0) && (
                <span className="muted">
                  {' '}
                  ({[
                    t('counter.dueDetail.order', { amount: money(account.billableCents) }),
                    // Only the parts that apply: "− crédit 0,00 €" or "+ dette 0,00 €" is noise at the counter.
                    account.due.creditUsedCents > 0 && t('counter.dueDetail.credit', { amount: money(account.due.creditUsedCents) }),
                    account.due.previousDebtCents > 0 && t('counter.dueDetail.debt', { amount: money(account.due.previousDebtCents) }),
                  ]
                    .filter(Boolean)
                    .join(' ')})
                </span>
              )}
            </>
          ) : (
            t('counter.creditCovers', { amount: money(account.due.creditLeftCents) })
          )}
        </p>
      )}
    </li>
  );
}

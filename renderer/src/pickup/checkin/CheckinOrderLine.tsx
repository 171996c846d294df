import type { FocusEvent } from 'react';
import type { CheckinOrder } from '../../../../shared/checkin/day';
import type { OrderLine } from '../../../../shared/model/order';
import { isSoldByWeight, lineTotal } from '../../../../shared/orders/totals';
import type { SheetOffer } from '../../../../shared/sheets/source';
import { useI18n } from '../../i18n/i18n-context';
import { OrderStateBadges } from '../../orders/OrderStateBadges';
import { linesByProducer } from './checkin-search';
import { WeighField } from './WeighField';

interface CheckinOrderLineProps {
  order: CheckinOrder;
  /** Its items, missing flags and account shown: found by the search, or the line the organiser is on. */
  expanded: boolean;
  offers: readonly SheetOffer[];
  busy: boolean;
  money: (cents: number) => string;
  timeOf: (instant: string) => string;
  /** The focus came into the line (its action, an item's button): open it. */
  onSelect: () => void;
  /** The details button, for a pointer: open or close the line. */
  onToggle: () => void;
  onCollect: (order: CheckinOrder) => void;
  /** "Encaisser et remettre": offered while something is due. */
  onPay: (order: CheckinOrder) => void;
  onUndo: (order: CheckinOrder) => void;
  onMissing: (order: CheckinOrder, line: OrderLine) => void;
  onFound: (order: CheckinOrder, line: OrderLine) => void;
  /** A line sold by weight weighed (null: the weighing cleared); false when refused. */
  onWeigh: (order: CheckinOrder, line: OrderLine, grams: number | null) => Promise<boolean>;
}

/** Paid at the counter, nothing left due: the État says "Payé" as in the orders list. */
export const isPaid = (order: CheckinOrder): boolean => order.account !== null && order.account.paidCents > 0 && order.account.due.dueCents === 0;

/**
 * One member's basket at the counter, on one line: the number large enough to
 * read across the table, the name, what is due and the action, named for what
 * it does ("Marquer retiré", "Encaisser et remettre"). What to hand over,
 * producer by producer, opens below only for the line found or focused: a list
 * of every basket's items was 15 000 px and 200 Tab stops for 32 orders.
 * The primary action carries `data-primary`: the arrow keys move between lines by it.
 */
export function CheckinOrderLine(props: CheckinOrderLineProps) {
  const { order, expanded, busy, money, timeOf, onSelect, onToggle, onCollect, onPay, onUndo } = props;
  const { t } = useI18n();
  const { basketNumber: basket, member } = order;
  const labelId = `checkin-order-${order.orderId}`;
  const detailsId = `checkin-details-${order.orderId}`;
  const collected = order.collectedAt !== null;
  const due = order.account?.due.dueCents ?? 0;
  const focusIn = (event: FocusEvent<HTMLLIElement>) => {
    // The details button toggles by itself; every other control opens the line it is in.
    if (!(event.target as HTMLElement).hasAttribute('data-toggle')) onSelect();
  };

  return (
    <li
      className={['checkin-line-item', collected && 'checkin-card-collected', expanded && 'checkin-line-open'].filter(Boolean).join(' ')}
      data-order-id={order.orderId}
      aria-labelledby={labelId}
      onFocus={focusIn}
    >
      <div className="checkin-card-head">
        <h3 id={labelId} className="checkin-card-title">
          <span className="checkin-basket">
            <span className="visually-hidden">{t('checkin.basket')} </span>
            {basket}
          </span>{' '}
          <span className="checkin-name">{member.name}</span>
        </h3>
        {member.phone && <span className="checkin-phone">{member.phone}</span>}
        <span className="checkin-state">
          {/* "Retiré à 17:12" beside the action says the pickup with its time; the badges say the rest. */}
          <OrderStateBadges order={{ late: order.late, cancelledAt: null, collectedAt: null, noShowAt: collected ? null : order.noShowAt }} paid={isPaid(order)} />
        </span>
        {!collected && due > 0 && <strong className="checkin-due-short">{t('counter.due', { amount: money(due) })}</strong>}
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
          {/* Out of the Tab order: the keyboard opens a line by reaching its action; this is for a pointer. */}
          <button
            type="button"
            className="button button-small checkin-toggle"
            data-toggle
            tabIndex={-1}
            aria-expanded={expanded}
            aria-controls={detailsId}
            aria-label={t('checkin.detailsLabel', { basket, name: member.name })}
            onClick={onToggle}
          >
            {t('checkin.details')}
          </button>
        </div>
      </div>
      <div id={detailsId} hidden={!expanded}>
        {expanded && <CheckinOrderDetails {...props} />}
      </div>
    </li>
  );
}

/** What the open line shows: the note, the items by producer with their missing flags, the total and the account. */
function CheckinOrderDetails({ order, offers, busy, money, timeOf, onMissing, onFound, onWeigh }: CheckinOrderLineProps) {
  const { t } = useI18n();
  const { basketNumber: basket, member } = order;
  const collected = order.collectedAt !== null;
  const account = order.account;
  const due = account?.due.dueCents ?? 0;
  return (
    <>
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
                  {isSoldByWeight(line) && !line.missing && (
                    <WeighField line={line} basket={basket} busy={busy} money={money} onWeigh={(weighed, grams) => onWeigh(order, weighed, grams)} />
                  )}
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
    </>
  );
}

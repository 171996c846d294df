import { useCallback, useEffect, useRef, useState } from 'react';
import type { DistributionView, OfferRow } from '../../../shared/catalogue/views';
import type { AppError, Outcome } from '../../../shared/contract/errors';
import type { Order, OrderLine } from '../../../shared/model/order';
import { useReadyApp } from '../app/ready-app-context';
import { call } from '../client';
import { ConfirmDialog } from '../dialog/ConfirmDialog';
import { StatusBadge } from '../distributions/StatusBadge';
import { shortMoment } from '../distributions/distribution-dates';
import { PageError } from '../forms/PageError';
import { StatusMessage, type Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';
import { PageHeading } from '../shell/PageHeading';
import { longDay } from '../../../shared/i18n/format';
import { AddLineForm } from './AddLineForm';
import { NoteField } from './NoteField';
import { OrderLines } from './OrderLines';
import { orderAccess, type OrderAccess } from './order-access';
import { useOrder } from './use-order';
import { RepeatLastButton } from '../standing/RepeatLastButton';

/** Refusals that mean the distribution's status changed while the editor was open. */
const WINDOW_REFUSALS = new Set(['error.orderingClosed', 'error.distributionFinished']);

/**
 * One member's order, keyboard-first: the product search has the caret when
 * the page opens. Every change is written before it shows, then the offers
 * are read again so the remaining stock on screen is the real one. Outside
 * the ordering window the order is read-only until the organiser records it
 * as a late order.
 */
export function OrderEditor({ distributionId, orderId }: { distributionId: string; orderId: string }) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const loaded = useOrder(orderId);
  const { view, distribution, offers, replaceOrder, refreshOffers, refreshDistribution } = loaded;
  const [notice, setNotice] = useState<Notice | null>(null);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const lastApplied = useRef(0);
  const focusSearch = useCallback(() => searchRef.current?.focus(), []);

  const access = view && distribution ? orderAccess(distribution, view.order) : null;
  const editable = access?.editable ?? false;
  const ready = access !== null;

  // Runs after the heading's own focus (a child's effect runs first): the organiser starts typing at once.
  // When the order stops being editable (cancelled), its buttons are gone: land on the heading, not on <body>.
  useEffect(() => {
    if (editable) focusSearch();
    else if (ready && document.activeElement === document.body) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [editable, ready, focusSearch]);

  const back = (
    <p className="back-link">
      <a href={areaHref('orders', distributionId)}>
        {distribution ? t('orders.backToDistribution', { day: longDay(language, distribution.pickupDate) }) : t('orders.backToList')}
      </a>
    </p>
  );

  if (!view || !distribution || !offers || !access) {
    return (
      <>
        {back}
        {loaded.error ? (
          <>
            <PageHeading>{t('orders.notFoundTitle')}</PageHeading>
            <PageError error={loaded.error} />
          </>
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </>
    );
  }

  const { order, member } = view;
  const remainingOf = (rows: OfferRow[] | null, productId: string) => rows?.find((row) => row.product.id === productId)?.remaining;

  /** Puts the written order in place and reads the stock again; a refusal comes back to the caller to show. */
  async function apply(outcome: Outcome<Order>, noticeFor?: (order: Order, rows: OfferRow[] | null) => Notice): Promise<AppError | null> {
    if (!outcome.ok) {
      if (WINDOW_REFUSALS.has(outcome.error.key)) void refreshDistribution();
      // Someone else may have taken the stock meanwhile: what the list says must match the refusal.
      void refreshOffers();
      return outcome.error;
    }
    replaceOrder(outcome.value);
    setActionError(null);
    const mine = ++lastApplied.current;
    const rows = await refreshOffers();
    // A later change may have been made while the stock was read (a quick typist on a busy machine):
    // its notice is the one that says how things stand, never this older one.
    if (noticeFor && mine === lastApplied.current) setNotice(noticeFor(outcome.value, rows));
    return null;
  }

  const stockNotice = (key: 'added' | 'changed' | 'removed', product: string, quantity: number, remaining: number | null | undefined): Notice =>
    remaining === null || remaining === undefined
      ? { key: `orders.${key}.unlimited`, params: { product, quantity } }
      : { key: `orders.${key}.remaining`, params: { product, quantity, remaining } };

  const addLine = async (row: OfferRow, quantity: number) =>
    apply(await call('orders.addLine', { orderId, productId: row.product.id, quantity }), (_, rows) =>
      stockNotice('added', row.product.name, quantity, remainingOf(rows, row.product.id)),
    );

  const setLineQuantity = async (line: OrderLine, quantity: number) =>
    apply(await call('orders.setLineQuantity', { orderId, lineId: line.id, quantity }), (_, rows) =>
      stockNotice('changed', line.productName, quantity, remainingOf(rows, line.productId)),
    );

  async function removeLine(line: OrderLine) {
    setBusy(line.id);
    const refusal = await apply(await call('orders.removeLine', { orderId, lineId: line.id }), (_, rows) =>
      stockNotice('removed', line.productName, line.quantity, remainingOf(rows, line.productId)),
    );
    setBusy(null);
    if (refusal) setActionError(refusal);
    // The row and its button are gone: carry on typing the next product.
    else focusSearch();
  }

  const saveNote = async (note: string) => apply(await call('orders.setNote', { orderId, note }), () => ({ key: 'orders.noteSaved' }));

  async function run(action: 'cancel' | 'restore' | 'late') {
    setBusy(action);
    const outcome =
      action === 'cancel'
        ? await call('orders.cancel', { orderId })
        : action === 'restore'
          ? await call('orders.restore', { orderId })
          : // A counter sale (no member) is never late: it is sold after ordering closed by design.
            await call('orders.open', { distributionId: order.distributionId, memberId: order.memberId ?? '', late: true });
    const refusal = await apply(outcome, () => ({ key: `orders.${action}.done`, params: { basket: order.basketNumber } }));
    setBusy(null);
    setConfirmingCancel(false);
    if (refusal) setActionError(refusal);
  }

  const day = longDay(language, distribution.pickupDate);
  const cancelled = order.cancelledAt !== null;

  return (
    <>
      {back}
      <div className="page-head">
        <PageHeading>{t('orders.editor.title', { basket: order.basketNumber, name: member.name })}</PageHeading>
      </div>
      <div className="order-facts">
        <span>{t('orders.editor.distribution', { day })}</span>
        <StatusBadge status={distribution.status} />
        {order.late && <span className="order-badge order-badge-late">{t('orders.lateOrder')}</span>}
        {cancelled && <span className="order-badge order-badge-cancelled">{t('orders.cancelledBadge')}</span>}
        {[member.phone, member.email].filter(Boolean).map((contact) => (
          <span key={contact} className="order-contact">
            {contact}
          </span>
        ))}
      </div>
      <PageError error={actionError} />
      <ReadOnlyNotice
        distribution={distribution}
        order={order}
        access={access}
        busy={busy === 'late' || busy === 'restore'}
        timeZone={relay.timeZone}
        onRecordLate={() => void run('late')}
        onRestore={() => void run('restore')}
      />
      {editable && <AddLineForm offers={offers} onAdd={addLine} searchRef={searchRef} focusSearch={focusSearch} />}
      {editable && order.memberId !== null && (
        <RepeatLastButton
          distributionId={order.distributionId}
          memberId={order.memberId}
          onError={setActionError}
          onRepeated={async (repeated) => {
            const reread = await call('orders.get', { orderId });
            if (reread.ok) replaceOrder(reread.value.order);
            await refreshOffers();
            setActionError(null);
            setNotice(repeated);
          }}
        />
      )}
      {/* Under the search, so the form does not move as the organiser types; it says what is left after each change. */}
      <StatusMessage notice={notice} />
      <section className="order-section" aria-labelledby="order-lines-title">
        <h2 id="order-lines-title">{t('orders.lines.title')}</h2>
        <OrderLines
          order={order}
          offers={offers}
          editable={editable}
          onSetQuantity={setLineQuantity}
          onRemove={(line) => void removeLine(line)}
          busyLineId={busy}
        />
      </section>
      <NoteField note={order.note} editable={editable} onSave={saveNote} />
      {editable && (
        <div className="order-actions">
          <button type="button" className="button button-danger-outline" onClick={() => setConfirmingCancel(true)}>
            {t('orders.cancel')}
          </button>
        </div>
      )}
      {confirmingCancel && (
        <ConfirmDialog
          title={t('orders.cancelTitle', { basket: order.basketNumber })}
          body={t('orders.cancelConfirm', { name: member.name })}
          confirmLabel={t('orders.cancel')}
          busy={busy === 'cancel'}
          busyLabel={t('orders.cancelling')}
          onConfirm={() => void run('cancel')}
          onCancel={() => setConfirmingCancel(false)}
        />
      )}
    </>
  );
}

interface ReadOnlyNoticeProps {
  distribution: DistributionView;
  order: Order;
  access: OrderAccess;
  busy: boolean;
  timeZone: string;
  onRecordLate: () => void;
  onRestore: () => void;
}

/** Why the order cannot change now, and the one way forward when there is one. */
function ReadOnlyNotice({ distribution, order, access, busy, timeZone, onRecordLate, onRestore }: ReadOnlyNoticeProps) {
  const { t, language } = useI18n();
  if (access.editable) return null;
  const moment = (instant: string) => shortMoment(language, instant, timeZone);

  if (order.cancelledAt !== null) {
    return (
      <div className="order-notice">
        <p>{t('orders.readOnly.cancelled', { at: moment(order.cancelledAt) })}</p>
        <div className="order-notice-actions">
          {access.canRestore ? (
            <button type="button" className="button button-primary" disabled={busy} onClick={onRestore}>
              {t('orders.restore')}
            </button>
          ) : (
            access.canRecordLate && (
              <button type="button" className="button" disabled={busy} onClick={onRecordLate}>
                {t('orders.recordLate')}
              </button>
            )
          )}
        </div>
      </div>
    );
  }

  const reason =
    distribution.status === 'upcoming'
      ? t('orders.readOnly.upcoming', { opens: moment(distribution.opensAt) })
      : distribution.status === 'closed'
        ? t('orders.readOnly.closed', { closes: moment(distribution.closedEarlyAt ?? distribution.closesAt) })
        : distribution.status === 'cancelled'
          ? t('orders.readOnly.distributionCancelled')
          : t('orders.readOnly.distributed');
  return (
    <div className="order-notice">
      <p>
        <strong>{t('orders.readOnly.title')}</strong> {reason}
      </p>
      {access.canRecordLate && (
        <>
          <p>{t('orders.readOnly.lateHelp')}</p>
          <div className="order-notice-actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={onRecordLate}>
              {t('orders.recordLate')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { AccountConflict, BasketConflict, ConflictAction, InvoiceNumberConflict, PaymentConflict, OrderConflict, StockConflict, SyncConflict, TwoOrdersConflict } from '../../../shared/sync/conflicts';
import { call } from '../client';
import { PageError } from '../forms/PageError';
import { StatusMessage, type Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { PageHeading } from '../shell/PageHeading';
import { AccountConflicts } from './AccountConflicts';
import { BasketConflicts } from './BasketConflicts';
import { InvoiceConflicts } from './InvoiceConflicts';
import { PaymentConflicts } from './PaymentConflicts';
import { OrderConflicts } from './OrderConflicts';
import { syncHref } from './routes';
import { StockConflicts } from './StockConflicts';
import { TwoOrdersConflicts } from './TwoOrdersConflicts';

export type Resolve = (conflict: SyncConflict, action: ConflictAction, done: Notice) => Promise<boolean>;

/**
 * What a merge could not settle alone, for the organiser to decide: stock
 * below what is ordered, orders changed on two copies, a member with two
 * orders, a basket number given twice, an order debited or a payment reversed twice, an invoice number
 * issued twice (settled by a credit note on the invoice's page). Each resolution is
 * a change like any other, so it syncs to the other copies.
 */
export function ConflictsPage() {
  const { t } = useI18n();
  const [conflicts, setConflicts] = useState<SyncConflict[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [focusNext, setFocusNext] = useState(0);

  useEffect(() => {
    let live = true;
    void call('sync.conflicts', {}).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setConflicts(outcome.value);
      else setError(outcome.error);
    });
    return () => {
      live = false;
    };
  }, []);

  // The row just resolved is gone: keep the keyboard in the list, on the next conflict, or on the page when none is left.
  useEffect(() => {
    if (focusNext === 0) return;
    const next = listRef.current?.querySelector<HTMLButtonElement>('button');
    (next ?? document.getElementById('main'))?.focus();
  }, [focusNext]);

  const resolve: Resolve = async (conflict, action, done) => {
    const outcome = await call('sync.resolveConflict', { conflictId: conflict.id, action });
    if (!outcome.ok) {
      setError(outcome.error);
      // Already resolved elsewhere, or changed: show the list as it is now.
      const fresh = await call('sync.conflicts', {});
      if (fresh.ok) setConflicts(fresh.value);
      return false;
    }
    setError(null);
    setConflicts(outcome.value);
    setNotice(done);
    setFocusNext((current) => current + 1);
    return true;
  };

  const list = conflicts ?? [];
  const stock = list.filter((conflict): conflict is StockConflict => conflict.kind === 'stockOversold');
  const orders = list.filter((conflict): conflict is OrderConflict => conflict.kind === 'orderEdited');
  const twoOrders = list.filter((conflict): conflict is TwoOrdersConflict => conflict.kind === 'memberOrderedTwice');
  const baskets = list.filter((conflict): conflict is BasketConflict => conflict.kind === 'basketShared');
  const accounts = list.filter((conflict): conflict is AccountConflict => conflict.kind === 'accountOutOfLine');
  const payments = list.filter((conflict): conflict is PaymentConflict => conflict.kind === 'paymentReversedTwice');
  const invoices = list.filter((conflict): conflict is InvoiceNumberConflict => conflict.kind === 'invoiceNumberShared');

  return (
    <>
      <PageHeading>{t('sync.conflicts.title')}</PageHeading>
      <p>
        <a href={syncHref}>{t('sync.conflicts.back')}</a>
      </p>
      <p className="muted">{t('sync.conflicts.intro')}</p>
      <StatusMessage notice={notice} />
      <PageError error={error} />
      <div ref={listRef}>
        {conflicts && conflicts.length === 0 && <p className="empty-state">{t('sync.conflicts.empty')}</p>}
        {stock.length > 0 && <StockConflicts conflicts={stock} onResolve={resolve} />}
        {orders.length > 0 && <OrderConflicts conflicts={orders} onResolve={resolve} />}
        {twoOrders.length > 0 && <TwoOrdersConflicts conflicts={twoOrders} onResolve={resolve} />}
        {baskets.length > 0 && <BasketConflicts conflicts={baskets} onResolve={resolve} />}
        {accounts.length > 0 && <AccountConflicts conflicts={accounts} onResolve={resolve} />}
        {payments.length > 0 && <PaymentConflicts conflicts={payments} onResolve={resolve} />}
        {invoices.length > 0 && <InvoiceConflicts conflicts={invoices} />}
      </div>
    </>
  );
}

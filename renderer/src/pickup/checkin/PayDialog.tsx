import { useId, useState, type FormEvent } from 'react';
import { paymentAtCounter } from '../../../../shared/accounts/due';
import type { PaymentMethod } from '../../../../shared/accounts/ledger';
import type { CounterPayment } from '../../../../shared/accounts/views';
import type { CheckinOrder } from '../../../../shared/checkin/day';
import type { AppError } from '../../../../shared/contract/errors';
import { MethodChoice } from '../../accounts/MethodChoice';
import { amountText, parseAmount } from '../../accounts/money-input';
import { useMoney } from '../../accounts/use-money';
import { call } from '../../client';
import { Dialog } from '../../dialog/Dialog';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { Field } from '../../forms/Field';
import { useI18n } from '../../i18n/i18n-context';

interface PayDialogProps {
  order: CheckinOrder & { account: NonNullable<CheckinOrder['account']> };
  onClose: () => void;
  onPaid: (payment: CounterPayment) => void;
}

/**
 * "Encaisser et remettre": the bag is handed over and paid in one step.
 * The amount starts at what is due, selected, so the organiser types what
 * was handed over and presses Enter; the change shows as it is typed.
 */
export function PayDialog({ order, onClose, onPaid }: PayDialogProps) {
  const { t, language } = useI18n();
  const money = useMoney();
  const titleId = useId();
  const { due, billableCents } = order.account;
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [amount, setAmount] = useState(() => amountText(language, due.dueCents));
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const tendered = parseAmount(amount);
  const effect = tendered === null ? null : paymentAtCounter(method, due.dueCents, tendered);
  const amountLabel = t(method === 'cash' ? 'counter.field.tendered' : 'counter.field.paid');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (tendered === null) {
      setError({ key: 'error.invalidInput', issues: [{ path: 'tenderedCents', key: 'accounts.amountUnreadable' }] });
      document.getElementById('pay-tenderedCents')?.focus();
      return;
    }
    setBusy(true);
    const outcome = await call('counter.collectAndPay', { orderId: order.orderId, method, tenderedCents: tendered });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    onPaid(outcome.value);
  }

  return (
    <Dialog labelledBy={titleId} onClose={onClose} busy={busy} className="dialog-confirm">
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <h2 id={titleId} className="dialog-title">
          {t('counter.pay.title', { basket: order.basketNumber, name: order.member.name })}
        </h2>
        <ul className="pay-facts">
          <li>{t('counter.pay.total', { amount: money(billableCents) })}</li>
          {due.creditUsedCents > 0 && <li>{t('counter.pay.credit', { amount: money(due.creditUsedCents) })}</li>}
          {due.previousDebtCents > 0 && <li>{t('counter.pay.debt', { amount: money(due.previousDebtCents) })}</li>}
          <li>
            <strong>{t('counter.pay.due', { amount: money(due.dueCents) })}</strong>
          </li>
        </ul>
        <ErrorSummary error={error} labelFor={(path) => (path === 'tenderedCents' ? amountLabel : undefined)} />
        <MethodChoice name="pay-method" value={method} onChange={setMethod} />
        <Field form="pay" name="tenderedCents" label={amountLabel} issue={error?.issues?.find((issue) => issue.path === 'tenderedCents')}>
          {(props) => (
            <input
              {...props}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
              onFocus={(event) => event.target.select()}
              data-autofocus
            />
          )}
        </Field>
        <div className="pay-effect" aria-live="polite">
          {effect && method === 'cash' && <p className="pay-change">{t('counter.change', { amount: money(effect.changeCents) })}</p>}
          {effect && effect.unpaidCents > 0 && <p className="pay-unpaid">{t('counter.unpaid', { amount: money(effect.unpaidCents) })}</p>}
          {effect && effect.extraCreditCents > 0 && <p>{t('counter.extraCredit', { amount: money(effect.extraCreditCents) })}</p>}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('counter.pay')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

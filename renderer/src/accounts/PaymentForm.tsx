import { useState, type FormEvent } from 'react';
import type { PaymentMethod } from '../../../shared/accounts/ledger';
import type { AppError, FieldIssue } from '../../../shared/contract/errors';
import { todayIn } from '../../../shared/distributions/calendar';
import { useReadyApp } from '../app/ready-app-context';
import { call } from '../client';
import { dayText, readDay } from '../forms/day-text';
import { ErrorSummary } from '../forms/ErrorSummary';
import { Field } from '../forms/Field';
import { focusFirstInvalid, issuesFor, labelForPath } from '../forms/field-issues';
import type { Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { MethodChoice } from './MethodChoice';
import { parseAmount } from './money-input';
import { useMoney } from './use-money';

const FIELDS = ['amountCents', 'date', 'reference'] as const;
type PaymentField = (typeof FIELDS)[number];

interface PaymentFormProps {
  memberId: string;
  onSaved: (notice: Notice) => void;
}

/**
 * Records a payment by hand (an advance, a transfer, a cheque). An unreadable
 * amount is said at once, before anything is sent; the server refuses the
 * rest (zero, too big, a future date) with the field named.
 */
export function PaymentForm({ memberId, onSaved }: PaymentFormProps) {
  const { t } = useI18n();
  const { relay } = useReadyApp();
  const today = todayIn(relay.timeZone, new Date());
  const money = useMoney();
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<PaymentMethod>('transfer');
  // Typed day first ("04/12/2026"), as the relay writes it; read on submit.
  const [date, setDate] = useState(() => dayText(today));
  const [reference, setReference] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const label = (field: PaymentField) =>
    t(field === 'amountCents' ? 'accounts.field.amount' : field === 'date' ? 'accounts.field.date' : 'accounts.field.reference');
  const byField = issuesFor(error, FIELDS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const amountCents = parseAmount(amount);
    const day = readDay('date', date, today);
    const issues: FieldIssue[] = [];
    if (amountCents === null) issues.push({ path: 'amountCents', key: amount.trim() === '' ? 'validation.required' : 'accounts.amountUnreadable' });
    if ('issue' in day) issues.push(day.issue);
    if (amountCents === null || 'issue' in day) {
      const refused = { key: 'error.invalidInput', issues } as const;
      setError(refused);
      focusFirstInvalid('payment', FIELDS, issuesFor(refused, FIELDS));
      return;
    }
    setBusy(true);
    const outcome = await call('accounts.recordPayment', { memberId, amountCents, method, date: day.day, reference });
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.error);
      focusFirstInvalid('payment', FIELDS, issuesFor(outcome.error, FIELDS));
      return;
    }
    setError(null);
    setAmount('');
    setReference('');
    onSaved({ key: 'accounts.payment.saved', params: { amount: money(outcome.value.amountCents), method: t(`accounts.method.${method}`) } });
  }

  return (
    <section aria-labelledby="payment-title" className="account-payment">
      <h2 id="payment-title">{t('accounts.payment.title')}</h2>
      <p className="muted">{t('accounts.payment.hint')}</p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary error={error} labelFor={labelForPath(FIELDS, label)} />
        <div className="account-payment-fields">
          <Field form="payment" name="amountCents" label={label('amountCents')} issue={byField.amountCents} required>
            {(props) => <input {...props} type="text" inputMode="decimal" autoComplete="off" value={amount} onChange={(event) => setAmount(event.target.value)} />}
          </Field>
          <Field form="payment" name="date" label={label('date')} hint={t('common.dayHint', { example: dayText(today) })} issue={byField.date}>
            {(props) => <input {...props} type="text" autoComplete="off" value={date} onChange={(event) => setDate(event.target.value)} />}
          </Field>
          <Field form="payment" name="reference" label={label('reference')} hint={t('accounts.field.referenceHint')} issue={byField.reference}>
            {(props) => <input {...props} type="text" maxLength={200} autoComplete="off" value={reference} onChange={(event) => setReference(event.target.value)} />}
          </Field>
        </div>
        <MethodChoice name="payment-method" value={method} onChange={setMethod} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('common.saving') : t('accounts.payment.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

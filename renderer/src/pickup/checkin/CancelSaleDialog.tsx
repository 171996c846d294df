import { useId, useState, type FormEvent } from 'react';
import type { CounterSaleRow } from '../../../../shared/accounts/views';
import type { AppError } from '../../../../shared/contract/errors';
import { useMoney } from '../../accounts/use-money';
import { call } from '../../client';
import { Dialog } from '../../dialog/Dialog';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { Field } from '../../forms/Field';
import { focusFirstInvalid, issuesFor } from '../../forms/field-issues';
import { useI18n } from '../../i18n/i18n-context';

interface CancelSaleDialogProps {
  sale: CounterSaleRow;
  buyer: string;
  onClose: () => void;
  onCancelled: () => void;
}

/** Cancels a counter sale: says what happens to the money (given back, or left as credit) and asks why. */
export function CancelSaleDialog({ sale, buyer, onClose, onCancelled }: CancelSaleDialogProps) {
  const { t } = useI18n();
  const money = useMoney();
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const facts = { number: sale.basketNumber, buyer, paid: money(sale.paidCents) };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const outcome = await call('counter.cancel', { orderId: sale.orderId, reason });
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.error);
      focusFirstInvalid('cancel-sale', ['reason'], issuesFor(outcome.error, ['reason']));
      return;
    }
    onCancelled();
  }

  return (
    <Dialog labelledBy={titleId} onClose={onClose} busy={busy} className="dialog-confirm">
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <h2 id={titleId} className="dialog-title">
          {t('counter.cancel.title', facts)}
        </h2>
        <p>{t(sale.walkIn ? 'counter.cancel.introWalkIn' : 'counter.cancel.introMember', facts)}</p>
        <ErrorSummary error={error} labelFor={(path) => (path === 'reason' ? t('accounts.field.reason') : undefined)} />
        <Field form="cancel-sale" name="reason" label={t('accounts.field.reason')} issue={error?.issues?.find((issue) => issue.path === 'reason')} required>
          {(props) => <input {...props} type="text" autoComplete="off" maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} data-autofocus />}
        </Field>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-danger" disabled={busy}>
            {t('counter.cancel.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

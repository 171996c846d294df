import { useId, useState, type FormEvent } from 'react';
import type { AccountEntry } from '../../../shared/accounts/ledger';
import type { AppError } from '../../../shared/contract/errors';
import { call } from '../client';
import { Dialog } from '../dialog/Dialog';
import { ErrorSummary } from '../forms/ErrorSummary';
import { Field } from '../forms/Field';
import { useI18n } from '../i18n/i18n-context';
import { formatDateTime } from '../../../shared/i18n/format';
import { useMoney } from './use-money';

interface ReverseDialogProps {
  entry: AccountEntry;
  onClose: () => void;
  onReversed: (reversal: AccountEntry) => void;
}

/** Cancels a payment by a new entry; the reason is asked for and kept on the statement. */
export function ReverseDialog({ entry, onClose, onReversed }: ReverseDialogProps) {
  const { t, language } = useI18n();
  const money = useMoney();
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const facts = { amount: money(entry.amountCents), date: formatDateTime(language, entry.at) };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const outcome = await call('accounts.reverse', { entryId: entry.id, reason });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    onReversed(outcome.value);
  }

  return (
    <Dialog labelledBy={titleId} onClose={onClose} busy={busy} className="dialog-confirm">
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <h2 id={titleId} className="dialog-title">
          {t('accounts.reverse.title')}
        </h2>
        <p>{t('accounts.reverse.intro', facts)}</p>
        <ErrorSummary error={error} labelFor={(path) => (path === 'reason' ? t('accounts.field.reason') : undefined)} />
        <Field form="reverse" name="reason" label={t('accounts.field.reason')} issue={error?.issues?.find((issue) => issue.path === 'reason')} required>
          {(props) => <input {...props} type="text" autoComplete="off" maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} data-autofocus />}
        </Field>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-danger" disabled={busy}>
            {t('accounts.reverse.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

import { useId, useState, type FormEvent } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { Field } from '../forms/Field';
import { focusFirstInvalid, issuesFor } from '../forms/field-issues';
import { useI18n } from '../i18n/i18n-context';
import { Dialog } from './Dialog';

interface ReasonDialogProps {
  /** Names the form's fields (ids must be unique on the page). */
  form: string;
  title: string;
  intro: string;
  confirmLabel: string;
  /** Does the thing with the reason typed; a refusal comes back to be shown at the field. */
  onConfirm: (reason: string) => Promise<AppError | null>;
  onClose: () => void;
}

/**
 * Undoing something that stays on the record (a payment reversed, a counter
 * sale cancelled): says what will happen, and asks why — the reason is kept
 * with the new entry.
 */
export function ReasonDialog({ form, title, intro, confirmLabel, onConfirm, onClose }: ReasonDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const refusal = await onConfirm(reason);
    setBusy(false);
    setError(refusal);
    if (refusal) focusFirstInvalid(form, ['reason'], issuesFor(refusal, ['reason']));
  }

  return (
    <Dialog labelledBy={titleId} onClose={onClose} busy={busy} className="dialog-confirm">
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <p>{intro}</p>
        <ErrorSummary error={error} labelFor={(path) => (path === 'reason' ? t('accounts.field.reason') : undefined)} />
        <Field form={form} name="reason" label={t('accounts.field.reason')} issue={error?.issues?.find((issue) => issue.path === 'reason')} required>
          {(props) => <input {...props} type="text" autoComplete="off" maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} data-autofocus />}
        </Field>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-danger" disabled={busy}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

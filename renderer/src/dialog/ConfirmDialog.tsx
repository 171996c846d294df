import { useId } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  busy?: boolean;
  busyLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a change that is hard to take back. Focus starts on Annuler: Enter alone must not confirm. */
export function ConfirmDialog({ title, body, confirmLabel, busy = false, busyLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  return (
    <Dialog labelledBy={titleId} onClose={onCancel} busy={busy} className="dialog-confirm">
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <p>{body}</p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy} data-autofocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-danger" onClick={onConfirm} disabled={busy}>
          {busy && busyLabel ? busyLabel : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}

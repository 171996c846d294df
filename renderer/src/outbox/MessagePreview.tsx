import { useId } from 'react';
import type { OutboxListedMessage } from '../../../shared/outbox/views';
import { Dialog } from '../dialog/Dialog';
import { useI18n } from '../i18n/i18n-context';

/**
 * The message as it goes out, to read or print. Printing prints this dialog
 * only (outbox.css hides the page behind it on paper): a member without an
 * e-mail address gets the confirmation on paper.
 */
export function MessagePreview({ message, onClose }: { message: OutboxListedMessage; onClose: () => void }) {
  const { t } = useI18n();
  const titleId = useId();
  const to = message.toEmail === '' ? `${message.toName} (${t('outbox.noAddress')})` : `${message.toName} <${message.toEmail}>`;
  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="outbox-preview">
      <h2 id={titleId} className="dialog-title">
        {t('outbox.previewOf', { name: message.toName })}
      </h2>
      <div className="outbox-letter">
        <p>{t('outbox.from', { to })}</p>
        <p>{t('outbox.subject', { subject: message.subject })}</p>
        {message.attachments.map((attachment) => (
          <p key={attachment.fileName}>{t('outbox.attachment', { name: attachment.fileName })}</p>
        ))}
        <pre className="outbox-text">{message.text}</pre>
      </div>
      <div className="dialog-actions outbox-no-print">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {t('outbox.close')}
        </button>
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('outbox.print')}
        </button>
      </div>
    </Dialog>
  );
}

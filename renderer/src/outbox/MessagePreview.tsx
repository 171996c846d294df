import { useEffect, useId, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { OutboxMessage } from '../../../shared/model/outbox';
import type { OutboxListedMessage } from '../../../shared/outbox/views';
import { call } from '../client';
import { Dialog } from '../dialog/Dialog';
import { PageError } from '../forms/PageError';
import { useI18n } from '../i18n/i18n-context';

/**
 * The message as it goes out, to read or print. Printing prints this dialog
 * only (outbox.css hides the page behind it on paper): a member without an
 * e-mail address gets the confirmation on paper.
 */
export function MessagePreview({ listed, onClose }: { listed: OutboxListedMessage; onClose: () => void }) {
  const { t } = useI18n();
  const titleId = useId();
  const [message, setMessage] = useState<OutboxMessage | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    void call('outbox.get', { id: listed.id }).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setMessage(outcome.value);
      else setError(outcome.error);
    });
    return () => {
      live = false;
    };
  }, [listed.id]);

  const to = listed.toEmail === '' ? `${listed.toName} (${t('outbox.noAddress')})` : `${listed.toName} <${listed.toEmail}>`;
  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="outbox-preview">
      <h2 id={titleId} className="dialog-title">
        {t('outbox.previewOf', { name: listed.toName })}
      </h2>
      <PageError error={error} />
      <div className="outbox-letter">
        <p>{t('outbox.from', { to })}</p>
        <p>{t('outbox.subject', { subject: listed.subject })}</p>
        {listed.attachments.map((attachment) => (
          <p key={attachment.fileName}>{t('outbox.attachment', { name: attachment.fileName })}</p>
        ))}
        {message && <pre className="outbox-text">{message.text}</pre>}
      </div>
      <div className="dialog-actions outbox-no-print">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {t('outbox.close')}
        </button>
        <button type="button" className="button button-primary" onClick={() => window.print()} disabled={!message}>
          {t('outbox.print')}
        </button>
      </div>
    </Dialog>
  );
}

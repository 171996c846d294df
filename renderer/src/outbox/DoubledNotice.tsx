import { formatDateTime } from '../../../shared/i18n/format';
import type { DoubledSending } from '../../../shared/outbox/views';
import { useI18n } from '../i18n/i18n-context';

/**
 * Two copies sent the relay's e-mails at once (electron/outbox/sending-copy.ts): the messages sent from here after
 * the other copy took the sending role, perhaps sent twice. Never silent: shown until the organiser dismisses it.
 */
export function DoubledNotice({ doubled, onDismiss }: { doubled: DoubledSending; onDismiss: () => void }) {
  const { t, language, timeZone } = useI18n();
  return (
    <div className="outbox-doubled" role="alert" data-testid="outbox-doubled">
      <p className="outbox-warning">{t('outbox.doubled', { count: doubled.messages.length, device: doubled.by })}</p>
      <ul>
        {doubled.messages.map((message) => (
          <li key={message.id}>
            {t('outbox.doubledMessage', { name: message.toName, email: message.toEmail, subject: message.subject, at: formatDateTime(language, message.sentAt, timeZone) })}
          </li>
        ))}
      </ul>
      <button type="button" className="button button-small" onClick={onDismiss}>
        {t('outbox.dismissDoubled')}
      </button>
    </div>
  );
}

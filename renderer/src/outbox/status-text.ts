/** A message's status as the outbox lists it: what happened and, for a failure, the server's own words. */
import { formatDateTime } from '../../../shared/i18n/format';
import type { OutboxMessage } from '../../../shared/model/outbox';
import type { I18n } from '../i18n/i18n-context';

export function statusText(
  { t, language, timeZone }: Pick<I18n, 't' | 'language' | 'timeZone'>,
  message: Pick<OutboxMessage, 'status' | 'sentAt' | 'updatedAt' | 'lastError' | 'nextTryAt' | 'withdrawnFor'>,
  /** Another organiser's copy sends the e-mails: what waits here goes from there. */
  sentElsewhere = false,
): string {
  switch (message.status) {
    case 'prepared':
      return sentElsewhere ? t('outbox.status.preparedElsewhere') : t('outbox.status.prepared');
    case 'sent':
      return t('outbox.status.sent', { at: formatDateTime(language, message.sentAt ?? message.updatedAt, timeZone) });
    case 'failed':
      return message.nextTryAt === null
        ? t('outbox.status.failed', { reason: message.lastError })
        : t('outbox.status.failedRetry', { reason: message.lastError, at: formatDateTime(language, message.nextTryAt, timeZone) });
    case 'withdrawn':
      return message.withdrawnFor ? t(`outbox.status.withdrawn.${message.withdrawnFor}`) : t('outbox.status.withdrawn');
    default:
      return t(`outbox.status.${message.status}`);
  }
}

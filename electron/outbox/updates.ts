/**
 * Ordering reopened and closed again (issue 15): whoever's order now reads
 * differently gets an update, marked as one; whoever's reads the same gets
 * nothing. "Reads" = the message's words and its text attachments (the CSV
 * per basket), as composed before any mark — the PDF is made from the same
 * figures, and its bytes carry a date.
 */
import { createHash } from 'node:crypto';
import { translate } from '../../shared/i18n/messages';
import type { Language } from '../../shared/model/fields';
import type { MessageDraft, OutboxMessage } from '../../shared/model/outbox';

/** The fingerprint of a cancellation (prepare.ts): no order composes to it, so ordering again reads as a change. */
export const CANCELLED = 'cancelled';

/** The fingerprint of a notice that the whole distribution is cancelled (prepare.ts): told once per recipient. */
export const DISTRIBUTION_CANCELLED = 'distributionCancelled';

export const recipientKey = (message: Pick<MessageDraft, 'kind' | 'recipientId'>): string => `${message.kind}/${message.recipientId}`;

export function fingerprint(message: MessageDraft | OutboxMessage): string {
  // A message prepared before fingerprints were kept was never marked: its words are the composed ones.
  if ('fingerprint' in message && message.fingerprint !== undefined) return message.fingerprint;
  const hash = createHash('sha256').update(message.text);
  for (const attachment of message.attachments) if (attachment.encoding === undefined) hash.update('\0').update(attachment.fileName).update('\0').update(attachment.content);
  return hash.digest('hex');
}

/** Each recipient's latest closing message (a reminder is not one), whatever became of it. */
export function latestByRecipient(messages: readonly OutboxMessage[]): Map<string, OutboxMessage> {
  const latest = new Map<string, OutboxMessage>();
  for (const message of messages) {
    if (message.kind === 'reminder') continue;
    const known = latest.get(recipientKey(message));
    if (!known || message.preparedAt > known.preparedAt) latest.set(recipientKey(message), message);
  }
  return latest;
}

export function asUpdate(language: Language, draft: MessageDraft): MessageDraft {
  return {
    ...draft,
    subject: translate(language, 'outbox.update.subject', { subject: draft.subject }),
    text: `${translate(language, 'outbox.update.intro')}\n\n${draft.text}`,
    update: true,
  };
}

/** The day is back after a notice that it was cancelled: the message as it stands, saying so first. */
export function asRestored(language: Language, draft: MessageDraft): MessageDraft {
  return {
    ...draft,
    subject: translate(language, 'outbox.restored.subject', { subject: draft.subject }),
    text: `${translate(language, 'outbox.restored.intro')}\n\n${draft.text}`,
    update: true,
  };
}

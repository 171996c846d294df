/**
 * What every message of the outbox shares, in the relay's language: the letter around its words (a greeting
 * to the recipient by name, then the words, then the relay's signature) and its address (one producer's or
 * member's name and e-mail). Each message says only its own words: compose.ts, shared/shop/link-message.ts,
 * shared/shop/access-message.ts.
 */
import { translate } from '../i18n/messages';
import type { MessageDraft, OutboxAttachment, OutboxKind } from '../model/outbox';
import type { MessageRelay, Recipient } from './compose';

export function letter(relay: MessageRelay, name: string, body: readonly string[]): string {
  const greeting = translate(relay.language, 'outbox.greeting', { name });
  return [greeting, '', ...body, '', translate(relay.language, 'outbox.signature', { relay: relay.name }), ''].join('\n');
}

/** A letter to one recipient, its subject already in the relay's language. */
export function letterTo(relay: MessageRelay, kind: OutboxKind, recipient: Recipient, subject: string, body: readonly string[], attachments: OutboxAttachment[] = []): MessageDraft {
  return { kind, recipientId: recipient.id, toName: recipient.name, toEmail: recipient.email, subject, text: letter(relay, recipient.name, body), attachments };
}

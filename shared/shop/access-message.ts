/**
 * The e-mail that brings a producer their own account on the network's
 * CouchDB (issue 16), through the outbox, as a member's link comes
 * (link-message.ts). The outbox's records are relay data: the account's
 * server, name and password are placeholders in the stored text, filled in
 * only by the copy that keeps the admin account, as the `.eml` is written or
 * the mail sent (electron/shop/link-filler.ts).
 */
import { translate, type MessageKey } from '../i18n/messages';
import type { MessageDraft } from '../model/outbox';
import type { MessageRelay, Recipient } from '../outbox/compose';
import { letterTo } from '../outbox/letter';

/** What the filler puts in their place; they read as notes on the outbox screen, which never shows the password. */
export const ACCESS_PLACEHOLDERS = {
  url: '[[cabas:network-server]]',
  username: '[[cabas:producer-account]]',
  password: '[[cabas:producer-password]]',
} as const;

export function producerAccessMessage(relay: MessageRelay, producer: Recipient): MessageDraft {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(relay.language, key, params);
  return letterTo(relay, 'producerAccess', producer, t('network.accessMessage.subject', { relay: relay.name }), [
    t('network.accessMessage.intro', { relay: relay.name }),
    '',
    `${t('network.accessMessage.server')} ${ACCESS_PLACEHOLDERS.url}`,
    `${t('network.accessMessage.username')} ${ACCESS_PLACEHOLDERS.username}`,
    `${t('network.accessMessage.password')} ${ACCESS_PLACEHOLDERS.password}`,
    '',
    t('network.accessMessage.steps'),
    t('network.accessMessage.private'),
  ]);
}

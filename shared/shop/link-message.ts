/**
 * The e-mail that brings a member their personal ordering link (issue 16),
 * through the outbox. The outbox's messages are relay data, synced to the
 * other copies: the link carries the member's secret, so the stored text
 * holds a placeholder in its place, and only the copy that keeps the CouchDB
 * account fills the link in, as the `.eml` is written or the mail sent
 * (electron/shop/link-filler.ts).
 */
import { formatDateTime, longDay } from '../i18n/format';
import { translate, type MessageKey } from '../i18n/messages';
import type { MessageDraft } from '../model/outbox';
import type { MessageDistribution, MessageRelay, Recipient } from '../outbox/compose';
import { letterTo } from '../outbox/letter';

/** Where the link goes in the stored text; it reads as a note on the outbox screen, which never shows the secret. */
export const LINK_PLACEHOLDER = '[[cabas:personal-ordering-link]]';

export function memberLinkMessage(relay: MessageRelay, distribution: MessageDistribution, member: Recipient): MessageDraft {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(relay.language, key, params);
  const day = longDay(relay.language, distribution.pickupDate);
  const closes = formatDateTime(relay.language, distribution.closesAt, relay.timeZone);
  return letterTo(relay, 'memberLink', member, t('shop.linkMessage.subject', { relay: relay.name }), [
    t('shop.linkMessage.intro', { relay: relay.name }),
    '',
    LINK_PLACEHOLDER,
    '',
    t('shop.linkMessage.open', { day, closes }),
    t('shop.linkMessage.private'),
  ]);
}

/**
 * Fills a member's personal link into a `memberLink` message as it leaves
 * the outbox (shared/shop/link-message.ts): the secret is derived here from
 * the link key kept on this machine (member-access.ts), never stored in the
 * relay's data. A copy without the CouchDB account cannot fill it: the
 * message waits (null) rather than leave with a placeholder instead of a link.
 */
import type { OutboxMessage } from '../../shared/model/outbox';
import { LINK_PLACEHOLDER } from '../../shared/shop/link-message';
import { memberLink, memberSecret } from './member-access';
import type { ShopAccountStore } from './shop-account';

/** The text a message leaves with, or null when this copy cannot write it. */
export type MessageFiller = (message: OutboxMessage) => Promise<string | null>;

export function personalLinkFiller(accounts: ShopAccountStore): MessageFiller {
  return async (message) => {
    if (message.kind !== 'memberLink') return message.text;
    const account = await accounts.read();
    // No key agreed with the server yet (link-key.ts): any key made up here would give a link that does not open.
    if (!account || !account.linkKey) return null;
    const link = memberLink(account.pageUrl, account.url, message.recipientId, memberSecret(account.linkKey, message.recipientId), account.database);
    return message.text.split(LINK_PLACEHOLDER).join(link);
  };
}

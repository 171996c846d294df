/**
 * Fills a member's personal link into a `memberLink` message, and a
 * producer's account into a `producerAccess` one, as they leave the outbox
 * (shared/shop/link-message.ts, access-message.ts): the secrets derive here
 * from the keys kept on this machine (member-access.ts, producer-access.ts),
 * never stored in the relay's data. A copy without the CouchDB account (or
 * without the key) cannot fill them: the message waits (null) rather than
 * leave with a placeholder instead of a link or a password.
 */
import type { OutboxMessage } from '../../shared/model/outbox';
import { ACCESS_PLACEHOLDERS } from '../../shared/shop/access-message';
import { LINK_PLACEHOLDER } from '../../shared/shop/link-message';
import { memberLink, memberSecret } from './member-access';
import { producerSecret, producerUser } from './producer-access';
import type { ShopAccountStore } from './shop-account';

/** The text a message leaves with, or null when this copy cannot write it. */
export type MessageFiller = (message: OutboxMessage) => Promise<string | null>;

/** `networkIdOf`: the producer's network id as the relay's data hold it now ('' or null: none). */
export function personalLinkFiller(accounts: ShopAccountStore, networkIdOf: (producerId: string) => string | null = () => null): MessageFiller {
  return async (message) => {
    if (message.kind !== 'memberLink' && message.kind !== 'producerAccess') return message.text;
    const account = await accounts.read();
    if (message.kind === 'producerAccess') {
      const networkId = networkIdOf(message.recipientId);
      // The key arrives with the first access made here (network-sync.ts); a copy without it cannot know the password.
      if (!account?.networkKey || !networkId) return null;
      return message.text
        .split(ACCESS_PLACEHOLDERS.url).join(account.url)
        .split(ACCESS_PLACEHOLDERS.username).join(producerUser(networkId))
        .split(ACCESS_PLACEHOLDERS.password).join(producerSecret(account.networkKey, networkId));
    }
    // No key agreed with the server yet (link-key.ts): any key made up here would give a link that does not open.
    if (!account || !account.linkKey) return null;
    const link = memberLink(account.pageUrl, account.url, message.recipientId, memberSecret(account.linkKey, message.recipientId), account.database);
    return message.text.split(LINK_PLACEHOLDER).join(link);
  };
}

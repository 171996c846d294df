/**
 * The one link key of a relay's shop, kept on the CouchDB server itself
 * (issue 16). Members' secrets derive from it (member-access.ts), so every
 * organiser copy that grants links must use the same key: two keys would
 * each reset members' passwords, and a link made on one laptop would stop
 * working once the other one mails links.
 *
 * Why on the server rather than a "connection code" copied by hand from the
 * first laptop: every copy that grants links already holds the admin account,
 * so it can read the key with nothing asked of the organiser. It sits in a
 * database of its own whose `_security` lets in the `_admin` role only: server
 * admins, never a member (CouchDB 3 and express-pouchdb's pouchdb-security
 * both read `members.roles` that way; tested in link-key.test.ts). Not in the
 * shop database (members read it, design documents included) nor in `_users`
 * (each member reads their own document there).
 *
 * A copy never replaces a key the server holds: one that holds another key
 * (set up before the key moved to the server, or against another server at
 * the same address) is refused with `shop.linkKeyDiffers` and nothing on the
 * server changes.
 */
import { randomBytes } from 'node:crypto';
import { UserError } from '../../shared/contract/errors';
import { ensureDatabase, type CouchClient } from './couch-client';

export const KEYS_DATABASE = 'cabas-relay-keys';

interface KeyDoc {
  key?: string;
}

/**
 * The server's link key, created from `local` (or a new random one) if the
 * server has none yet. `local` is the key this machine already used, '' if
 * none: a copy set up before keys were kept on the server publishes its own,
 * so the links it made keep working.
 */
/** Where a shop's key is kept: one per relay's shop, so relays sharing a server (a network) never share members' secrets. */
export function linkKeyDoc(shop: string): string {
  return `${KEYS_DATABASE}/link-key:${encodeURIComponent(shop)}`;
}

export async function agreedLinkKey(client: CouchClient, shop: string, local: string): Promise<string> {
  const KEY_DOC = linkKeyDoc(shop);
  await ensureDatabase(client, KEYS_DATABASE);
  await client.request('PUT', `${KEYS_DATABASE}/_security`, { admins: { names: [], roles: [] }, members: { names: [], roles: ['_admin'] } });
  const existing = await client.request<KeyDoc>('GET', KEY_DOC, undefined, [404]);
  let key = existing.status === 200 ? existing.body.key : undefined;
  if (!key) {
    const proposed = local || randomBytes(32).toString('base64url');
    // Created only, never updated: two copies at once both try, one gets 409 and reads the other's.
    const created = await client.request('PUT', KEY_DOC, { key: proposed }, [409]);
    key = created.status === 409 ? (await client.request<KeyDoc>('GET', KEY_DOC)).body.key : proposed;
  }
  if (!key) throw new UserError('shop.httpError', { status: 500, reason: 'link key without a key' });
  if (local && local !== key) throw new UserError('shop.linkKeyDiffers', { url: client.url });
  return key;
}

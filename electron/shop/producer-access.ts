/**
 * A producer's own way in to the network's CouchDB (issue 16): a user of its
 * own instead of the server's admin account, made by the organiser of a relay
 * who holds that account, as members' links are (member-access.ts).
 *
 * The user `cabas-producer-<network id>` has the `cabas-producer` role, which
 * opens the network's calendar (network-calendar.ts) to it, and is the only
 * member of its own database `cabas-producer-<network id>`: `_security` keeps
 * every other user out, and its `validate_doc_update` refuses any writer but
 * that user and the admins (CouchDB runs it on every write, replication
 * included). Relays read the database with the admin account.
 *
 * The password is an HMAC of the network id under the network's key, kept on
 * the server beside the shops' link keys (link-key.ts): every relay of the
 * network that grants the same producer gives the same password, so a second
 * relay's grant never locks the producer's copy out.
 */
import { createHmac } from 'node:crypto';
import type { ProducerAccess } from '../../shared/shop/network';
import { ensureDatabase, putLatest, type CouchClient } from './couch-client';
import { agreedLinkKey } from './link-key';
import { PRODUCER_ROLE } from './network-calendar';
import { producerDatabase } from './network-documents';

/** Where the network's key is kept in `cabas-relay-keys`: not a shop's name (those start `cabas-shop`). */
const NETWORK_KEY = 'cabas-network';

export const producerUser = (networkId: string) => `cabas-producer-${networkId}`;

export function producerSecret(networkKey: string, networkId: string): string {
  return createHmac('sha256', networkKey).update(`producer:${networkId}`).digest('base64url').slice(0, 32);
}

/** Only its user (or an admin) writes a producer's database: kept as a string, CouchDB stores the function's source. */
export const validateProducerWrite = (username: string) => `function (newDoc, oldDoc, userCtx) {
  if (userCtx.roles.indexOf('_admin') !== -1) return;
  if (userCtx.name !== ${JSON.stringify(username)}) throw({ forbidden: 'only the producer writes its own database' });
  if (newDoc._id.indexOf('_design/') === 0) throw({ forbidden: 'design documents are the relay\\'s' });
}`;

/** Creates (or brings up to date) the producer's user, database, `_security` and validate function; `networkKey` is what the password derives from. */
export async function grantProducerAccess(client: CouchClient, networkId: string): Promise<ProducerAccess & { networkKey: string }> {
  const networkKey = await agreedLinkKey(client, NETWORK_KEY, '');
  const username = producerUser(networkId);
  const password = producerSecret(networkKey, networkId);
  const database = producerDatabase(networkId);
  await putLatest(client, '_users', { _id: `org.couchdb.user:${username}`, name: username, password, roles: [PRODUCER_ROLE], type: 'user' });
  await ensureDatabase(client, database);
  await client.request('PUT', `${database}/_security`, { admins: { names: [], roles: [] }, members: { names: [username], roles: [] } });
  await putLatest(client, database, { _id: '_design/cabas', validate_doc_update: validateProducerWrite(username) });
  return { url: client.url, username, password, networkKey };
}

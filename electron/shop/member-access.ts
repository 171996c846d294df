/**
 * A member's own way in (issue 16): a CouchDB user and one order database
 * that only this member (and the admin, Cabas) can read and write. The
 * member's secret is not stored anywhere: it is an HMAC of the member's id
 * under the relay's link key, kept on the server for admins only and copied
 * to this machine with the admin account (link-key.ts), so the same link can
 * be printed again on a bag slip, from any organiser copy.
 */
import { createHmac } from 'node:crypto';
import { memberDatabase, memberUser, VALIDATE_MEMBER_ORDER } from '../../shared/shop/documents';
import { ensureDatabase, putLatest, type CouchClient } from './couch-client';

/** The role every member's user has: it opens the shop database to them. */
export const MEMBER_ROLE = 'cabas-member';

export function memberSecret(linkKey: string, memberId: string): string {
  return createHmac('sha256', linkKey).update(`member:${memberId}`).digest('base64url').slice(0, 32);
}

/** The shop: read by every member, written by the admin only (no validate function lets a member write). */
export async function secureShop(client: CouchClient, database: string): Promise<void> {
  await ensureDatabase(client, database);
  await client.request('PUT', `${database}/_security`, { admins: { names: [], roles: [] }, members: { names: [], roles: [MEMBER_ROLE] } });
  await putLatest(client, database, {
    _id: '_design/cabas',
    validate_doc_update: "function (newDoc, oldDoc, userCtx) { if (userCtx.roles.indexOf('_admin') === -1) throw({ forbidden: 'the shop is written by the relay' }); }",
  });
}

/** Creates (or brings up to date) the member's user, database, `_security` and validate function. */
export async function grantMemberAccess(client: CouchClient, memberId: string, secret: string): Promise<{ username: string; database: string }> {
  const username = memberUser(memberId);
  const database = memberDatabase(memberId);
  await putLatest(client, '_users', { _id: `org.couchdb.user:${username}`, name: username, password: secret, roles: [MEMBER_ROLE], type: 'user' });
  await ensureDatabase(client, database);
  await client.request('PUT', `${encodeURIComponent(database)}/_security`, { admins: { names: [], roles: [] }, members: { names: [username], roles: [] } });
  await putLatest(client, database, { _id: '_design/cabas', validate_doc_update: VALIDATE_MEMBER_ORDER });
  return { username, database };
}

/** The member page's address with what it needs after `#`: the fragment never reaches a server's logs. */
export function memberLink(pageUrl: string, couchUrl: string, memberId: string, secret: string, shop: string): string {
  const fragment = new URLSearchParams({ couch: couchUrl, member: memberId, secret, shop });
  return `${pageUrl.replace(/#.*$/, '')}#${fragment.toString()}`;
}

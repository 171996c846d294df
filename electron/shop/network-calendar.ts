/**
 * The network's calendar (issue 16): each relay publishes the distributions it
 * takes producers' stock for to one database every relay and producer of the
 * network shares, `cabas-network`, so that a producer's copy can declare stock
 * to relays whose folder it never shared.
 *
 * One document per distribution, `distribution:<id>`: the relay's name, the
 * pickup day and when ordering closes, and the network ids of the producers the
 * relay takes stock from (which copies list it). Nothing about members, orders
 * or money. Written by relays (the admin account) only, read by producers'
 * accounts through the `cabas-producer` role (producer-access.ts).
 */
import { z } from 'zod';
import { distributionStatus } from '../../shared/distributions/schedule';
import type { NetworkDistribution } from '../../shared/shop/network';
import type { Store } from '../store/store';
import { readRelay } from '../services/relay';
import { ensureDatabase, putLatest, type CouchClient } from './couch-client';
import { closingOf } from './publish';

export const NETWORK_DATABASE = 'cabas-network';
/** The role of every producer's own account: it opens the calendar to them. */
export const PRODUCER_ROLE = 'cabas-producer';

const calendarDocument = z.object({
  _id: z.string().max(200),
  type: z.literal('distribution'),
  distributionId: z.string().min(1).max(100),
  /** The relay's shop database: which relay published it, so that it takes down only its own. */
  shop: z.string().max(200),
  relayName: z.string().max(200),
  pickupDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  pickupStart: z.string().regex(/^\d{2}:\d{2}$/),
  pickupEnd: z.string().regex(/^\d{2}:\d{2}$/),
  closesAt: z.string().max(40),
  networkIds: z.array(z.string().max(40)).max(1000),
  publishedAt: z.string().max(40),
});
type CalendarDocument = z.infer<typeof calendarDocument>;

const calendarId = (distributionId: string) => `distribution:${distributionId}`;

/** Read by producers, written by relays: the admin account only. */
async function secureCalendar(client: CouchClient): Promise<void> {
  await ensureDatabase(client, NETWORK_DATABASE);
  await client.request('PUT', `${NETWORK_DATABASE}/_security`, { admins: { names: [], roles: [] }, members: { names: [], roles: [PRODUCER_ROLE] } });
  await putLatest(client, NETWORK_DATABASE, {
    _id: '_design/cabas',
    validate_doc_update: "function (newDoc, oldDoc, userCtx) { if (userCtx.roles.indexOf('_admin') === -1) throw({ forbidden: 'the calendar is written by the relays' }); }",
  });
}

/**
 * Publishes this relay's distributions still taking stock (ordering not yet closed) for its linked
 * producers, and takes down its own that no longer are. A relay with no linked producer publishes nothing.
 */
export async function publishCalendar(client: CouchClient, store: Store, now: Date, shop: string): Promise<{ published: number }> {
  const networkIds = store.all('producer').filter((producer) => producer.archivedAt === null && producer.networkId).map((producer) => producer.networkId!).sort();
  if (networkIds.length === 0) return { published: 0 };
  await secureCalendar(client);
  const { name, timeZone } = readRelay(store);
  const publishedAt = now.toISOString();
  const docs: CalendarDocument[] = store.all('distribution')
    .filter((distribution) => ['upcoming', 'open'].includes(distributionStatus(distribution, now, timeZone)))
    .map((distribution) => ({
      _id: calendarId(distribution.id), type: 'distribution', distributionId: distribution.id, shop, relayName: name,
      pickupDate: distribution.pickupDate, pickupStart: distribution.pickupStart, pickupEnd: distribution.pickupEnd,
      closesAt: closingOf(distribution), networkIds, publishedAt,
    }));
  const existing = await readCalendar(client);
  const revs = new Map(existing.map((doc) => [doc._id, doc._rev]));
  const current = new Set(docs.map((doc) => doc._id));
  const writes: Record<string, unknown>[] = docs.map((doc) => ({ ...doc, ...(revs.get(doc._id) ? { _rev: revs.get(doc._id) } : {}) }));
  for (const doc of existing) if (doc.shop === shop && !current.has(doc._id)) writes.push({ _id: doc._id, _rev: doc._rev, _deleted: true });
  await client.request('POST', `${NETWORK_DATABASE}/_bulk_docs`, { docs: writes });
  return { published: docs.length };
}

/** Every calendar document that reads well; none when no relay published yet. */
async function readCalendar(client: CouchClient): Promise<(CalendarDocument & { _rev?: string })[]> {
  const range = `startkey=${encodeURIComponent('"distribution:"')}&endkey=${encodeURIComponent('"distribution:\ufff0"')}&include_docs=true`;
  const { status, body } = await client.request<{ rows: { doc?: unknown }[] }>('GET', `${NETWORK_DATABASE}/_all_docs?${range}`, undefined, [404]);
  if (status === 404) return [];
  return body.rows.flatMap((row) => {
    const parsed = calendarDocument.safeParse(row.doc);
    return parsed.success ? [{ ...parsed.data, _rev: (row.doc as { _rev?: string })._rev }] : [];
  });
}

/**
 * On a producer's copy: the distributions of the relays that take stock from it (its network id listed),
 * ordering not closed yet, soonest first.
 */
export async function calendarFor(client: CouchClient, networkId: string, now: Date): Promise<NetworkDistribution[]> {
  return (await readCalendar(client))
    .filter((doc) => doc.networkIds.includes(networkId) && Date.parse(doc.closesAt) > now.getTime())
    .map(({ distributionId, relayName, pickupDate, pickupStart, pickupEnd, closesAt }) => ({ distributionId, relayName, pickupDate, pickupStart, pickupEnd, closesAt }))
    .sort((a, b) => a.pickupDate.localeCompare(b.pickupDate) || a.pickupStart.localeCompare(b.pickupStart) || a.relayName.localeCompare(b.relayName));
}

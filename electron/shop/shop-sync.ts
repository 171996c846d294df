/**
 * One sync with the relay's CouchDB (issue 16): members' new submissions
 * in (shop-intake.ts), their statuses back to their databases, then the shop
 * published with the stock as it is after the intake.
 */
import { memberDatabase, type MemberOrder } from '../../shared/shop/documents';
import type { ShopSyncReport } from '../../shared/shop/settings';
import type { Store } from '../store/store';
import type { CouchClient } from './couch-client';
import { secureShop } from './member-access';
import { publishShop } from './publish';
import { isNew, takeInOrders, type Submission } from './shop-intake';

/** Requests at once: enough to hide the round trips, few enough for a small CouchDB. */
const PARALLEL = 8;

async function eachParallel<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
}

/** Every member's order documents, from the databases of the members this relay knows. */
async function readSubmissions(client: CouchClient, store: Store): Promise<Submission[]> {
  const databases = new Set((await client.request<string[]>('GET', '_all_dbs')).body);
  const members = store.all('member').filter((member) => databases.has(memberDatabase(member.id)));
  const submissions: Submission[] = [];
  await eachParallel(members, async (member) => {
    const range = `startkey=${encodeURIComponent('"order:"')}&endkey=${encodeURIComponent('"order:\ufff0"')}&include_docs=true`;
    const { body } = await client.request<{ rows: { doc: MemberOrder }[] }>('GET', `${memberDatabase(member.id)}/_all_docs?${range}`);
    for (const { doc } of body.rows) if (doc.type === 'order' && isNew(doc)) submissions.push({ memberId: member.id, order: doc });
  });
  return submissions;
}

export async function syncShop(client: CouchClient, store: Store, now: Date, database: string): Promise<ShopSyncReport> {
  await secureShop(client, database);
  const taken = await takeInOrders(store, await readSubmissions(client, store), now);
  await eachParallel(taken, async ({ memberId, order, status }) => {
    // A 409 means the member changed the order meanwhile: that new submission is read at the next sync.
    await client.request('PUT', `${memberDatabase(memberId)}/${encodeURIComponent(order._id)}`, { ...order, status }, [409]);
  });
  const { published } = await publishShop(client, store, now, database);
  return {
    published,
    ordersTakenIn: taken.length,
    linesRefused: taken.reduce((sum, each) => sum + each.status.refused.length, 0),
    at: now.toISOString(),
  };
}

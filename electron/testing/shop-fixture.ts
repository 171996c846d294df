/**
 * A pickup day whose relay takes online orders (issue 16): the test CouchDB
 * started, Cabas's settings saved through the contract, and helpers that act
 * as a member's page does — over HTTP, with the member's own account.
 */
import { afterEach } from 'vitest';
import { memberDatabase, memberOrderId, type MemberOrder, type ShopDistribution } from '../../shared/shop/documents';
import { startCouchServer, type CouchServer } from './couch-server';
import { pickupDay, type PickupDay } from './pickup-day';
import { call } from './service-calls';

export interface MemberPage {
  memberId: string;
  username: string;
  secret: string;
  fetch(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** Writes the member's whole order for the day's distribution, as the page does. */
  submit(lines: { productId: string; quantity: number }[], options?: { cancelled?: boolean; submittedAt?: string; slotId?: string | null }): Promise<number>;
  order(): Promise<MemberOrder>;
}

export interface ShopDay extends PickupDay {
  couch: CouchServer;
  /** This relay's shop database (one per relay on a CouchDB). */
  shopDatabase: string;
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  page(memberId: string): Promise<MemberPage>;
  shopDocs(): Promise<ShopDistribution[]>;
}

async function request(url: string, auth: string, method: string, body?: unknown) {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Basic ${Buffer.from(auth).toString('base64')}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

/** Call once at the top of a test file: every server started is closed after each test. */
export function useShopDays(): (dataDir: string) => Promise<ShopDay> {
  const servers: CouchServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (dataDir) => {
    const couch = await startCouchServer();
    servers.push(couch);
    const day = await pickupDay(dataDir);
    const { database: shopDatabase } = await call<{ database: string }>(day.app, 'shop.saveSettings', { url: couch.url, username: couch.admin.username, password: couch.admin.password, pageUrl: 'http://127.0.0.1:5199/' });
    const adminAuth = `${couch.admin.username}:${couch.admin.password}`;
    return {
      ...day,
      couch,
      shopDatabase,
      admin: (method, path, body) => request(`${couch.url}/${path}`, adminAuth, method, body),
      async shopDocs() {
        const { body } = await request(`${couch.url}/${shopDatabase}/_all_docs?include_docs=true`, adminAuth, 'GET');
        return (body as { rows: { doc: ShopDistribution }[] }).rows.map((row) => row.doc).filter((doc) => doc.type === 'distribution');
      },
      async page(memberId) {
        const { link } = await call<{ link: string }>(day.app, 'shop.memberLink', { memberId });
        const fragment = new URLSearchParams(link.split('#')[1]);
        const username = `cabas-${memberId}`;
        const secret = fragment.get('secret')!;
        const auth = `${username}:${secret}`;
        const id = memberOrderId(day.distribution.id);
        const path = `${couch.url}/${memberDatabase(memberId)}/${encodeURIComponent(id)}`;
        const page: MemberPage = {
          memberId, username, secret,
          fetch: (method, rest, body) => request(`${couch.url}/${rest}`, auth, method, body),
          async submit(lines, options = {}) {
            const current = await request(path, auth, 'GET');
            const before = current.status === 200 ? (current.body as MemberOrder) : null;
            const doc: MemberOrder = {
              _id: id, ...(before?._rev ? { _rev: before._rev } : {}), type: 'order', distributionId: day.distribution.id,
              lines, cancelled: options.cancelled ?? false, ...(options.slotId !== undefined && { slotId: options.slotId }), submittedAt: options.submittedAt ?? day.app.clock.now().toISOString(), status: before?.status ?? null,
            };
            return (await request(path, auth, 'PUT', doc)).status;
          },
          order: async () => (await request(path, auth, 'GET')).body as MemberOrder,
        };
        return page;
      },
    };
  };
}

/**
 * The online ordering benchmark (issue 16): Cabas offline for the week, then
 * one sync takes in 150 members' orders from the relay's CouchDB (the tests'
 * stand-in, in memory, in its own process on 127.0.0.1). 50 products of 5 producers on sale,
 * limited stock so some lines are refused, each order 5 lines; the timed sync
 * reads the 150 member databases, takes the orders in through the intake in
 * one transaction, writes the 150 statuses back and publishes the shop.
 * Target: ≤ 5 s. Run with `npm run bench:shop`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { memberDatabase, memberOrderId, type MemberOrder } from '../shared/shop/documents';
import type { ShopSyncReport } from '../shared/shop/settings';
import type { Member } from '../shared/model/member';
import type { Product } from '../shared/model/product';
import { pickupDay } from '../electron/testing/pickup-day';
import { call, createProducer, createProduct } from '../electron/testing/service-calls';
import { spawnCouch } from './spawn-couch';

const MEMBERS = 150;
const PRODUCERS = 5;
const PRODUCTS_EACH = 10;

const dataDir = await mkdtemp(join(tmpdir(), 'cabas-bench-shop-'));
// A server apart, as a real CouchDB is (scripts/couch-server.ts).
const couch = await spawnCouch();
try {
  const day = await pickupDay(dataDir);
  const { app, distribution } = day;
  const products: Product[] = [];
  for (let p = 0; p < PRODUCERS; p++) {
    const producer = await createProducer(app, `Ferme n° ${p + 1}`);
    for (let i = 0; i < PRODUCTS_EACH; i++) {
      const product = await createProduct(app, producer.id, { name: `Légume ${p}-${i}`, priceCents: 100 + i * 10 });
      products.push(product);
      // About 2 units of each product per member who wants it, less for a few: the last ones are refused.
      await call(app, 'offers.set', { distributionId: distribution.id, productId: product.id, quantity: i === 0 ? 20 : 200 });
    }
  }
  await call(app, 'shop.saveSettings', { url: couch.url, username: couch.admin.username, password: couch.admin.password, pageUrl: 'http://127.0.0.1/' });
  const auth = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
  const members: { member: Member; secret: string }[] = [];
  for (let m = 0; m < MEMBERS; m++) {
    const member = await call<Member>(app, 'members.create', { name: `Membre ${m}` });
    const { link } = await call<{ link: string }>(app, 'shop.memberLink', { memberId: member.id });
    members.push({ member, secret: new URLSearchParams(link.split('#')[1]).get('secret')! });
  }
  await call(app, 'shop.sync', {});
  // The week: every member's page writes an order while Cabas is offline.
  const start = Date.parse('2026-03-04T09:00:00.000Z');
  await Promise.all(
    members.map(async ({ member, secret }, m) => {
      const lines = Array.from({ length: 5 }, (_, k) => ({ productId: products[(m + k * 7) % products.length]!.id, quantity: 1 + ((m + k) % 3) }));
      const doc: MemberOrder = {
        _id: memberOrderId(distribution.id), type: 'order', distributionId: distribution.id, lines, cancelled: false,
        submittedAt: new Date(start - (MEMBERS - m) * 60_000).toISOString(), status: null,
      };
      const response = await fetch(`${couch.url}/${memberDatabase(member.id)}/${encodeURIComponent(doc._id)}`, {
        method: 'PUT', headers: { authorization: auth(`cabas-${member.id}`, secret), 'content-type': 'application/json' }, body: JSON.stringify(doc),
      });
      if (response.status !== 201) throw new Error(`member ${m} could not order: ${response.status}`);
    }),
  );
  const began = performance.now();
  const report = await call<ShopSyncReport>(app, 'shop.sync', {});
  const seconds = (performance.now() - began) / 1000;
  console.log(`shop sync: ${report.ordersTakenIn} orders taken in (${report.linesRefused} lines refused), ${report.published} distribution published, in ${seconds.toFixed(2)} s (target ≤ 5 s, ${(seconds / 5).toFixed(2)} of it)`);
  await app.close();
  if (report.ordersTakenIn !== MEMBERS) throw new Error(`expected ${MEMBERS} orders, took ${report.ordersTakenIn}`);
} finally {
  await couch.close();
  await rm(dataDir, { recursive: true, force: true });
}

/**
 * An organiser's copy and an approved producer's copy sharing a producers
 * folder, with 3 carrots of Ferme du Bois ordered and both synced: the start
 * of every test about what a producer's copy learns of what was ordered.
 */
import type { DistributionView } from '../../shared/catalogue/views';
import type { Member } from '../../shared/model/member';
import type { Order } from '../../shared/model/order';
import { enrol } from './roster';
import { call, createProducer, createProduct, openApp, type TestApp } from './service-calls';

export async function producerCopyWithOrder(tempDir: () => Promise<string>, start: Date) {
  const sync = (app: TestApp) => call(app, 'sync.now', {});
  const folder = await tempDir();
  const a = await openApp(await tempDir(), start);
  const p = await openApp(await tempDir(), start);
  await call(a, 'sync.saveSettings', { autoSyncMinutes: 0, producersFolder: folder });
  await call(p, 'sync.saveSettings', { autoSyncMinutes: 0, producersFolder: folder, role: 'producer' });
  const producer = await createProducer(a, 'Ferme du Bois');
  const product = await createProduct(a, producer.id, { name: 'Carottes' });
  const distribution = await call<DistributionView>(a, 'distributions.create', { pickupDate: '2026-03-06', pickupStart: '17:00', pickupEnd: '19:00' });
  await call(a, 'offers.set', { distributionId: distribution.id, productId: product.id, quantity: 10 });
  const member = await call<Member>(a, 'members.create', { name: 'Zoé Martin' });
  const order = await call<Order>(a, 'orders.open', { distributionId: distribution.id, memberId: member.id });
  await call(a, 'orders.addLine', { orderId: order.id, productId: product.id, quantity: 3 });
  await sync(a);
  await sync(p);
  await call(p, 'sync.saveSettings', { producerId: producer.id });
  await enrol(a, [p]);
  await sync(p);
  return { folder, a, p, producer, product, distribution };
}

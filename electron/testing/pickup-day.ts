/**
 * A relay with one distribution to plan and hand out: Friday 6 March 2026,
 * pickup 17:00–19:00 (Brussels), ordering open on Wednesday 4 March, two
 * products on offer. Members and their orders are made as the screens make them.
 */
import type { DistributionView } from '../../shared/catalogue/views';
import type { Member } from '../../shared/model/member';
import type { Order } from '../../shared/model/order';
import type { Product } from '../../shared/model/product';
import { call, createProducer, createProduct, openApp, type TestApp } from './service-calls';

/** Wednesday 4 March 2026, 10:00 Brussels: ordering for Friday is open until Wednesday 23:59. */
export const ORDERING_OPEN = new Date('2026-03-04T09:00:00.000Z');
/** Friday 6 March 2026, 17:30 Brussels: the pickup is under way, ordering long closed. */
export const PICKUP_UNDER_WAY = new Date('2026-03-06T16:30:00.000Z');

export interface PickupDay {
  app: TestApp;
  distribution: DistributionView;
  carrots: Product;
  bread: Product;
  member(name: string, fields?: { preferredPickupTime?: string | null; phone?: string }): Promise<Member>;
  /** Opens the member's order and adds the lines (quantity per product). */
  order(member: Member, lines?: { product: Product; quantity: number }[]): Promise<Order>;
}

export async function pickupDay(dataDir: string): Promise<PickupDay> {
  const app = await openApp(dataDir, ORDERING_OPEN);
  const farm = await createProducer(app, 'Ferme du Bois');
  const bakery = await createProducer(app, 'Boulangerie Martin');
  const carrots = await createProduct(app, farm.id, { name: 'Carottes', priceCents: 250 });
  const bread = await createProduct(app, bakery.id, { name: 'Pain', priceCents: 380, category: 'boulangerie', unit: 'piece' });
  const distribution = await call<DistributionView>(app, 'distributions.create', {
    pickupDate: '2026-03-06',
    pickupStart: '17:00',
    pickupEnd: '19:00',
  });
  for (const product of [carrots, bread]) {
    await call(app, 'offers.set', { distributionId: distribution.id, productId: product.id, quantity: null });
  }
  return {
    app,
    distribution,
    carrots,
    bread,
    member: (name, fields = {}) => call<Member>(app, 'members.create', { name, ...fields }),
    order: async (member, lines = [{ product: carrots, quantity: 1 }]) => {
      let order = await call<Order>(app, 'orders.open', { distributionId: distribution.id, memberId: member.id });
      for (const line of lines) {
        order = await call<Order>(app, 'orders.addLine', { orderId: order.id, productId: line.product.id, quantity: line.quantity });
      }
      return order;
    },
  };
}

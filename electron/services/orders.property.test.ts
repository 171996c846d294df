import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DistributionView } from '../../shared/catalogue/views';
import type { Member } from '../../shared/model/member';
import type { Order } from '../../shared/model/order';
import type { Product } from '../../shared/model/product';
import { orderTotal } from '../../shared/orders/totals';
import type { OrderView } from '../../shared/orders/views';
import type { DistributionSettlement } from '../../shared/settlement/distribution';
import { useTempDirs } from '../testing/temp-dir';
import { call, createProducer, createProduct, openApp, reopened } from '../testing/service-calls';

const tempDir = useTempDirs();

type Step =
  | { kind: 'add'; order: number; product: number; quantity: number }
  | { kind: 'set'; order: number; line: number; quantity: number }
  | { kind: 'remove'; order: number; line: number }
  | { kind: 'cancel'; order: number }
  | { kind: 'restore'; order: number }
  | { kind: 'stock'; product: number; quantity: number };

const index = fc.integer({ min: 0, max: 2 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), order: index, product: index, quantity: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('set' as const), order: index, line: index, quantity: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('remove' as const), order: index, line: index }),
  fc.record({ kind: fc.constant('cancel' as const), order: index }),
  fc.record({ kind: fc.constant('restore' as const), order: index }),
  fc.record({ kind: fc.constant('stock' as const), product: index, quantity: fc.integer({ min: 0, max: 12 }) }),
);

describe('orders property', () => {
  it('for any sequence of add / edit / remove / cancel / restore and stock edits: never oversold, totals from lines, settlement = gross', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), async (steps) => {
        const app = await openApp(await tempDir(), new Date('2026-03-04T09:00:00.000Z'));
        const producer = await createProducer(app, 'Ferme du Bois');
        const products: Product[] = [];
        for (const name of ['Carottes', 'Poireaux', 'Navets']) products.push(await createProduct(app, producer.id, { name, priceCents: 100 + products.length * 35 }));
        const distribution = await call<DistributionView>(app, 'distributions.create', { pickupDate: '2026-03-06', pickupStart: '17:00', pickupEnd: '19:00' });
        const stock = new Map<string, number>();
        for (const product of products) {
          await call(app, 'offers.set', { distributionId: distribution.id, productId: product.id, quantity: 5 });
          stock.set(product.id, 5);
        }
        const orders: Order[] = [];
        for (const name of ['Anne', 'Marc', 'Léa']) {
          const member = await call<Member>(app, 'members.create', { name });
          orders.push(await call<Order>(app, 'orders.open', { distributionId: distribution.id, memberId: member.id, late: false }));
        }

        for (const next of steps) {
          const order = (await call<OrderView>(app, 'orders.get', { orderId: orders[next.kind === 'stock' ? 0 : next.order]!.id })).order;
          const line = 'line' in next ? order.lines[next.line % Math.max(order.lines.length, 1)] : undefined;
          const outcome =
            next.kind === 'add' ? await app.dispatch('orders.addLine', { orderId: order.id, productId: products[next.product]!.id, quantity: next.quantity })
            : next.kind === 'set' ? line && (await app.dispatch('orders.setLineQuantity', { orderId: order.id, lineId: line.id, quantity: next.quantity }))
            : next.kind === 'remove' ? line && (await app.dispatch('orders.removeLine', { orderId: order.id, lineId: line.id }))
            : next.kind === 'cancel' ? await app.dispatch('orders.cancel', { orderId: order.id })
            : next.kind === 'restore' ? await app.dispatch('orders.restore', { orderId: order.id })
            : await app.dispatch('offers.set', { distributionId: distribution.id, productId: products[next.product]!.id, quantity: next.quantity });
          if (next.kind === 'stock' && outcome?.ok) stock.set(products[next.product]!.id, next.quantity);

          // After every step, on what a fresh open of the folder finds:
          const disk = await reopened(app.dataDir);
          const active = disk.all('order').filter((o) => o.cancelledAt === null);
          for (const product of products) {
            const sold = active.flatMap((o) => o.lines).filter((l) => l.productId === product.id).reduce((sum, l) => sum + l.quantity, 0);
            const offer = disk.all('offer').find((o) => o.productId === product.id)!;
            expect(offer.quantity).toBe(stock.get(product.id));
            expect(sold).toBeLessThanOrEqual(offer.quantity!);
            expect(offer.quantity!).toBeGreaterThanOrEqual(0);
          }
        }
        const views = await call<OrderView[]>(app, 'orders.list', { distributionId: distribution.id, includeCancelled: true });
        for (const view of views) expect(view.totalCents).toBe(orderTotal(view.order));
        const settlement = await call<DistributionSettlement>(app, 'settlement.forDistribution', { distributionId: distribution.id });
        const gross = views.filter((v) => v.order.cancelledAt === null).reduce((sum, v) => sum + v.totalCents, 0);
        expect(settlement.totals.grossCents).toBe(gross);
        expect(settlement.totals.hostCommissionCents + settlement.totals.serviceFeeCents + settlement.totals.owedCents).toBe(gross);
      }),
      { numRuns: 12 },
    );
  });
});

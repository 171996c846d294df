/**
 * Denser tables (issue 14): on a 1366×768 laptop screen, at least twelve rows of
 * each long list are in view without scrolling. The app bundles its font, so the
 * row heights are the same on every machine.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { api, openDistributionDraft } from './support/api';

test.use({ viewport: { width: 1366, height: 768 } });

type Ids = { id: string };

/** Rows of the table whose bottom edge is inside the window, `room` pixels above its bottom, before any scrolling. */
async function rowsInView(app: Page, table: Locator, room: number): Promise<number> {
  await expect(table.getByRole('row').nth(12)).toBeVisible();
  const height = app.viewportSize()!.height - room;
  const bottoms = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().bottom));
  return bottoms.filter((bottom) => bottom <= height).length;
}

test('producers, catalogue, members and orders show at least twelve rows on a 1366×768 screen', async ({ app, host }) => {
  const call = api(app.request, host);
  const distribution = await call<Ids>('distributions.create', openDistributionDraft());
  for (let n = 1; n <= 14; n++) {
    const farm = (await call<{ producer: Ids }>('producers.create', { name: `Ferme ${n}`, phone: '0470 12 34 56', email: `ferme${n}@example.be` })).producer;
    const product = await call<Ids>('products.create', { producerId: farm.id, name: `Produit ${n}`, category: 'légumes', unit: 'kg', priceCents: 250, vatRateBp: 600 });
    await call('offers.set', { distributionId: distribution.id, productId: product.id, quantity: 50 });
    const member = await call<Ids>('members.create', { name: `Membre ${n}`, phone: '0470 11 11 11', email: `membre${n}@example.be` });
    const order = await call<Ids>('orders.open', { distributionId: distribution.id, memberId: member.id });
    await call('orders.addLine', { orderId: order.id, productId: product.id, quantity: 1 });
  }
  // The orders page gains lines (a late-order notice, standing orders not placed): its twelfth order keeps a line's room to spare.
  for (const [route, room] of [['producers', 0], ['catalogue', 0], ['members', 0], [`orders/${distribution.id}`, 24]] as const) {
    await app.evaluate((hash) => (window.location.hash = hash), `#/${route}`);
    const table = app.getByRole('table').first();
    expect(await rowsInView(app, table, room), route).toBeGreaterThanOrEqual(12);
  }
});

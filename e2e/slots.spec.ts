/**
 * Spreading 40 members over pickup slots: generate the slots from the pickup
 * hours, which places every order, move one by hand, force one into a full
 * slot, rebalance without touching those placed by hand, restart, all kept.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { seriousViolations } from './support/axe';
import { api, openDistributionDraft } from './support/api';

type Ids = { id: string };
interface SlotView {
  id: string;
  start: string;
  orderCount: number;
}
interface OrderView {
  order: { basketNumber: number; slotId: string | null; slotPinned: boolean; slotOverride: boolean };
}

const member = (n: number) => `Membre ${String(n).padStart(2, '0')}`;

/**
 * Baskets 1–16 would like 17:00, 17–26 17:30, 27–32 18:00, 33–40 have no
 * preference: with 30-minute slots of 12, 17:00 fills up and overflows to 17:30.
 */
function preferredTime(n: number): string | undefined {
  if (n <= 16) return '17:00';
  if (n <= 26) return '17:30';
  if (n <= 32) return '18:00';
  return undefined;
}

const slotTable = (app: Page) => app.getByRole('table', { name: 'Créneaux de la distribution, dans l’ordre de la journée' });
const slotOrders = (app: Page, range: string) => app.getByRole('table', { name: `Commandes du créneau ${range}` });

async function expectFilling(app: Page, fillings: Record<string, string>) {
  for (const [range, filling] of Object.entries(fillings)) {
    await expect(slotTable(app).getByRole('row', { name: new RegExp(range) })).toContainText(filling);
  }
}

async function moveOrder(app: Page, basket: number, option: string) {
  const name = `Déplacer la commande n° ${basket} (${member(basket)})`;
  await app.getByRole('button', { name }).click();
  const dialog = app.getByRole('dialog', { name });
  await expect(dialog.getByLabel('Vers le créneau')).toBeFocused();
  await dialog.getByLabel('Vers le créneau').selectOption({ label: option });
  await dialog.getByRole('button', { name: 'Déplacer', exact: true }).click();
}

test.describe('the organiser spreads the members over pickup slots', () => {
  test('40 orders placed by 30-minute slots of 12, one moved by hand, one forced into a full slot, rebalanced around them, kept after a restart', async ({
    app,
    host,
    restartHost,
  }) => {
    test.setTimeout(90_000);
    const call = api(app.request, host);
    const { producer } = await call<{ producer: Ids }>('producers.create', { name: 'Ferme du Bois' });
    const carrots = await call<Ids>('products.create', { producerId: producer.id, name: 'Carottes', category: 'légumes', unit: 'kg', priceCents: 250, vatRateBp: 600 });
    const distribution = await call<Ids>('distributions.create', openDistributionDraft());
    await call('offers.set', { distributionId: distribution.id, productId: carrots.id, quantity: null });
    const numbers = Array.from({ length: 40 }, (_, i) => i + 1);
    const members = await Promise.all(
      numbers.map((n) => call<Ids>('members.create', { name: member(n), ...(preferredTime(n) ? { preferredPickupTime: preferredTime(n) } : {}) })),
    );
    // One after the other: the basket numbers follow the members' numbers.
    const orders: Ids[] = [];
    for (const created of members) orders.push(await call<Ids>('orders.open', { distributionId: distribution.id, memberId: created.id }));
    await Promise.all(orders.map((order) => call('orders.addLine', { orderId: order.id, productId: carrots.id, quantity: 1 })));

    // From the distribution to its slots.
    await app.evaluate((hash) => (window.location.hash = hash), `#/distributions/${distribution.id}`);
    await app.getByRole('link', { name: 'Créneaux de retrait' }).click();
    await expect(app.getByRole('heading', { level: 1 })).toContainText('Créneaux de retrait du');
    await expect(app.getByRole('table', { name: 'Commandes sans créneau' }).getByRole('row')).toHaveCount(41);

    // 30-minute slots of 12, previewed before anything is written.
    await app.getByLabel('Durée d’un créneau').selectOption({ label: '30 minutes' });
    await app.getByLabel('Commandes par créneau').fill('12');
    const preview = app.getByRole('group', { name: 'Aperçu des créneaux' });
    await expect(preview).toContainText('4 créneaux de 12 commandes chacun');
    await expect(preview.getByRole('listitem')).toHaveText(['17:00–17:30', '17:30–18:00', '18:00–18:30', '18:30–19:00']);
    await app.getByRole('button', { name: 'Générer les créneaux' }).click();
    await expect(app.getByRole('status')).toHaveText('4 créneaux créés, 40 commandes placées.');
    await expectFilling(app, { '17:00–17:30': '12 / 12', '17:30–18:00': '12 / 12', '18:00–18:30': '8 / 12', '18:30–19:00': '8 / 12' });
    await expect(app.getByText('Toutes les commandes ont un créneau.')).toBeVisible();
    expect(await seriousViolations(app)).toEqual([]);

    // Basket 40 goes to 18:00 by hand.
    await moveOrder(app, 40, '18:00–18:30 (8 / 12)');
    await expect(app.getByRole('status')).toHaveText('Commande n° 40 (Membre 40) placée à la main dans le créneau 18:00–18:30.');
    await expect(slotOrders(app, '18:00–18:30').getByRole('row', { name: /Membre 40/ })).toContainText('placé à la main');
    await expectFilling(app, { '18:00–18:30': '9 / 12', '18:30–19:00': '7 / 12' });

    // Basket 39 into the full 17:00 slot: asked first, then over the capacity, and it shows.
    await moveOrder(app, 39, '17:00–17:30 (12 / 12)');
    const ask = app.getByRole('dialog', { name: 'Dépasser la capacité ?' });
    await expect(ask).toContainText('Le créneau 17:00–17:30 est complet (12 commandes)');
    expect(await seriousViolations(app)).toEqual([]);
    await ask.getByRole('button', { name: 'Placer quand même' }).click();
    await expect(ask).toBeHidden();
    const forced = slotOrders(app, '17:00–17:30').getByRole('row', { name: /Membre 39/ });
    await expect(forced).toContainText('placé à la main');
    await expect(forced).toContainText('au-delà de la capacité');
    await expectFilling(app, { '17:00–17:30': '13 / 12', '18:30–19:00': '6 / 12' });

    // Rebalance: 13, 12, 9, 6 become 10 each; the two placed by hand stay.
    await app.getByRole('button', { name: 'Rééquilibrer' }).click();
    await expect(app.getByRole('status')).toHaveText(
      '5 commandes déplacées ; les 2 commandes placées à la main sont restées dans leur créneau.',
    );
    const balanced = { '17:00–17:30': '10 / 12', '17:30–18:00': '10 / 12', '18:00–18:30': '10 / 12', '18:30–19:00': '10 / 12' };
    await expectFilling(app, balanced);
    await expect(slotOrders(app, '18:00–18:30').getByRole('row', { name: /Membre 40/ })).toContainText('placé à la main');
    await expect(slotOrders(app, '17:00–17:30').getByRole('row', { name: /Membre 39/ })).toContainText('placé à la main');

    const slots = await call<SlotView[]>('slots.list', { distributionId: distribution.id });
    const slotAt = (start: string) => slots.find((slot) => slot.start === start)!.id;
    expect(slots.map((slot) => slot.orderCount)).toEqual([10, 10, 10, 10]);
    const basket = async (n: number) =>
      (await call<OrderView[]>('orders.list', { distributionId: distribution.id })).find((view) => view.order.basketNumber === n)!.order;
    expect(await basket(40)).toMatchObject({ slotId: slotAt('18:00'), slotPinned: true, slotOverride: false });
    expect(await basket(39)).toMatchObject({ slotId: slotAt('17:00'), slotPinned: true, slotOverride: true });

    // After a restart, the same plan.
    await restartHost();
    await app.evaluate((hash) => (window.location.hash = hash), `#/pickup/${distribution.id}/slots`);
    await expect(app.getByRole('heading', { level: 1 })).toContainText('Créneaux de retrait du');
    await expectFilling(app, balanced);
    await expect(slotOrders(app, '18:00–18:30').getByRole('row', { name: /Membre 40/ })).toContainText('placé à la main');
    await expect(slotOrders(app, '17:00–17:30').getByRole('row', { name: /Membre 39/ })).toContainText('au-delà de la capacité');
  });
});

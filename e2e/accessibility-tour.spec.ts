/**
 * Every route of the app and every dialog it opens, checked with axe (issue 14:
 * "no serious or critical violation on every route and on every open dialog").
 * One relay with a producer, a product on sale, a member with an order and
 * pickup slots, so each screen shows its real content, not its empty state.
 * Each dialog is opened, checked, then closed with Escape, which changes nothing.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { seriousViolations } from './support/axe';
import { api, openDistributionDraft } from './support/api';

type Ids = { id: string };

async function aRelayWithAnOrder(call: ReturnType<typeof api>) {
  const farm = (await call<{ producer: Ids }>('producers.create', { name: 'Ferme du Bois', phone: '0470 12 34 56' })).producer;
  const carrots = await call<Ids>('products.create', { producerId: farm.id, name: 'Carottes', category: 'légumes', unit: 'kg', priceCents: 250, vatRateBp: 600 });
  const distribution = await call<Ids>('distributions.create', openDistributionDraft());
  await call('offers.set', { distributionId: distribution.id, productId: carrots.id, quantity: 50 });
  const member = await call<Ids>('members.create', { name: 'Anne Dupont', phone: '0470 11 11 11' });
  const order = await call<Ids>('orders.open', { distributionId: distribution.id, memberId: member.id });
  await call('orders.addLine', { orderId: order.id, productId: carrots.id, quantity: 2 });
  await call('slots.generate', { distributionId: distribution.id, minutes: 30, capacity: 10 });
  await call('backups.create', {});
  return { distribution: distribution.id, member: member.id, order: order.id };
}

/** Follows an in-app address, as a link would (the token stays in the session). */
async function visit(app: Page, route: string): Promise<void> {
  await app.evaluate((hash) => {
    window.location.hash = hash;
  }, `#/${route}`);
  await expect(app.getByRole('heading', { level: 1 })).toBeVisible();
  // Lazy areas and their data have arrived once nothing says it is loading.
  await expect(app.getByText(/^(Chargement|Loading)…$/)).toHaveCount(0);
}

/** Opens the dialog behind a button, checks it, closes it with Escape. */
async function checkDialog(app: Page, button: string): Promise<void> {
  await app.getByRole('button', { name: button, exact: true }).first().click({ timeout: 10_000 });
  const dialog = app.getByRole('dialog');
  await expect(dialog, `dialog opened by « ${button} »`).toBeVisible();
  expect(await seriousViolations(app), `dialog opened by « ${button} »`).toEqual([]);
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
}

function routes(ids: Awaited<ReturnType<typeof aRelayWithAnOrder>>): [string, string[]][] {
  const { distribution, member, order } = ids;
  return [
    ['today', []],
    ['producers', ['Nouveau producteur', 'Modifier Ferme du Bois', 'Archiver Ferme du Bois']],
    ['catalogue', ['Nouveau produit', 'Catégories', 'Modifier Carottes', 'Archiver Carottes']],
    ['distributions', ['Nouvelle distribution', 'Créer une série']],
    [`distributions/${distribution}`, ['Modifier', 'Annuler la distribution']],
    [`distributions/${distribution}/bilan`, []],
    ['stock', []],
    [`stock/${distribution}`, []],
    ['members', ['Nouveau membre', 'Modifier Anne Dupont', 'Archiver Anne Dupont']],
    ['accounts', []],
    [`accounts/${member}`, []],
    ['orders', []],
    [`orders/${distribution}`, ['Nouvelle commande']],
    [`orders/${distribution}/${order}`, ['Annuler la commande']],
    ['pickup', []],
    [`pickup/${distribution}`, ['Vente au comptoir', 'Encaisser et remettre — panier 1, Anne Dupont']],
    [
      `pickup/${distribution}/slots`,
      ['Générer les créneaux', 'Ajouter un créneau', 'Modifier le créneau 17:00–17:30', 'Supprimer le créneau 17:00–17:30', 'Déplacer la commande n° 1 (Anne Dupont)'],
    ],
    ['print', []],
    [`print/catalogue/${distribution}`, []],
    [`print/pickup/${distribution}`, []],
    [`print/pickup/${distribution}/list`, []],
    [`print/pickup/${distribution}/slips`, []],
    [`print/delivery/${distribution}`, []],
    [`print/summary/${distribution}`, []],
    [`print/statement/${member}`, []],
    ['outbox', []],
    ['sync', []],
    ['settings', [/* the backup taken above */]],
  ];
}

test.describe('accessibility (axe) on every screen', () => {
  test('every route, in French, and every dialog each one opens', async ({ app, host }) => {
    test.setTimeout(300_000);
    const ids = await aRelayWithAnOrder(api(app.request, host));
    for (const [route, dialogs] of routes(ids)) {
      await visit(app, route);
      expect(await seriousViolations(app), route).toEqual([]);
      for (const button of dialogs) await checkDialog(app, button);
    }
    // The restore confirmation names the backup's date: found by its start.
    await visit(app, 'settings');
    await app.getByRole('button', { name: /^Restaurer la sauvegarde du / }).first().click();
    await expect(app.getByRole('dialog')).toBeVisible();
    expect(await seriousViolations(app), 'restore confirmation').toEqual([]);
    await app.keyboard.press('Escape');
    await expect(app.getByRole('dialog')).toHaveCount(0);
  });

  test('every route, in English', async ({ app, host }) => {
    test.setTimeout(300_000);
    const call = api(app.request, host);
    const ids = await aRelayWithAnOrder(call);
    await call('relay.update', { language: 'en' });
    await app.reload();
    await expect(app.getByRole('link', { name: 'Settings' })).toBeVisible();
    for (const [route] of routes(ids)) {
      await visit(app, route);
      expect(await seriousViolations(app), route).toEqual([]);
    }
  });
});

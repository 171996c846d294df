/**
 * Sold by weight (issue 15): a cheese priced per kg, about 400 g a piece;
 * Anne orders three pieces and is told the estimate. At the counter the bag is
 * weighed, the figure typed as the scale shows it, and the amount to pay
 * follows — and stays after a restart.
 */
import type { Page } from '@playwright/test';
import { format } from 'date-fns';
import { fr } from 'date-fns/locale';
import { test, expect } from './fixtures';
import { seriousViolations } from './support/axe';
import { api, openDistributionDraft } from './support/api';
import { lines, printToPdf } from './support/pdf';

type Ids = { id: string };

/** Tomme de vache at 18,90 € per kg, about 400 g a piece; Anne orders 3 pieces (estimated 1,2 kg = 22,68 €). */
async function cheeseDay(call: ReturnType<typeof api>) {
  const farm = (await call<{ producer: Ids }>('producers.create', { name: 'Ferme du Bois' })).producer;
  const tomme = await call<Ids>('products.create', {
    producerId: farm.id, name: 'Tomme de vache', category: 'produits laitiers', unit: 'piece', priceCents: 1890, vatRateBp: 600, pricing: 'weight', pieceGrams: 400,
  });
  const distribution = await call<Ids & { pickupDate: string }>('distributions.create', openDistributionDraft());
  await call('offers.set', { distributionId: distribution.id, productId: tomme.id, quantity: null });
  const anne = await call<Ids>('members.create', { name: 'Anne Dupont' });
  const order = await call<Ids>('orders.open', { distributionId: distribution.id, memberId: anne.id });
  const ordered = await call<{ lines: Ids[] }>('orders.addLine', { orderId: order.id, productId: tomme.id, quantity: 3 });
  return { orderId: order.id, lineId: ordered.lines[0]!.id, distributionId: distribution.id, longDay: format(new Date(`${distribution.pickupDate}T12:00`), 'EEEE d MMMM yyyy', { locale: fr }) };
}

const card = (app: Page) => app.getByRole('listitem', { name: 'Panier 1 Anne Dupont' });

async function openCounter(app: Page, longDay: string) {
  await app.getByRole('navigation').getByRole('link', { name: 'Retraits' }).click();
  await app.getByRole('link', { name: longDay }).click();
  await expect(app.getByRole('heading', { level: 1, name: `Retraits du ${longDay}` })).toBeVisible();
}

test.describe('sold by weight in the catalogue', () => {
  test('a cheese priced per kg with the estimate of a piece; without the estimate it is refused at the field', async ({ app, host }) => {
    await api(app.request, host)('producers.create', { name: 'Ferme du Bois' });
    await app.getByRole('link', { name: 'Catalogue', exact: true }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Catalogue' })).toBeVisible();
    await app.getByRole('button', { name: 'Nouveau produit' }).click();
    const dialog = app.getByRole('dialog', { name: 'Nouveau produit' });
    await dialog.getByLabel('Nom du produit').fill('Tomme de vache');
    await dialog.getByLabel('Unité de vente').selectOption({ label: 'pièce' });
    await dialog.getByLabel('Prix TVA comprise (EUR)').fill('18,90');
    await dialog.getByLabel('Mode de prix').selectOption({ label: 'au kilo (pièces pesées)' });
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog.getByText('Un produit vendu au poids a besoin du poids estimé d’une pièce.').first()).toBeVisible();
    await dialog.getByLabel('Poids estimé d’une pièce (g)').fill('0,4 kg');
    expect(await seriousViolations(app)).toEqual([]);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(app.getByRole('status')).toContainText('Produit « Tomme de vache » ajouté.');
    const row = app.getByRole('row', { name: /Tomme de vache/ });
    await expect(row).toContainText('18,90 € / kg');
    await expect(row).toContainText('env. 400 g la pièce');
  });
});

test.describe('sold by weight at the counter', () => {
  test('weighing three pieces of cheese at check-in changes the amount to pay from the estimate to the weighed price; a restart keeps it', async ({
    app,
    host,
    restartHost,
  }) => {
    const { distributionId, longDay } = await cheeseDay(api(app.request, host));
    await openCounter(app, longDay);
    await expect(card(app)).toContainText('À payer : 22,68 €');

    await app.getByRole('searchbox', { name: 'Nom ou n° de panier' }).fill('anne');
    const weight = card(app).getByRole('textbox', { name: 'Poids pesé : Tomme de vache, panier 1' });
    await expect(card(app)).toContainText('estimé 1,2 kg · 22,68 €');
    // A figure the app cannot read is said at the field, and nothing changes.
    await weight.focus();
    await app.keyboard.type('1,3 livre');
    await app.keyboard.press('Enter');
    await expect(card(app)).toContainText('Poids illisible : tapez par exemple 437, 437 g ou 0,437 kg.');
    await expect(card(app)).toContainText('À payer : 22,68 €');
    expect(await seriousViolations(app)).toEqual([]);

    // The scale says 1 311 g: typed with a decimal comma, in kilograms; what was understood shows before Enter.
    await weight.fill('');
    await app.keyboard.type('1,311 kg');
    await expect(card(app)).toContainText('Compris : 1,311 kg');
    await app.keyboard.press('Enter');
    await expect(app.getByRole('status')).toHaveText('Panier 1 : Tomme de vache pesé 1,311 kg.');
    // 1,311 kg × 18,90 €/kg = 24,7779 € → 24,78 €
    await expect(card(app)).toContainText('pesé 1,311 kg · 24,78 €');
    await expect(card(app)).toContainText('À payer : 24,78 €');
    await expect(weight).toHaveValue('');

    await restartHost();
    await openCounter(app, longDay);
    await expect(card(app)).toContainText('À payer : 24,78 €');

    // The bag's slip and the producer's delivery sheet show the estimate and the weighing.
    await app.evaluate((hash) => (window.location.hash = hash), `#/print/pickup/${distributionId}/slips`);
    await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
    const slip = app.getByRole('region', { name: /Anne Dupont/ });
    await expect(slip).toContainText('3\u00a0×\u00a0Tomme de vache (estimé 1,2 kg · pesé 1,311 kg)');
    await expect(slip).toContainText('24,78 €');
    await app.evaluate((hash) => (window.location.hash = hash), `#/print/delivery/${distributionId}`);
    await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
    await expect(app.getByRole('rowheader', { name: 'Tomme de vache (estimé 1,2 kg · pesé 1,311 kg)' })).toBeVisible();
  });

  test('before the day is closed, the lines not weighed are listed with a warning at the till, and weighed from the list', async ({ app, host }) => {
    const { longDay } = await cheeseDay(api(app.request, host));
    await openCounter(app, longDay);
    await app.getByRole('tab', { name: 'Clôture' }).click();
    const toWeigh = app.getByRole('region', { name: '1 ligne vendue au poids n’est pas pesée' });
    await expect(toWeigh).toContainText('Panier 1 · Anne Dupont · Tomme de vache × 3 (estimé 1,2 kg)');
    await expect(app.getByText(/^1 ligne vendue au poids n’est pas pesée : elle sera débitée au poids estimé/)).toBeVisible();
    expect(await seriousViolations(app)).toEqual([]);

    // Weighed in grams this time, as the producer's scale shows them.
    await toWeigh.getByRole('textbox', { name: 'Poids pesé : Tomme de vache, panier 1' }).fill('1190 g');
    await expect(toWeigh).toContainText('Compris : 1,19 kg');
    await app.keyboard.press('Enter');
    await expect(app.getByRole('status')).toHaveText('Panier 1 : Tomme de vache pesé 1,19 kg.');
    await expect(toWeigh).toHaveCount(0);
    await expect(app.getByText(/elle sera débitée au poids estimé/)).toHaveCount(0);
    // 1,19 kg × 18,90 €/kg = 22,491 € → 22,49 €
    await app.getByRole('tab', { name: 'Comptoir' }).click();
    await expect(card(app)).toContainText('À payer : 22,49 €');
  });

  test('a walk-in buys two pieces of cheese at the counter: they are weighed there and charged on that weight, never the estimate', async ({
    app,
    host,
  }) => {
    const { longDay } = await cheeseDay(api(app.request, host));
    await openCounter(app, longDay);
    await app.getByRole('button', { name: 'Vente au comptoir' }).click();
    const sale = app.getByRole('dialog', { name: 'Vente au comptoir' });
    await sale.getByLabel('Quantité — Tomme de vache').fill('2');
    // The estimate (2 × 400 g) until the pieces are weighed, and no sale without the weight.
    await expect(sale.getByText('Total : 15,12 €')).toBeVisible();
    await sale.getByRole('button', { name: 'Encaisser la vente' }).click();
    await expect(sale.getByRole('alert')).toContainText('Pesez Tomme de vache : au comptoir, un produit vendu au poids est compté sur son poids pesé.');
    expect(await seriousViolations(app)).toEqual([]);
    // 912 g × 18,90 €/kg = 17,2368 € → 17,24 €
    await sale.getByLabel('Poids pesé — Tomme de vache').fill('0,912 kg');
    await expect(sale.getByText('Total : 17,24 €')).toBeVisible();
    await sale.getByLabel('Montant reçu (€)').fill('20');
    await expect(sale.getByText('À rendre : 2,76 €')).toBeVisible();
    await sale.getByRole('button', { name: 'Encaisser la vente' }).click();
    await expect(sale).toHaveCount(0);
    await expect(app.getByRole('status')).toContainText('17,24 € encaissé (Espèces), à rendre 2,76 €.');
  });

  test('a collected basket’s receipt gives the weighed line’s estimated and weighed weight, its price per kg and the weighed amount', async ({ app, host, dataDir }) => {
    const call = api(app.request, host);
    const { orderId, lineId } = await cheeseDay(call);
    await call('checkin.weigh', { orderId, lineId, grams: 1311 });
    await call('checkin.collect', { orderId });
    await app.evaluate((id) => (window.location.hash = `#/print/receipt/${id}`), orderId);
    await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
    const receipt = lines((await printToPdf(app, dataDir, 'receipt')).all());
    // 1,311 kg × 18,90 €/kg = 24,78 € (the estimate, 1,2 kg, would be 22,68 €).
    expect(receipt).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Tomme de vache \(estimé 1,2 kg · pesé 1,311 kg\)\s+3\s+18,90 € \/ kg\s+24,78 €$/),
        expect.stringMatching(/^Total du panier\s+24,78 €$/),
      ]),
    );
  });
});


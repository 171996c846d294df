/**
 * Money at the relay (issue 7): an advance payment recorded on a member's
 * account, the bag handed over and paid in cash at the counter with the
 * change shown, the last loaves sold to a walk-in (and no more), the till
 * closed with the expected cash; after a restart it is all still there, and
 * the pickup sheet prints what each member has to pay.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { format } from 'date-fns';
import { fr } from 'date-fns/locale';
import { test, expect } from './fixtures';
import { seriousViolations } from './support/axe';
import { api, openDistributionDraft } from './support/api';
import { lines, printToPdf } from './support/pdf';

type Ids = { id: string };
type Call = ReturnType<typeof api>;

/**
 * Anne orders two vegetable boxes (23,40 €); Bruno a box and a loaf (15,50 €)
 * and paid 5,00 € ahead. Three loaves were baked: two are left for the counter.
 */
async function pickupDay(call: Call) {
  const farm = (await call<{ producer: Ids }>('producers.create', { name: 'Ferme du Bois' })).producer;
  const bakery = (await call<{ producer: Ids }>('producers.create', { name: 'Boulangerie Martin' })).producer;
  const box = await call<Ids>('products.create', { producerId: farm.id, name: 'Colis légumes', category: 'légumes', unit: 'piece', priceCents: 1170, vatRateBp: 600 });
  const bread = await call<Ids>('products.create', { producerId: bakery.id, name: 'Pain', category: 'boulangerie', unit: 'piece', priceCents: 380, vatRateBp: 600 });
  const distribution = await call<Ids & { pickupDate: string }>('distributions.create', openDistributionDraft());
  await call('offers.set', { distributionId: distribution.id, productId: box.id, quantity: null });
  await call('offers.set', { distributionId: distribution.id, productId: bread.id, quantity: 3 });
  const order = async (name: string, items: [Ids, number][]) => {
    const member = await call<Ids>('members.create', { name });
    const opened = await call<Ids>('orders.open', { distributionId: distribution.id, memberId: member.id });
    for (const [product, quantity] of items) await call('orders.addLine', { orderId: opened.id, productId: product.id, quantity });
    return member;
  };
  const anne = await order('Anne Dupont', [[box, 2]]);
  const bruno = await order('Bruno Martin', [[box, 1], [bread, 1]]);
  await call('accounts.recordPayment', { memberId: bruno.id, amountCents: 500, method: 'transfer', reference: 'virement' });
  const longDay = format(new Date(`${distribution.pickupDate}T12:00`), 'EEEE d MMMM yyyy', { locale: fr });
  return { distributionId: distribution.id, longDay, anne };
}

const status = (app: Page) => app.getByRole('status');
const card = (app: Page, basket: number, name: string) => app.getByRole('listitem', { name: `Panier ${basket} ${name}` });

test.describe('payments at the relay', () => {
  test('a member with 10,00 € credit pays 15,00 € cash for a 23,40 € order (change 1,60 €); a walk-in buys the last 2 loaves; the till closes; a restart keeps it all; the pickup sheet shows what to pay', async ({
    app,
    host,
    dataDir,
    restartHost,
  }) => {
    const { distributionId, longDay, anne } = await pickupDay(api(app.request, host));

    // Anne pays 10,00 € ahead, recorded on her account.
    await app.getByRole('navigation').getByRole('link', { name: 'Comptes' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Comptes des membres' })).toBeVisible();
    await expect(app.getByRole('row', { name: /Bruno Martin/ })).toContainText('Crédit 5,00 €');
    expect(await seriousViolations(app)).toEqual([]);
    await app.getByRole('link', { name: 'Compte de Anne Dupont' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Compte de Anne Dupont' })).toBeVisible();
    await expect(app.getByText('Solde : 0,00 €')).toBeVisible();
    // Nothing typed, then a refused amount: said at the field, nothing recorded.
    await app.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await expect(app.getByLabel('Montant (€)')).toBeFocused();
    await app.keyboard.type('dix');
    await app.keyboard.press('Enter');
    await expect(app.getByText('Entrez un montant, par exemple 12,50.').first()).toBeVisible();
    await app.getByLabel('Montant (€)').fill('0');
    await app.keyboard.press('Enter');
    await expect(app.getByText('Le montant doit être supérieur à zéro.').first()).toBeVisible();
    await app.getByLabel('Montant (€)').fill('10,00');
    await app.getByLabel('Référence').fill('extrait 3');
    await app.getByRole('radio', { name: 'Virement' }).check();
    await app.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await expect(status(app)).toHaveText('Paiement de 10,00 € enregistré (Virement).');
    await expect(app.getByText('Solde : 10,00 €')).toBeVisible();
    const statement = app.getByRole('table', { name: /Relevé du compte/ });
    await expect(statement.getByRole('row', { name: /Paiement \(Virement\)/ })).toContainText('extrait 3');
    expect(await seriousViolations(app)).toEqual([]);

    // At the counter: 23,40 € less 10,00 € of credit; she hands over 15,00 € in cash.
    await app.getByRole('navigation').getByRole('link', { name: 'Retraits' }).click();
    await app.getByRole('link', { name: longDay }).click();
    await expect(app.getByRole('heading', { level: 1, name: `Retraits du ${longDay}` })).toBeVisible();
    const anneCard = card(app, 1, 'Anne Dupont');
    await expect(anneCard).toContainText('À payer : 13,40 €');
    await anneCard.getByRole('button', { name: 'Détail — panier 1, Anne Dupont' }).click();
    await expect(anneCard).toContainText('Total : 23,40 €');
    await expect(card(app, 2, 'Bruno Martin')).toContainText('À payer : 10,50 €');
    expect(await seriousViolations(app)).toEqual([]);
    await expect(anneCard.getByRole('button', { name: 'Encaisser et remettre — panier 1, Anne Dupont' })).toBeVisible();
    // From the search, as every member is found: her name, then Shift+Enter to take the payment.
    await app.getByRole('searchbox', { name: 'Nom ou n° de panier' }).fill('anne');
    await app.keyboard.press('Shift+Enter');
    const pay = app.getByRole('dialog', { name: 'Encaisser — panier 1, Anne Dupont' });
    await expect(pay.getByLabel('Montant reçu (€)')).toBeFocused();
    await expect(pay.getByLabel('Montant reçu (€)')).toHaveValue('13,40');
    await expect(pay).toContainText('Crédit utilisé : 10,00 €');
    await expect(pay.getByText('À rendre : 0,00 €')).toBeVisible();
    await app.keyboard.type('15');
    await expect(pay.getByText('À rendre : 1,60 €')).toBeVisible();
    expect(await seriousViolations(app)).toEqual([]);
    await app.keyboard.press('Enter');
    await expect(pay).toHaveCount(0);
    await expect(status(app)).toHaveText('Panier 1 — Anne Dupont : 13,40 € encaissé (Espèces), à rendre 1,60 €.');
    await expect(anneCard).toContainText(/Retiré à \d\d:\d\d/);
    await expect(anneCard).toContainText('Payé : 13,40 € · Solde du compte : 0,00 €');
    // Paid and collected: the line says so in words.
    await expect(anneCard.locator('.checkin-state')).toHaveText('Payé');

    // A walk-in wants three loaves: only two are left; she takes those two.
    await app.getByRole('button', { name: 'Vente au comptoir' }).click();
    const sale = app.getByRole('dialog', { name: 'Vente au comptoir' });
    const products = sale.getByRole('table', { name: /Produits avec du stock restant/ });
    await expect(products.getByRole('row', { name: /Pain/ })).toContainText(/3,80\s€\s*2/);
    // Producers by name: the bakery's loaf comes first and its quantity has the focus.
    await expect(sale.getByLabel('Quantité — Pain')).toBeFocused();
    await app.keyboard.type('3');
    await expect(sale.getByText('Total : 11,40 €')).toBeVisible();
    await sale.getByRole('button', { name: 'Encaisser la vente' }).click();
    await expect(sale.getByRole('alert')).toContainText('Plus assez de « Pain » : il en reste 2, 3 demandés.');
    await sale.getByLabel('Quantité — Pain').fill('2');
    await sale.getByLabel('Nom du passant').fill('Julie');
    await expect(sale.getByLabel('Montant reçu (€)')).toHaveValue('7,60');
    await sale.getByLabel('Montant reçu (€)').fill('10');
    await expect(sale.getByText('À rendre : 2,40 €')).toBeVisible();
    expect(await seriousViolations(app)).toEqual([]);
    await sale.getByRole('button', { name: 'Encaisser la vente' }).click();
    await expect(sale).toHaveCount(0);
    await expect(status(app)).toHaveText('Vente n° 3 : 7,60 € encaissé (Espèces), à rendre 2,40 €.');
    // No loaf left: the next sale does not offer any.
    await app.getByRole('button', { name: 'Vente au comptoir' }).click();
    await expect(sale.getByRole('row', { name: /Colis légumes/ })).toBeVisible();
    await expect(sale.getByRole('row', { name: /Pain/ })).toHaveCount(0);
    await sale.getByRole('button', { name: 'Annuler' }).click();
    await expect(sale).toHaveCount(0);
    // A counter sale is handed over already: it is not among the bags to collect.
    await expect(app.getByText(/^Retirés : 1 \/ 2$/)).toBeVisible();

    // Closing: 50,00 € of float + 13,40 € + 7,60 € in cash; Bruno's transfer was not taken here.
    await app.getByRole('tab', { name: 'Clôture' }).click();
    const byMethod = app.getByRole('table', { name: 'Encaissé à cette distribution, par mode' });
    await expect(byMethod.getByRole('row', { name: /Espèces/ })).toContainText('21,00 €');
    await expect(byMethod.getByRole('row', { name: /Virement/ })).toContainText('0,00 €');
    await expect(app.getByRole('table', { name: 'Ventes au comptoir de cette distribution' })).toContainText(/3\s*Julie\s*7,60\s€\s*7,60\s€/);
    await app.getByLabel('Fond de caisse (€)').fill('50');
    await expect(app.getByText('Attendu en caisse : 71,00 €')).toBeVisible();
    await app.getByLabel('Espèces comptées (€)').fill('71,00');
    await expect(app.getByText('Écart : 0,00 €')).toBeVisible();
    expect(await seriousViolations(app)).toEqual([]);
    await app.getByRole('button', { name: 'Clôturer la caisse' }).click();
    await expect(status(app)).toHaveText('Caisse clôturée : attendu 71,00 €, compté 71,00 €, écart 0,00 €.');
    const recorded = app.getByRole('table', { name: /Caisse clôturée à \d\d:\d\d/ });
    await expect(recorded.getByRole('row', { name: /Attendu/ })).toContainText('71,00 €');

    // The settlement sets what was taken against what the producers are owed.
    await app.evaluate((hash) => (window.location.hash = hash), `#/distributions/${distributionId}/bilan`);
    const collected = app.getByRole('table', { name: 'Encaissé par mode, face à ce qui est dû aux producteurs' });
    await expect(collected.getByRole('row', { name: /Total encaissé/ })).toContainText('21,00 €');
    await expect(collected.getByRole('row', { name: /Dû aux producteurs/ })).toContainText(/\d+,\d\d\s€/);

    // The payments for the accountant, as CSV, for a period around today (the relay's day may not be the test machine's).
    await app.evaluate(() => (window.location.hash = '#/accounts'));
    // Typed day first, as the relay writes dates.
    const [from, to] = [-1, 1].map((days) => new Date(Date.now() + days * 86_400_000));
    await app.getByLabel('Du', { exact: true }).fill(format(from!, 'dd/MM/yyyy'));
    await app.getByLabel('Au', { exact: true }).fill(format(to!, 'dd/MM/yyyy'));
    const [download] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Exporter les paiements (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`paiements-${format(from!, 'yyyy-MM-dd')}-${format(to!, 'yyyy-MM-dd')}.csv`);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toContain('Anne Dupont');
    expect(csv).toContain('Julie');
    expect(csv).toContain('13,40');

    // After a restart: the pickup, the payment, the sale and the closing are all on disk.
    await restartHost();
    await app.evaluate((hash) => (window.location.hash = hash), `#/pickup/${distributionId}`);
    await expect(app.getByRole('heading', { level: 1, name: `Retraits du ${longDay}` })).toBeVisible();
    await card(app, 1, 'Anne Dupont').getByRole('button', { name: 'Détail — panier 1, Anne Dupont' }).click();
    await expect(card(app, 1, 'Anne Dupont')).toContainText('Payé : 13,40 € · Solde du compte : 0,00 €');
    await app.getByRole('tab', { name: 'Clôture' }).click();
    await expect(app.getByRole('table', { name: /Caisse clôturée à/ }).getByRole('row', { name: /Compté/ })).toContainText('71,00 €');
    await expect(app.getByRole('table', { name: 'Ventes au comptoir de cette distribution' })).toContainText('Julie');
    await app.evaluate((hash) => (window.location.hash = hash), `#/accounts/${anne.id}`);
    await expect(app.getByRole('heading', { level: 1, name: 'Compte de Anne Dupont' })).toBeVisible();
    await expect(app.getByRole('table', { name: /Relevé du compte/ }).getByRole('row')).toHaveCount(4);
    await expect(app.getByRole('row', { name: /Commande — panier 1/ })).toContainText(/-23,40\s€\s*-13,40\s€/);
    await expect(app.getByRole('row', { name: /Paiement au comptoir \(Espèces\) — panier 1/ })).toContainText(/13,40\s€\s*0,00\s€/);

    // The account statement on paper.
    await app.getByRole('link', { name: 'Imprimer le relevé' }).click();
    await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
    const printed = (await printToPdf(app, dataDir, 'statement')).all();
    expect(printed).toContain('Relevé de compte — Anne Dupont');
    // Each entry's amount and running balance stand on the first line of its label, wherever a long label wraps.
    expect(lines(printed)).toContainEqual(expect.stringMatching(/Commande — panier 1 du .+\s+-23,40 €\s+-13,40 €$/));
    expect(lines(printed)).toContainEqual(expect.stringMatching(/Paiement au comptoir \(Espèces\)( — panier( 1)?)?\s+13,40 €\s+0,00 €$/));

    // The pickup sheet prints what is left to pay: nothing for Anne, 10,50 € for Bruno (15,50 € less his 5,00 €).
    await app.evaluate((hash) => (window.location.hash = hash), `#/print/pickup/${distributionId}/list`);
    await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
    const sheet = lines((await printToPdf(app, dataDir, 'pickup')).all());
    expect(sheet).not.toContainEqual(expect.stringContaining('Julie'));
    expect(sheet).toContainEqual(expect.stringMatching(/^1\s+Anne Dupont\s+.*\s0,00 €$/));
    expect(sheet).toContainEqual(expect.stringMatching(/^2\s+Bruno Martin\s+.*\s10,50 €$/));
    // A distribution without pickup slots: no "no slot" heading over the one group.
    expect(sheet).not.toContainEqual(expect.stringMatching(/^Sans créneau/));
    // The list with items keeps the total, and what is left to pay under it.
    await app.evaluate((hash) => (window.location.hash = hash), `#/print/pickup/${distributionId}/items`);
    await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
    const list = lines((await printToPdf(app, dataDir, 'pickup-items')).all());
    expect(list).toContainEqual(expect.stringMatching(/^2\s+Bruno Martin\s+.*15,50 €$/));
    expect(list).toContainEqual(expect.stringMatching(/À payer : 10,50 €$/));
    expect(list).toContainEqual(expect.stringMatching(/À payer : 0,00 €$/));
    // And on the slip stapled to Bruno's bag.
    await app.evaluate((hash) => (window.location.hash = hash), `#/print/pickup/${distributionId}/slips`);
    await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
    await expect(app.getByRole('region', { name: /Bruno Martin/ })).toContainText('À payer : 10,50 €');
  });

  test('a counter sale made by mistake is cancelled from the closing tab (the walk-in gets the money back, the loaves are on sale again); a payment recorded by mistake is reversed with a reason', async ({ app, host }) => {
    const { distributionId } = await pickupDay(api(app.request, host));
    await app.evaluate((hash) => (window.location.hash = hash), `#/pickup/${distributionId}`);
    await app.getByRole('button', { name: 'Vente au comptoir' }).click();
    const sale = app.getByRole('dialog', { name: 'Vente au comptoir' });
    await sale.getByLabel('Quantité — Pain').fill('2');
    await sale.getByLabel('Nom du passant').fill('Julie');
    await sale.getByRole('button', { name: 'Encaisser la vente' }).click();
    await expect(status(app)).toHaveText('Vente n° 3 : 7,60 € encaissé (Espèces), à rendre 0,00 €.');

    await app.getByRole('tab', { name: 'Clôture' }).click();
    const byMethod = app.getByRole('table', { name: 'Encaissé à cette distribution, par mode' });
    await expect(byMethod.getByRole('row', { name: /Espèces/ })).toContainText('7,60 €');
    await app.getByRole('button', { name: 'Annuler la vente n° 3 — Julie' }).click();
    const cancel = app.getByRole('dialog', { name: 'Annuler la vente n° 3 (Julie) ?' });
    await expect(cancel).toContainText('les 7,60 € payés sont rendus');
    // A reason is required: said at the field, nothing cancelled.
    await cancel.getByRole('button', { name: 'Annuler la vente' }).click();
    await expect(cancel.getByLabel('Motif')).toBeFocused();
    await expect(byMethod.getByRole('row', { name: /Espèces/ })).toContainText('7,60 €');
    expect(await seriousViolations(app)).toEqual([]);
    await cancel.getByLabel('Motif').fill('mauvais pain');
    await cancel.getByRole('button', { name: 'Annuler la vente' }).click();
    await expect(cancel).toHaveCount(0);
    await expect(status(app)).toHaveText('Vente n° 3 annulée : 7,60 € rendus à Julie.');
    await expect(byMethod.getByRole('row', { name: /Espèces/ })).toContainText('0,00 €');
    await expect(app.getByRole('table', { name: 'Ventes au comptoir de cette distribution' })).toHaveCount(0);

    // The two loaves are for sale again.
    await app.getByRole('tab', { name: 'Comptoir' }).click();
    await app.getByRole('button', { name: 'Vente au comptoir' }).click();
    await expect(sale.getByRole('table', { name: /Produits avec du stock restant/ }).getByRole('row', { name: /Pain/ })).toContainText(/3,80\s€\s*2/);
    await sale.getByRole('button', { name: 'Annuler' }).click();

    // Bruno's 5,00 € transfer was recorded by mistake: reversed with a reason, both stay on his statement.
    await app.evaluate(() => (window.location.hash = '#/accounts'));
    await app.getByRole('link', { name: 'Compte de Bruno Martin' }).click();
    await app.getByRole('button', { name: /^Annuler le paiement de 5,00 €/ }).click();
    const reverse = app.getByRole('dialog', { name: 'Annuler ce paiement ?' });
    await reverse.getByRole('button', { name: 'Annuler le paiement' }).click();
    await expect(reverse.getByLabel('Motif')).toBeFocused();
    await reverse.getByLabel('Motif').fill('virement rejeté');
    await reverse.getByRole('button', { name: 'Annuler le paiement' }).click();
    await expect(reverse).toHaveCount(0);
    await expect(status(app)).toHaveText('Paiement de 5,00 € annulé.');
    await expect(app.getByText('Solde : 0,00 €')).toBeVisible();
    await expect(app.getByRole('table', { name: /Relevé du compte/ })).toContainText('virement rejeté');
    await expect(app.getByRole('button', { name: /^Annuler le paiement de 5,00 €/ })).toHaveCount(0);
  });
});

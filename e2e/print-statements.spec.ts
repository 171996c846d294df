/**
 * Statements for the books (issue 15): a member's monthly statement from their account page,
 * and a producer's statement for one distribution from its settlement, read on the PDF.
 */
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { api, openDistributionDraft } from './support/api';
import { lines, printToPdf } from './support/pdf';

type Ids = { id: string };

test('a member’s statement for February: the balance brought forward from January, February’s payments with the balance after each, the new balance', async ({
  app,
  host,
  dataDir,
}) => {
  const call = api(app.request, host);
  const anne = await call<Ids>('members.create', { name: 'Anne Dupont' });
  await call('accounts.recordPayment', { memberId: anne.id, amountCents: 2000, method: 'cash', date: '2025-01-10' });
  await call('accounts.recordPayment', { memberId: anne.id, amountCents: 1500, method: 'transfer', date: '2025-02-05', reference: 'extrait 7' });
  await call('accounts.recordPayment', { memberId: anne.id, amountCents: 500, method: 'cheque', date: '2025-02-26' });
  await call('accounts.recordPayment', { memberId: anne.id, amountCents: 700, method: 'cash', date: '2025-03-02' });

  await app.evaluate((hash) => (window.location.hash = hash), `#/accounts/${anne.id}`);
  await expect(app.getByRole('heading', { level: 1, name: 'Compte de Anne Dupont' })).toBeVisible();
  await app.getByRole('textbox', { name: 'Mois' }).fill('2025-02');
  await app.getByRole('link', { name: 'Relevé du mois' }).click();
  await expect(app.locator('[data-print-state="ready"]')).toBeVisible();

  const printed = lines((await printToPdf(app, dataDir, 'month-statement')).all());
  expect(printed).toEqual(
    expect.arrayContaining([
      'Relevé mensuel — Anne Dupont — février 2025',
      'Solde au vendredi 28 février 2025 : 40,00 €',
      expect.stringMatching(/^Solde reporté au samedi 1 février 2025\s+20,00 €$/),
      expect.stringMatching(/5 février 2025.*Paiement \(Virement\)\s+extrait 7\s+15,00 €\s+35,00 €$/),
      expect.stringMatching(/26 février 2025.*Paiement \(Chèque\)\s+5,00 €\s+40,00 €$/),
      expect.stringMatching(/^Nouveau solde au vendredi 28 février 2025\s+40,00 €$/),
    ]),
  );
  // January's payment is in the balance brought forward, March's after the new balance: neither is listed.
  expect(printed.filter((line) => /janvier|mars/.test(line))).toEqual([]);
});

test('a producer’s statement for one distribution, opened from its settlement: the figures on paper and as CSV, and no invoice offered', async ({
  app,
  host,
  dataDir,
}) => {
  const call = api(app.request, host);
  const farm = (await call<{ producer: Ids }>('producers.create', { name: 'Ferme du Bois' })).producer;
  const bakery = (await call<{ producer: Ids }>('producers.create', { name: 'Boulangerie Martin' })).producer;
  const carrots = await call<Ids>('products.create', { producerId: farm.id, name: 'Carottes', category: 'légumes', unit: 'kg', priceCents: 250, vatRateBp: 600 });
  const bread = await call<Ids>('products.create', { producerId: bakery.id, name: 'Pain', category: 'boulangerie', unit: 'piece', priceCents: 380, vatRateBp: 600 });
  const distribution = await call<Ids & { pickupDate: string }>('distributions.create', openDistributionDraft());
  await call('offers.saveMany', { entries: [carrots, bread].map((product) => ({ distributionId: distribution.id, productId: product.id, quantity: null })) });
  const anne = await call<Ids>('members.create', { name: 'Anne Dupont' });
  const order = await call<Ids>('orders.open', { distributionId: distribution.id, memberId: anne.id });
  await call('orders.addLine', { orderId: order.id, productId: carrots.id, quantity: 3 });
  await call('orders.addLine', { orderId: order.id, productId: bread.id, quantity: 1 });
  await call('distributions.closeEarly', { id: distribution.id });

  await app.evaluate((hash) => (window.location.hash = hash), `#/distributions/${distribution.id}`);
  await app.getByRole('link', { name: 'Bilan de la distribution' }).click();
  await app.getByRole('link', { name: 'Ferme du Bois', exact: true }).click();
  await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
  await expect(app.getByRole('heading', { level: 1, name: /^Relevé de Ferme du Bois — distribution du / })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Émettre la facture' })).toHaveCount(0);

  const printed = lines((await printToPdf(app, dataDir, 'distribution-statement')).all());
  expect(printed).toEqual(expect.arrayContaining([expect.stringMatching(/^Carottes\s+3\s+7,50 €$/), expect.stringMatching(/^Dû au producteur\s+\d+,\d\d €$/)]));
  // Only this producer: the bakery's bread is on its own statement.
  expect(printed.filter((line) => line.includes('Pain'))).toEqual([]);

  const [download] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Exporter en CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`releve-ferme-du-bois-${distribution.pickupDate}.csv`);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv).toContain('Carottes');
  expect(csv).not.toContain('Pain');
});

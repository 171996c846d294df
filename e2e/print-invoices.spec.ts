/**
 * A producer's monthly statement, its invoice and a credit note (issue 15), from the print
 * area, checked on the PDF as an accountant would read it.
 */
import { test, expect } from './fixtures';
import { seriousViolations } from './support/axe';
import { api, openDistributionDraft } from './support/api';
import { lines, printToPdf } from './support/pdf';

type Ids = { id: string };

test('the month’s statement of a producer, then its invoice and a credit note, printed with the figures and numbers', async ({ app, host, dataDir, restartHost }) => {
  const call = api(app.request, host);
  await call('relay.update', { name: 'Relais de la Gare' });
  const farm = (await call<{ producer: Ids }>('producers.create', { name: 'Ferme du Bois' })).producer;
  const carrots = await call<Ids>('products.create', { producerId: farm.id, name: 'Carottes', category: 'légumes', unit: 'kg', priceCents: 250, vatRateBp: 600 });
  const juice = await call<Ids>('products.create', { producerId: farm.id, name: 'Jus de pomme', category: 'boissons', unit: 'bouteille', priceCents: 1210, vatRateBp: 2100 });
  const distribution = await call<Ids & { pickupDate: string }>('distributions.create', openDistributionDraft());
  await call('offers.saveMany', { entries: [carrots, juice].map((product) => ({ distributionId: distribution.id, productId: product.id, quantity: null })) });
  const anne = await call<Ids>('members.create', { name: 'Anne Dupont' });
  const order = await call<Ids>('orders.open', { distributionId: distribution.id, memberId: anne.id });
  await call('orders.addLine', { orderId: order.id, productId: carrots.id, quantity: 2 });
  await call('orders.addLine', { orderId: order.id, productId: juice.id, quantity: 1 });
  await call('distributions.closeEarly', { id: distribution.id });
  const month = distribution.pickupDate.slice(0, 7);

  await app.reload();
  // The relay charges 21 % VAT on its commission and fee.
  await app.getByRole('navigation').getByRole('link', { name: 'Réglages' }).click();
  await app.getByLabel('TVA sur la commission et les frais (%)').fill('21');
  await app.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(app.getByRole('status')).toContainText('Réglages enregistrés.');
  await app.getByRole('navigation').getByRole('link', { name: 'Impressions' }).click();
  await app.getByRole('combobox', { name: 'Producteur' }).selectOption({ label: 'Ferme du Bois' });
  await app.getByRole('textbox', { name: 'Mois' }).fill(month);
  await app.getByRole('link', { name: 'Voir le relevé du mois' }).click();
  await expect(app.locator('[data-print-state="ready"]')).toBeVisible();

  // pdftotext may read the space before % as kerning.
  // 17,10 € sold; commission 8,35 % → 1,43; fee 11,65 % → 1,99; 21 % VAT on 3,42 → 0,72; owed 12,96.
  const statement = lines((await printToPdf(app, dataDir, 'statement')).all());
  expect(statement.some((line) => line.startsWith('Relevé de Ferme du Bois'))).toBe(true);
  expect(statement).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Carottes\s+2\s+5,00 €$/),
      expect.stringMatching(/^Jus de pomme\s+1\s+12,10 €$/),
      expect.stringMatching(/^6\s?%\s+4,72 €\s+0,28 €\s+5,00 €$/),
      expect.stringMatching(/^21\s?%\s+10,00 €\s+2,10 €\s+12,10 €$/),
      expect.stringMatching(/^Commission du relais\s+-1,43 €$/),
      expect.stringMatching(/^Frais de service\s+-1,99 €$/),
      expect.stringMatching(/^TVA sur les frais \(21\s?%\)\s+-0,72 €$/),
      expect.stringMatching(/^Dû au producteur\s+12,96 €$/),
      'Relevé provisoire : pas encore une facture.',
    ]),
  );

  await app.getByRole('button', { name: 'Émettre la facture' }).click();
  await expect(app.getByRole('heading', { level: 1, name: /^Facture n° \d{4}-0001$/ })).toBeVisible();
  await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
  expect(await seriousViolations(app)).toEqual([]);
  const invoice = (await printToPdf(app, dataDir, 'invoice')).all();
  const [number] = /\d{4}-0001/.exec(invoice)!;
  expect(lines(invoice)).toEqual(expect.arrayContaining(['Producteur : Ferme du Bois', expect.stringMatching(/^Dû au producteur\s+12,96 €$/)]));

  // Prices were wrong: the invoice is cancelled by a credit note, under the next number.
  await app.getByLabel('Motif de l’avoir').fill('Prix du jus erroné');
  await app.getByRole('button', { name: 'Émettre un avoir' }).click();
  const creditNumber = number.replace(/0001$/, '0002');
  await expect(app.getByRole('heading', { level: 1, name: `Avoir n° ${creditNumber}` })).toBeVisible();
  await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
  const credit = lines((await printToPdf(app, dataDir, 'credit-note')).all());
  expect(credit).toEqual(
    expect.arrayContaining([`Annule la facture n° ${number}`, 'Motif : Prix du jus erroné', expect.stringMatching(/^Dû au producteur\s+-12,96 €$/)]),
  );

  // After a restart both are listed, and the invoice reads as it was issued.
  await restartHost();
  await app.getByRole('navigation').getByRole('link', { name: 'Impressions' }).click();
  await expect(app.getByRole('link', { name: `Avoir n° ${creditNumber}` })).toBeVisible();
  await app.getByRole('link', { name: `Facture n° ${number}` }).click();
  await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
  expect(lines((await printToPdf(app, dataDir, 'invoice-again')).all())).toEqual(expect.arrayContaining([expect.stringMatching(/^Dû au producteur\s+12,96 €$/)]));
});

test('a member’s receipt for a collected basket lists the items at their prices, the missing one refunded, and the total', async ({ app, host, dataDir }) => {
  const call = api(app.request, host);
  await call('relay.update', { name: 'Relais de la Gare' });
  const farm = (await call<{ producer: Ids }>('producers.create', { name: 'Ferme du Bois' })).producer;
  const carrots = await call<Ids>('products.create', { producerId: farm.id, name: 'Carottes', category: 'légumes', unit: 'kg', priceCents: 250, vatRateBp: 600 });
  const juice = await call<Ids>('products.create', { producerId: farm.id, name: 'Jus de pomme', category: 'boissons', unit: 'bouteille', priceCents: 1210, vatRateBp: 2100 });
  const distribution = await call<Ids>('distributions.create', openDistributionDraft());
  await call('offers.saveMany', { entries: [carrots, juice].map((product) => ({ distributionId: distribution.id, productId: product.id, quantity: null })) });
  const anne = await call<Ids>('members.create', { name: 'Anne Dupont' });
  const order = await call<Ids & { basketNumber: number }>('orders.open', { distributionId: distribution.id, memberId: anne.id });
  await call('orders.addLine', { orderId: order.id, productId: carrots.id, quantity: 2 });
  const withJuice = await call<{ lines: Ids[] }>('orders.addLine', { orderId: order.id, productId: juice.id, quantity: 1 });
  await call('checkin.markMissing', { orderId: order.id, lineId: withJuice.lines[1]!.id, note: 'oublié à la ferme' });
  await call('checkin.collect', { orderId: order.id });

  await app.evaluate((orderId) => (window.location.hash = `#/print/receipt/${orderId}`), order.id);
  await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
  const receipt = lines((await printToPdf(app, dataDir, 'receipt')).all());
  expect(receipt).toEqual(
    expect.arrayContaining([
      `Reçu — panier n° ${order.basketNumber}`,
      'Membre : Anne Dupont',
      expect.stringMatching(/^Retiré le /),
      expect.stringMatching(/^Carottes\s+2\s+2,50 €\s+5,00 €$/),
      expect.stringMatching(/^Jus de pomme \(manquant, remboursé\)\s+1\s+12,10 €\s+12,10 €$/),
      expect.stringMatching(/^Remboursé \(articles manquants\)\s+-12,10 €$/),
      expect.stringMatching(/^Total du panier\s+5,00 €$/),
    ]),
  );
});

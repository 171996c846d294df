import { readFile } from 'node:fs/promises';
import { parseCsv } from '../shared/csv/parse';
import { test, expect } from './fixtures';
import { api, openDistributionDraft } from './support/api';

test('the settlement shows what each producer is owed and exports it for the accountant', async ({ app, host, restartHost }) => {
  // Everything before the restart is set up through the API, as the orders screens would.
  const call = api(app.request, host);
  await call('relay.update', { hostCommissionBp: 835, serviceFeeBp: 1165 });
  const farm = (await call<{ producer: { id: string } }>('producers.create', { name: 'Ferme du Bois' })).producer;
  const martin = (await call<{ producer: { id: string } }>('producers.create', { name: 'Boulangerie Martin' })).producer;
  const product = (producerId: string, name: string, priceCents: number) =>
    call<{ id: string }>('products.create', { producerId, name, category: 'légumes', unit: 'kg', priceCents, vatRateBp: 600 });
  const carottes = await product(farm.id, 'Carottes', 250);
  const poireaux = await product(farm.id, 'Poireaux', 180);
  const pain = await product(martin.id, 'Pain au levain', 380);
  const distribution = await call<{ id: string }>('distributions.create', openDistributionDraft());
  for (const { id } of [carottes, poireaux, pain]) await call('offers.set', { distributionId: distribution.id, productId: id, quantity: 20 });

  const order = async (name: string, lines: [{ id: string }, number][]) => {
    const member = await call<{ id: string }>('members.create', { name });
    const opened = await call<{ id: string }>('orders.open', { distributionId: distribution.id, memberId: member.id });
    for (const [productLine, quantity] of lines) await call('orders.addLine', { orderId: opened.id, productId: productLine.id, quantity });
    return opened;
  };
  await order('Anne', [[carottes, 2], [pain, 1]]);
  await order('Marc', [[carottes, 1], [poireaux, 3]]);
  const cancelled = await order('Léa', [[pain, 10]]);
  await call('orders.cancel', { orderId: cancelled.id });

  await restartHost();
  await app.evaluate((hash) => (window.location.hash = hash), `#/distributions/${distribution.id}`);
  await app.getByRole('link', { name: 'Bilan de la distribution' }).click();
  await expect(app.getByRole('heading', { level: 1 })).toContainText('Bilan du');

  const summary = app.getByRole('table', { name: 'Bilan par producteur' });
  const bois = summary.getByRole('row', { name: /Ferme du Bois/ });
  // Sales 12,90 €, VAT 0,73 €, commission 8,35 % = 1,08 €, service fee 11,65 % = 1,50 €, owed 10,32 €.
  await expect(bois.getByRole('cell')).toHaveText([/12,90/, /0,73/, /1,08/, /1,50/, /10,32/, /0,00/]);
  await expect(summary.getByRole('row', { name: /Boulangerie Martin/ })).toContainText('3,80');
  await expect(summary.getByRole('row', { name: /Total de la distribution/ })).toContainText('13,36');

  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Exporter en CSV' }).click();
  const file = await (await download).path();
  const table = parseCsv(new Uint8Array(await readFile(file)));
  expect(table.rows.map((row) => row.cells)).toEqual([
    ['Boulangerie Martin', '3,80', '0,22', '0,32', '0,44', '3,04', '0,00'],
    ['Ferme du Bois', '12,90', '0,73', '1,08', '1,50', '10,32', '0,00'],
    ['TOTAL', '16,70', '0,95', '1,40', '1,94', '13,36', '0,00'],
  ]);
});

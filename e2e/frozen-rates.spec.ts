import { test, expect } from './fixtures';
import { api, openDistributionDraft } from './support/api';
import { seriousViolations } from './support/axe';

test('a fee changed in Réglages leaves a closed distribution’s settlement as it was; its own rates change only with a reason', async ({ app, host, restartHost }) => {
  const call = api(app.request, host);
  await call('relay.update', { hostCommissionBp: 835, serviceFeeBp: 1165 });
  const farm = (await call<{ producer: { id: string } }>('producers.create', { name: 'Ferme du Bois' })).producer;
  const carottes = await call<{ id: string }>('products.create', { producerId: farm.id, name: 'Carottes', category: 'légumes', unit: 'kg', priceCents: 250, vatRateBp: 600 });
  const sale = async () => {
    const distribution = await call<{ id: string }>('distributions.create', openDistributionDraft());
    await call('offers.set', { distributionId: distribution.id, productId: carottes.id, quantity: 20 });
    const member = await call<{ id: string }>('members.create', { name: `Anne ${distribution.id.slice(0, 4)}` });
    const order = await call<{ id: string }>('orders.open', { distributionId: distribution.id, memberId: member.id });
    await call('orders.addLine', { orderId: order.id, productId: carottes.id, quantity: 4 });
    return distribution;
  };
  const closed = await sale();
  await call('distributions.closeEarly', { id: closed.id });

  // The organiser raises the service fee in Réglages.
  await app.getByRole('link', { name: 'Réglages' }).click();
  await app.getByLabel('Frais de service (%)').fill('20');
  await app.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(app.getByRole('status')).toContainText('Réglages enregistrés.');

  const openSettlement = async (id: string) => {
    await app.evaluate((hash) => (window.location.hash = hash), `#/distributions/${id}`);
    await app.getByRole('link', { name: 'Bilan de la distribution' }).click();
    await expect(app.getByRole('heading', { level: 1 })).toContainText('Bilan du');
  };
  const farmRow = () => app.getByRole('table', { name: 'Bilan par producteur' }).getByRole('row', { name: /Ferme du Bois/ });

  // Sales 10,00 €: commission 8,35 % = 0,84 €, service fee 11,65 % (not 20 %) = 1,17 €, owed 7,99 €.
  await openSettlement(closed.id);
  await expect(farmRow().getByRole('cell')).toHaveText([/10,00/, /0,57/, /0,84/, /1,17/, /7,99/, /0,00/]);
  await expect(app.getByTestId('rates-state')).toContainText('Taux figés à la fermeture des commandes');
  await expect(app.getByText('Commission du relais 8,35 % · frais de service 11,65 %')).toBeVisible();
  expect(await seriousViolations(app)).toEqual([]);

  // A distribution still open follows the new fee, and says so.
  const open = await sale();
  await openSettlement(open.id);
  await expect(farmRow().getByRole('cell')).toHaveText([/10,00/, /0,57/, /0,84/, /2,00/, /7,16/, /0,00/]);
  await expect(app.getByTestId('rates-state')).toContainText('pas encore figés');
  await expect(app.getByRole('button', { name: 'Modifier les taux de cette distribution' })).toHaveCount(0);

  // On the closed one, the organiser changes the fee by hand: a reason is required, and kept.
  await openSettlement(closed.id);
  await app.getByRole('button', { name: 'Modifier les taux de cette distribution' }).click();
  const dialog = app.getByRole('dialog', { name: 'Modifier les taux de cette distribution' });
  expect(await seriousViolations(app)).toEqual([]);
  await dialog.getByLabel('Frais de service (%)').fill('10');
  await dialog.getByRole('button', { name: 'Enregistrer les taux' }).click();
  await expect(dialog.getByLabel('Motif')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Motif').fill('Geste pour la première saison');
  await dialog.getByRole('button', { name: 'Enregistrer les taux' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(farmRow().getByRole('cell')).toHaveText([/10,00/, /0,57/, /0,84/, /1,00/, /8,16/, /0,00/]);
  await expect(app.getByText(/frais de service 11,65 % → 10 % — motif : Geste pour la première saison/)).toBeVisible();
  // The producer's sheet says which rates were applied.
  await expect(app.getByRole('region', { name: 'Bilan producteur — Ferme du Bois' })).toContainText(/Commission relais \(8,35 %\).*Frais de service \(10 %\)/);

  await restartHost();
  await openSettlement(closed.id);
  await expect(farmRow().getByRole('cell')).toHaveText([/10,00/, /0,57/, /0,84/, /1,00/, /8,16/, /0,00/]);

  // Once marked settled, its rates can no longer be changed.
  await app.getByRole('button', { name: 'Marquer le bilan comme réglé' }).click();
  await app.getByRole('dialog').getByRole('button', { name: 'Marquer comme réglé' }).click();
  await expect(app.getByTestId('rates-state')).toContainText('Bilan réglé le');
  await expect(app.getByRole('button', { name: 'Modifier les taux de cette distribution' })).toHaveCount(0);
});

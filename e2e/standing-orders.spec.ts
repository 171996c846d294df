import type { APIRequestContext, Page } from '@playwright/test';
import { addDays, format } from 'date-fns';
import { fr } from 'date-fns/locale';
import { test, expect } from './fixtures';
import { api, openDistributionDraft } from './support/api';
import type { HostProcess } from './support/host-process';

interface Ids {
  id: string;
}

const day = (offset: number) => format(addDays(new Date(), offset), 'yyyy-MM-dd');
const longDay = (date: string) => format(new Date(`${date}T12:00`), 'EEEE d MMMM yyyy', { locale: fr });
const plainDay = (date: string) => format(new Date(`${date}T12:00`), 'd MMMM yyyy', { locale: fr });

/** Ferme du Bois sells carrots and eggs; Anne is a member. */
async function relay(request: APIRequestContext, host: HostProcess) {
  const call = api(request, host);
  const { producer } = await call<{ producer: Ids }>('producers.create', { name: 'Ferme du Bois' });
  const product = (name: string, priceCents: number) =>
    call<Ids>('products.create', { producerId: producer.id, name, category: 'légumes', unit: 'kg', priceCents, vatRateBp: 600 });
  const carrots = await product('Carottes', 250);
  const eggs = await product('Œufs', 320);
  const anne = await call<Ids>('members.create', { name: 'Anne Dupont' });
  return { call, carrots, eggs, anne };
}

async function openOrdersOf(app: Page, pickupDate: string) {
  await app.getByRole('navigation').getByRole('link', { name: 'Commandes' }).click();
  await app.getByRole('link', { name: longDay(pickupDate) }).click();
  await expect(app.getByRole('heading', { level: 1, name: `Commandes du ${longDay(pickupDate)}` })).toBeVisible();
}

test('standing orders placed at opening: the basket is in the new distribution of its series, the line beyond the stock listed', async ({ app, request, host, restartHost }) => {
  const { call, carrots, eggs } = await relay(request, host);
  // The season's Thursday (or whichever day comes in four days) pickups, made as a series, not yet open for ordering.
  const seriesFirst = day(4);
  const series = await call<(Ids & { pickupDate: string })[]>('distributions.createSeries', {
    from: seriesFirst, weekday: new Date(`${seriesFirst}T12:00`).getDay(), weeks: 2, pickupStart: '17:00', pickupEnd: '19:00',
  });
  const distribution = series[0]!;
  await call('distributions.update', { id: distribution.id, changes: { opens: { date: day(2), time: '09:00' }, closes: { date: day(3), time: '20:00' } } });
  const seriesText = `Le ${format(new Date(`${seriesFirst}T12:00`), 'EEEE', { locale: fr })}, 17:00–19:00, du ${plainDay(seriesFirst)} au ${plainDay(series[1]!.pickupDate)} (2 distributions)`;

  // On Anne's page, the organiser sets up her weekly basket: 3 carrots and 1 box of eggs.
  await app.getByRole('navigation').getByRole('link', { name: 'Membres' }).click();
  await app.getByRole('link', { name: 'Compte de Anne Dupont' }).click();
  await app.getByRole('button', { name: 'Créer un abonnement' }).click();
  const dialog = app.getByRole('dialog', { name: 'Panier de l’abonnement' });
  for (const [name, quantity] of [['Carottes', '3'], ['Œufs', '1']] as const) {
    await dialog.getByLabel('Produit').selectOption({ label: name });
    await dialog.getByLabel('Quantité').fill(quantity);
    await dialog.getByRole('button', { name: 'Ajouter le produit' }).click();
  }
  // Only the distributions of that series, every other week, for the coming month.
  await dialog.getByLabel('Distributions suivies').selectOption({ label: seriesText });
  await dialog.getByRole('radio', { name: 'Une semaine sur deux' }).check();
  const until = day(30);
  await dialog.getByLabel('Jusqu’au (facultatif)').fill(format(new Date(`${until}T12:00`), 'dd/MM/yyyy'));
  await dialog.getByRole('button', { name: 'Enregistrer l’abonnement' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Abonnement enregistré.' })).toBeVisible();
  await expect(app.getByRole('list', { name: 'Panier' })).toContainText('Carottes × 3');
  await expect(app.getByText(`${seriesText} · Une semaine sur deux · jusqu’au ${longDay(until)}`)).toBeVisible();

  // The series' first distribution opens with only 2 carrots, and a distribution outside the series is open too;
  // the app is started again (the placement runs at open).
  const outside = await call<Ids & { pickupDate: string }>('distributions.create', openDistributionDraft());
  for (const each of [distribution, outside]) {
    await call('offers.set', { distributionId: each.id, productId: carrots.id, quantity: 2 });
    await call('offers.set', { distributionId: each.id, productId: eggs.id, quantity: 10 });
  }
  await call('distributions.update', { id: distribution.id, changes: { opens: { date: day(-1), time: '09:00' } } });
  await restartHost();

  // Nothing for Anne at the distribution outside her series.
  await openOrdersOf(app, outside.pickupDate);
  await expect(app.getByText('Aucune commande pour l’instant.')).toBeVisible();

  await openOrdersOf(app, distribution.pickupDate);
  const ordersTable = app.getByRole('table', { name: 'Commandes de la distribution, par numéro de panier' });
  await expect(ordersTable.getByRole('link', { name: 'Anne Dupont' })).toHaveCount(1);
  const unplaced = app.getByRole('region', { name: 'Abonnements : lignes non placées' });
  await expect(unplaced).toContainText('Carottes : 2 sur 3 — quantité partielle');
  await ordersTable.getByRole('link', { name: 'Anne Dupont' }).click();
  await expect(app.getByRole('heading', { level: 1, name: /Anne Dupont/ })).toBeVisible();
  await expect(app.getByRole('region', { name: 'Produits commandés' })).toContainText('Carottes');
  await expect(app.getByRole('region', { name: 'Produits commandés' })).toContainText('Œufs');

  // Placed once: a second start and the organiser's button add nothing.
  await restartHost();
  await openOrdersOf(app, distribution.pickupDate);
  await app.getByRole('button', { name: 'Placer les abonnements' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Aucun abonnement à placer.' })).toBeVisible();
  await expect(ordersTable.getByRole('link', { name: 'Anne Dupont' })).toHaveCount(1);
  await expect(ordersTable.getByRole('row')).toHaveCount(2);
});

test('same as last week: the member’s previous order copied into this one, the line beyond the stock said', async ({ app, request, host }) => {
  const { call, carrots, eggs, anne } = await relay(request, host);
  const lastWeek = await call<Ids & { pickupDate: string }>('distributions.create', { ...openDistributionDraft(), pickupDate: day(2), closes: { date: day(1), time: '20:00' } });
  const thisWeek = await call<Ids & { pickupDate: string }>('distributions.create', { ...openDistributionDraft(), pickupDate: day(9), closes: { date: day(8), time: '20:00' } });
  for (const [distribution, stock] of [[lastWeek, 10], [thisWeek, 1]] as const) {
    await call('offers.set', { distributionId: distribution.id, productId: carrots.id, quantity: stock });
    await call('offers.set', { distributionId: distribution.id, productId: eggs.id, quantity: 10 });
  }
  const old = await call<Ids>('orders.open', { distributionId: lastWeek.id, memberId: anne.id });
  await call('orders.addLine', { orderId: old.id, productId: carrots.id, quantity: 3 });
  await call('orders.addLine', { orderId: old.id, productId: eggs.id, quantity: 2 });
  await call('orders.open', { distributionId: thisWeek.id, memberId: anne.id });

  await openOrdersOf(app, thisWeek.pickupDate);
  await app.getByRole('link', { name: 'Anne Dupont' }).first().click();
  await app.getByRole('button', { name: 'Comme la semaine dernière' }).click();
  const status = app.getByRole('status').filter({ hasText: 'produits ajoutés' });
  await expect(status).toContainText(`2 produits ajoutés depuis la distribution du ${longDay(lastWeek.pickupDate)}.`);
  await expect(status).toContainText('Non placé : Carottes : 1 sur 3 — quantité partielle');
  await expect(app.getByRole('region', { name: 'Produits commandés' })).toContainText('Œufs');
});

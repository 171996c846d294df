/**
 * The home screen and the distribution hub (issue 14). A new relay opens on
 * Aujourd'hui with its first steps (hidden for good once the organiser says
 * so); on distribution day it shows that day's distribution, what is left to
 * do, and one click to each piece of it — as the distribution's own page does.
 */
import type { Page } from '@playwright/test';
import { format } from 'date-fns';
import { fr } from 'date-fns/locale';
import { addDays, todayIn } from '../shared/distributions/calendar';
import { test, expect } from './fixtures';
import { seriousViolations } from './support/axe';
import { api } from './support/api';

type Ids = { id: string };
const longDay = (date: string) => format(new Date(`${date}T12:00`), 'EEEE d MMMM yyyy', { locale: fr });
const hub = (app: Page) => app.getByRole('region', { name: 'Pour cette distribution' });

test('a new relay opens on Aujourd’hui with its first steps, which tick themselves and can be hidden for good', async ({ app, host }) => {
  await expect(app.getByRole('heading', { level: 1, name: 'Aujourd’hui' })).toBeVisible();
  const guide = app.getByRole('region', { name: 'Premiers pas' });
  await expect(guide.getByRole('listitem')).toHaveCount(4);
  await expect(guide.getByRole('link')).toHaveText(['Nommer le relais', 'Ajouter un producteur', 'Ajouter des produits', 'Planifier la première vente']);
  await expect(app.getByText('Aucune distribution à venir.')).toBeVisible();
  expect(await seriousViolations(app)).toEqual([]);

  // Each step leads to its screen.
  await guide.getByRole('link', { name: 'Ajouter un producteur' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Producteurs' })).toBeVisible();

  // A producer added: that step is done.
  await api(app.request, host)('producers.create', { name: 'Ferme du Bois' });
  await app.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Aujourd’hui' }).click();
  await expect(guide.getByRole('listitem').nth(1)).toContainText('✓ fait');
  await expect(guide.getByRole('link', { name: 'Ajouter un producteur' })).toHaveCount(0);

  // Hidden, it stays hidden.
  await guide.getByRole('button', { name: 'Masquer ce guide' }).click();
  await expect(guide).toHaveCount(0);
  await app.reload();
  await expect(app.getByRole('heading', { level: 1, name: 'Aujourd’hui' })).toBeVisible();
  await expect(app.getByText('Aucune distribution à venir.')).toBeVisible();
  await expect(app.getByRole('region', { name: 'Premiers pas' })).toHaveCount(0);
});

test('on distribution day, Aujourd’hui says what is left and leads to each piece of the distribution in one click', async ({ app, host }) => {
  const call = api(app.request, host);
  // The relay's today (Brussels, the default zone), not the test machine's.
  const today = todayIn('Europe/Brussels', new Date());
  const farm = (await call<{ producer: Ids }>('producers.create', { name: 'Ferme du Bois' })).producer;
  const carrots = await call<Ids>('products.create', { producerId: farm.id, name: 'Carottes', category: 'légumes', unit: 'kg', priceCents: 250, vatRateBp: 600 });
  // Ordering closed at midnight; the pickup runs all day.
  const distribution = await call<Ids>('distributions.create', {
    pickupDate: today,
    pickupStart: '00:00',
    pickupEnd: '23:59',
    opens: { date: addDays(today, -3), time: '09:00' },
    closes: { date: today, time: '00:00' },
  });

  await app.reload();
  const card = app.getByRole('region', { name: `Distribution du jour : ${longDay(today)}` });
  const tasks = card.getByRole('listitem');
  await expect(tasks.filter({ hasText: 'Aucun produit en vente' })).toContainText('à faire');
  await expect(tasks.filter({ hasText: 'Pas encore de créneaux de retrait.' })).toContainText('à faire');
  await expect(tasks.filter({ hasText: 'Commandes fermées : 0 commande.' })).toContainText('fait');

  // Stock, slots and two late orders, one collected.
  await call('offers.set', { distributionId: distribution.id, productId: carrots.id, quantity: 20 });
  for (const name of ['Anne Dupont', 'Bruno Martin']) {
    const member = await call<Ids>('members.create', { name });
    const order = await call<Ids>('orders.open', { distributionId: distribution.id, memberId: member.id, late: true });
    await call('orders.addLine', { orderId: order.id, productId: carrots.id, quantity: 2 });
    if (name === 'Anne Dupont') await call('checkin.collect', { orderId: order.id });
  }
  await call('slots.generate', { distributionId: distribution.id, minutes: 60, capacity: 10 });
  await app.reload();
  await expect(tasks.filter({ hasText: '1 produit en vente.' })).toContainText('fait');
  await expect(tasks.filter({ hasText: /\d+ créneaux de retrait\./ })).toContainText('fait');
  await expect(tasks.filter({ hasText: 'Commandes fermées : 2 commandes.' })).toBeVisible();
  await expect(tasks.filter({ hasText: 'Retirés : 1 / 2.' })).toContainText('à faire');
  await expect(tasks.filter({ hasText: 'Feuilles à imprimer' })).toBeVisible();
  expect(await seriousViolations(app)).toEqual([]);

  // One click to each piece: orders, slots, the counter, the sign-in sheet, the settlement.
  const day = longDay(today);
  const destinations: [string, string][] = [
    ['Commandes', `Commandes du ${day}`],
    ['Créneaux', `Créneaux de retrait du ${day}`],
    ['Retraits (comptoir)', `Retraits du ${day}`],
    ['Bilan', `Bilan du ${day}`],
  ];
  for (const [link, heading] of destinations) {
    await hub(app).getByRole('link', { name: link, exact: true }).click();
    await expect(app.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await app.goBack();
  }
  await hub(app).getByRole('link', { name: 'Liste d’émargement' }).click();
  await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
  await app.goBack();

  // The distribution's own page has the same hub.
  await card.getByRole('link', { name: `Distribution du jour : ${day}` }).click();
  await expect(app.getByRole('heading', { level: 1, name: `Distribution du ${day}` })).toBeVisible();
  await expect(hub(app).getByRole('link')).toHaveText([
    'Commandes',
    'Commandes par tableur',
    'Stocks',
    'Créneaux',
    'Retraits (comptoir)',
    'Bilan',
    'Catalogue de la semaine',
    'Liste d’émargement',
    'Fiches par membre',
    'Bons de livraison',
    'Récapitulatif',
  ]);
  expect(await seriousViolations(app)).toEqual([]);
  await hub(app).getByRole('link', { name: 'Retraits (comptoir)' }).click();
  await expect(app.getByRole('heading', { level: 1, name: `Retraits du ${day}` })).toBeVisible();
});

import type { APIRequestContext, Page } from '@playwright/test';
import { addDays, format } from 'date-fns';
import { fr } from 'date-fns/locale';
import { test, expect } from './fixtures';
import { storedRecords } from './support/stored';
import { api } from './support/api';
import { seriousViolations } from './support/axe';
import { holdNextAnswer } from './support/held-answer';
import type { HostProcess } from './support/host-process';

interface Ids {
  id: string;
}

/** A day relative to today, as the distribution form takes it: ordering windows follow the real clock. */
const day = (offset: number) => format(addDays(new Date(), offset), 'yyyy-MM-dd');
/** How the screens say a pickup day: "vendredi 4 décembre 2026". */
const longDay = (date: string) => format(new Date(`${date}T12:00`), 'EEEE d MMMM yyyy', { locale: fr });

/**
 * Ferme du Bois sells carrots at 2,50 €/kg; a distribution whose ordering
 * opened a week ago and closes in four days offers `stock` kg of them.
 */
async function relayWithCarrots(request: APIRequestContext, host: HostProcess, stock: number) {
  const call = api(request, host);
  const { producer } = await call<{ producer: Ids }>('producers.create', { name: 'Ferme du Bois' });
  const carrots = await call<Ids>('products.create', {
    producerId: producer.id,
    name: 'Carottes',
    category: 'légumes',
    unit: 'kg',
    priceCents: 250,
    vatRateBp: 600,
  });
  const distribution = await call<Ids & { pickupDate: string }>('distributions.create', {
    pickupDate: day(8),
    pickupStart: '17:00',
    pickupEnd: '19:00',
    opens: { date: day(-7), time: '09:00' },
    closes: { date: day(4), time: '23:00' },
  });
  await call('offers.set', { distributionId: distribution.id, productId: carrots.id, quantity: stock });
  return { call, carrots, distribution };
}

async function openOrdersOf(app: Page, pickupDate: string) {
  await app.getByRole('navigation').getByRole('link', { name: 'Commandes' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Commandes' })).toBeVisible();
  await app.getByRole('link', { name: longDay(pickupDate) }).click();
  await expect(app.getByRole('heading', { level: 1, name: `Commandes du ${longDay(pickupDate)}` })).toBeVisible();
}

/** Types the product search the way the organiser does: a few letters, Enter, the quantity, Enter. */
async function orderByKeyboard(app: Page, letters: string, quantity: string, firstOption: RegExp = /Carottes/) {
  const search = app.getByRole('combobox', { name: 'Produit' });
  await expect(search).toBeFocused();
  await app.keyboard.type(letters);
  await expect(app.getByRole('option').first()).toHaveAccessibleName(firstOption);
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('Quantité', { exact: true })).toBeFocused();
  await app.keyboard.type(quantity);
  await app.keyboard.press('Enter');
}

const linesTable = (app: Page) => app.getByRole('table', { name: 'Lignes de la commande' });
const ordersTable = (app: Page) => app.getByRole('table', { name: 'Commandes de la distribution, par numéro de panier' });

test.describe('the organiser takes members’ orders against the producers’ stock', () => {
  test('two members, 2 kg of carrots: the first takes them by keyboard, the second sees why not, a cancellation frees them, a restart keeps it all', async ({
    app,
    host,
    restartHost,
  }) => {
    const { call, distribution } = await relayWithCarrots(app.request, host, 2);
    await call('members.create', { name: 'Anne Dupont', phone: '0470 12 34 56' });

    await openOrdersOf(app, distribution.pickupDate);
    await expect(app.getByText('Commandes ouvertes').first()).toBeVisible();

    // Anne, picked by a few letters of her name, orders the 2 kg without touching the mouse.
    await app.getByRole('button', { name: 'Nouvelle commande' }).click();
    const dialog = app.getByRole('dialog', { name: 'Nouvelle commande' });
    await expect(dialog.getByRole('combobox', { name: 'Membre' })).toBeFocused();
    await app.keyboard.type('anne');
    await expect(dialog.getByRole('option', { name: /Anne Dupont/ })).toBeVisible();
    await app.keyboard.press('Enter');
    await expect(app.getByRole('heading', { level: 1, name: 'Commande n° 1 — Anne Dupont' })).toBeVisible();

    await orderByKeyboard(app, 'car', '2', /^Carottes Ferme du Bois 2,50\s€ \/ kg reste 2$/);
    await expect(app.getByRole('status')).toContainText('Ajouté à la commande : 2 × Carottes. Carottes : reste 0.');
    const anneLine = linesTable(app).getByRole('row', { name: /Carottes/ });
    await expect(anneLine.getByRole('textbox', { name: 'Quantité de Carottes' })).toHaveValue('2');
    await expect(anneLine).toContainText('2,50 €');
    await expect(anneLine).toContainText('5,00 €');
    await expect(anneLine).toContainText('reste 0');
    await expect(linesTable(app)).toContainText('Total de la commande');
    // Ready for the next product: the caret is back in an empty search.
    await expect(app.getByRole('combobox', { name: 'Produit' })).toBeFocused();
    await expect(app.getByRole('combobox', { name: 'Produit' })).toHaveValue('');
    expect(await seriousViolations(app)).toEqual([]);

    // Marc is not a member yet: created on the spot, then he tries for the carrots.
    await app.getByRole('link', { name: `Commandes du ${longDay(distribution.pickupDate)}` }).click();
    await app.getByRole('button', { name: 'Nouvelle commande' }).click();
    await app.keyboard.type('Marc Lefèvre');
    await expect(app.getByRole('option', { name: 'Créer le membre « Marc Lefèvre »' })).toBeVisible();
    await app.keyboard.press('Enter');
    const create = app.getByRole('dialog', { name: 'Nouvelle commande' });
    await expect(create.getByLabel('Nom')).toHaveValue('Marc Lefèvre');
    await create.getByLabel('Téléphone').fill('0478 98 76 54');
    await create.getByLabel('Téléphone').press('Enter');
    await expect(app.getByRole('heading', { level: 1, name: 'Commande n° 2 — Marc Lefèvre' })).toBeVisible();

    await orderByKeyboard(app, 'car', '2');
    await expect(app.getByRole('alert')).toHaveText('Plus assez de « Carottes » : il en reste 0, 2 demandés.');
    // What was typed stays, ready to correct; nothing was added.
    await expect(app.getByRole('combobox', { name: 'Produit' })).toHaveValue('Carottes');
    await expect(app.getByLabel('Quantité', { exact: true })).toHaveValue('2');
    await expect(app.getByText('Aucun produit dans cette commande.')).toBeVisible();
    expect(await seriousViolations(app)).toEqual([]);

    // Anne cancels: her carrots go back on sale.
    await app.getByRole('link', { name: `Commandes du ${longDay(distribution.pickupDate)}` }).click();
    await ordersTable(app).getByRole('link', { name: 'Anne Dupont' }).click();
    await app.getByRole('button', { name: 'Annuler la commande' }).click();
    await app.getByRole('dialog', { name: 'Annuler la commande n° 1 ?' }).getByRole('button', { name: 'Annuler la commande' }).click();
    await expect(app.getByRole('status')).toContainText('Commande n° 1 annulée');
    await expect(app.getByRole('button', { name: 'Rétablir la commande' })).toBeVisible();
    await expect(app.getByRole('combobox', { name: 'Produit' })).toHaveCount(0);

    // Now Marc gets them.
    await app.getByRole('link', { name: `Commandes du ${longDay(distribution.pickupDate)}` }).click();
    await ordersTable(app).getByRole('link', { name: 'Marc Lefèvre' }).click();
    await orderByKeyboard(app, 'car', '2');
    await expect(app.getByRole('status')).toContainText('Carottes : reste 0.');
    await expect(linesTable(app).getByRole('row', { name: /Carottes/ })).toContainText('5,00 €');

    // And Anne's order cannot come back: the stock is gone again.
    await app.getByRole('link', { name: `Commandes du ${longDay(distribution.pickupDate)}` }).click();
    await ordersTable(app).getByRole('link', { name: 'Anne Dupont' }).click();
    await app.getByRole('button', { name: 'Rétablir la commande' }).click();
    await expect(app.getByRole('alert')).toHaveText('Plus assez de « Carottes » : il en reste 0, 2 demandés.');

    await restartHost();
    await openOrdersOf(app, distribution.pickupDate);
    const rows = ordersTable(app).getByRole('row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText('1');
    await expect(rows.nth(1)).toContainText('Anne Dupont');
    await expect(rows.nth(1)).toContainText('Annulée');
    await expect(rows.nth(2)).toContainText('2');
    await expect(rows.nth(2)).toContainText('Marc Lefèvre');
    await expect(rows.nth(2)).toContainText('5,00 €');
    const sold = app.getByRole('table', { name: 'Ce qui a été vendu' });
    await expect(sold.getByRole('row', { name: /Carottes/ })).toHaveText(/Carottes\s*Ferme du Bois\s*2\s*5,00\s€/);
    await expect(app.getByRole('table', { name: 'Ventes par producteur' }).getByRole('row', { name: /Ferme du Bois/ })).toContainText('5,00 €');
    expect(await seriousViolations(app)).toEqual([]);

    // The filters: by product, by member.
    await app.getByLabel('Membre', { exact: true }).fill('lefevre');
    await expect(ordersTable(app).getByRole('row')).toHaveCount(2);
    await expect(app.getByText('1 commande affichée sur 2')).toBeVisible();
    await app.getByLabel('Membre', { exact: true }).fill('');
    await app.getByLabel('Produit', { exact: true }).selectOption({ label: 'Carottes' });
    await expect(ordersTable(app).getByRole('row')).toHaveCount(3);
    await app.getByLabel('Producteur', { exact: true }).selectOption({ label: 'Ferme du Bois' });
    await expect(ordersTable(app)).toContainText('Marc Lefèvre');
  });

  test('once ordering has closed, an order is read-only until the organiser records it as late; the list marks it', async ({ app, host }) => {
    const { call, carrots, distribution } = await relayWithCarrots(app.request, host, 10);
    const anne = await call<Ids>('members.create', { name: 'Anne Dupont' });
    const order = await call<Ids>('orders.open', { distributionId: distribution.id, memberId: anne.id });
    await call('orders.addLine', { orderId: order.id, productId: carrots.id, quantity: 1 });
    // Ordering closed yesterday; the pickup is still to come.
    await call('distributions.update', { id: distribution.id, changes: { closes: { date: day(-1), time: '12:00' } } });

    await openOrdersOf(app, distribution.pickupDate);
    await expect(app.getByText('Commandes fermées').first()).toBeVisible();
    await ordersTable(app).getByRole('link', { name: 'Anne Dupont' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Commande n° 1 — Anne Dupont' })).toBeVisible();
    await expect(app.getByText('Lecture seule.')).toBeVisible();
    await expect(app.getByText(/Les commandes de cette distribution sont fermées depuis le/)).toBeVisible();
    await expect(app.getByRole('combobox', { name: 'Produit' })).toHaveCount(0);
    await expect(app.getByRole('textbox', { name: 'Quantité de Carottes' })).toHaveCount(0);
    await expect(app.getByRole('button', { name: 'Retirer Carottes' })).toHaveCount(0);
    await expect(app.getByRole('button', { name: 'Annuler la commande' })).toHaveCount(0);
    expect(await seriousViolations(app)).toEqual([]);

    await app.getByRole('button', { name: 'Enregistrer une commande tardive' }).click();
    await expect(app.getByRole('status')).toContainText('Commande n° 1 enregistrée comme commande tardive');
    await expect(app.getByText('Commande tardive', { exact: true })).toBeVisible();
    // The same product again adds to its line.
    await orderByKeyboard(app, 'car', '3');
    const quantity = app.getByRole('textbox', { name: 'Quantité de Carottes' });
    await expect(quantity).toHaveValue('4');
    await expect(linesTable(app)).toContainText('10,00 €');
    // A quantity is changed in place: a new number and Enter.
    await quantity.fill('2');
    await quantity.press('Enter');
    await expect(app.getByRole('status')).toHaveText('Carottes : 2 dans la commande. Reste 8.');
    await expect(linesTable(app).getByRole('row', { name: /Carottes/ })).toContainText('5,00 €');
    await app.getByLabel('Note').fill('Passe vers 18 h');
    await app.getByLabel('Note').press('Enter');
    await expect(app.getByRole('status')).toHaveText('Note enregistrée.');

    await app.getByRole('link', { name: `Commandes du ${longDay(distribution.pickupDate)}` }).click();
    const row = ordersTable(app).getByRole('row', { name: /Anne Dupont/ });
    await expect(row).toContainText('Tardive');
    await expect(row).toContainText('5,00 €');
    // A member without an order yet can still be served, as a late order too.
    await expect(app.getByRole('button', { name: 'Nouvelle commande tardive' })).toBeVisible();

    await row.getByRole('link', { name: 'Anne Dupont' }).click();
    await expect(app.getByLabel('Note')).toHaveValue('Passe vers 18 h');
    await app.getByRole('button', { name: 'Retirer Carottes' }).click();
    await expect(app.getByRole('status')).toHaveText('Retiré de la commande : Carottes. Carottes : reste 10.');
    await expect(app.getByText('Aucun produit dans cette commande.')).toBeVisible();
    await expect(app.getByRole('combobox', { name: 'Produit' })).toBeFocused();
  });

  test('a quantity changed while the stock is still being read after an add: the notice says the change, not the add', async ({ app, host }) => {
    const { call, distribution } = await relayWithCarrots(app.request, host, 10);
    const anne = await call<Ids>('members.create', { name: 'Anne Dupont' });
    await call('orders.open', { distributionId: distribution.id, memberId: anne.id });
    await openOrdersOf(app, distribution.pickupDate);
    await ordersTable(app).getByRole('link', { name: 'Anne Dupont' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Commande n° 1 — Anne Dupont' })).toBeVisible();

    // The stock read that follows the add is answered (7 left) but its answer is held back, as on a busy machine.
    const late = await holdNextAnswer(app, 'offers.forDistribution');
    await orderByKeyboard(app, 'car', '3');
    const quantity = app.getByRole('textbox', { name: 'Quantité de Carottes' });
    await expect(quantity).toHaveValue('3');
    await quantity.fill('2');
    await quantity.press('Enter');
    await expect(app.getByRole('status')).toHaveText('Carottes : 2 dans la commande. Reste 8.');

    const lateRead = app.waitForResponse('**/api/call/offers.forDistribution');
    late.release();
    await lateRead;
    // Give the page the moment it needs to act on the late answer: the notice and the stock still say 2 ordered, 8 left.
    await app.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    await expect(app.getByRole('status')).toHaveText('Carottes : 2 dans la commande. Reste 8.');
    await expect(quantity).toHaveValue('2');
    await expect(app.getByText('reste 8', { exact: true })).toBeVisible();
  });

  test('five members race for the last kilo through the host: exactly one wins, the others are told why, the file holds one sold', async ({
    app,
    host,
    dataDir,
  }) => {
    const { call, carrots, distribution } = await relayWithCarrots(app.request, host, 1);
    const orders = [];
    for (const name of ['Anne', 'Bruno', 'Chloé', 'David', 'Emma']) {
      const member = await call<Ids>('members.create', { name });
      orders.push(await call<Ids>('orders.open', { distributionId: distribution.id, memberId: member.id }));
    }
    const outcomes = await Promise.all(
      orders.map(async (order) => {
        const response = await app.request.post(`${host.url}api/call/orders.addLine`, {
          data: { orderId: order.id, productId: carrots.id, quantity: 1 },
          headers: { Authorization: `Bearer ${host.token}` },
        });
        return (await response.json()) as { ok: boolean; error?: { key: string; params: Record<string, unknown> } };
      }),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    const refusals = outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.error);
    expect(refusals).toEqual(
      Array.from({ length: 4 }, () => ({ key: 'error.outOfStock', params: { product: 'Carottes', remaining: 0, wanted: 1 } })),
    );

    const stored = (await storedRecords(dataDir, 'order')).filter((order) => order.distributionId === distribution.id);
    const lines = stored.flatMap((order) => order.lines);
    expect(lines.reduce((sum, line) => sum + line.quantity, 0)).toBe(1);

    // The screen agrees with the file.
    await openOrdersOf(app, distribution.pickupDate);
    await expect(app.getByRole('table', { name: 'Ce qui a été vendu' }).getByRole('row', { name: /Carottes/ })).toContainText('2,50 €');
  });
});

/**
 * Distribution day at the counter: members are checked off by keyboard from
 * the search (a name or a basket number, Enter), an item found missing is
 * flagged with a note, a pickup recorded by mistake is undone, and a restart
 * shows it was all on disk. Ordering is still open: check-in does not wait for it.
 */
import type { Locator, Page } from '@playwright/test';
import { format } from 'date-fns';
import { fr } from 'date-fns/locale';
import { test, expect } from './fixtures';
import { seriousViolations } from './support/axe';
import { api, openDistributionDraft } from './support/api';

type Ids = { id: string };
const MEMBERS = [
  { name: 'Anne Dupont', phone: '0470 11 11 11' },
  { name: 'Bruno Martin', phone: '0470 22 22 22' },
  { name: 'Chloé Leroy', phone: '0470 33 33 33' },
  { name: 'David Lambert', phone: '0470 44 44 44' },
  { name: 'Emma Petit', phone: '0470 55 55 55' },
];

/** Carrots from one farm, apples from an orchard; five members each order 2 kg of carrots and 1 kg of apples; all want the first slot, which takes them. */
async function dayWithFiveOrders(call: ReturnType<typeof api>) {
  const bois = (await call<{ producer: Ids }>('producers.create', { name: 'Ferme du Bois' })).producer;
  const verger = (await call<{ producer: Ids }>('producers.create', { name: 'Verger Martin' })).producer;
  const product = (producer: Ids, name: string, priceCents: number) =>
    call<Ids>('products.create', { producerId: producer.id, name, category: 'légumes', unit: 'kg', priceCents, vatRateBp: 600 });
  const carottes = await product(bois, 'Carottes', 250);
  const pommes = await product(verger, 'Pommes', 280);
  const distribution = await call<Ids & { pickupDate: string }>('distributions.create', openDistributionDraft());
  for (const item of [carottes, pommes]) await call('offers.set', { distributionId: distribution.id, productId: item.id, quantity: 50 });
  for (const member of MEMBERS) {
    const created = await call<Ids>('members.create', { ...member, preferredPickupTime: '17:10' });
    const order = await call<Ids>('orders.open', { distributionId: distribution.id, memberId: created.id });
    await call('orders.addLine', { orderId: order.id, productId: carottes.id, quantity: 2 });
    await call('orders.addLine', { orderId: order.id, productId: pommes.id, quantity: 1 });
  }
  await call('slots.generate', { distributionId: distribution.id, minutes: 30, capacity: 10 });
  await call('orders.assignSlots', { distributionId: distribution.id });
  const longDay = format(new Date(`${distribution.pickupDate}T12:00`), 'EEEE d MMMM yyyy', { locale: fr });
  return { distributionId: distribution.id, longDay };
}

const search = (app: Page) => app.getByRole('searchbox', { name: 'Nom ou n° de panier' });
const card = (app: Page, basket: number, name: string) => app.getByRole('listitem', { name: `Panier ${basket} ${name}` });
const overall = (app: Page) => app.getByText(/^Retirés : \d+ \/ \d+$/);

/** The organiser types, Enter: the member is checked off and the search is empty again, ready for the next one. */
async function checkIn(app: Page, typed: string, basket: number, name: string) {
  await expect(search(app)).toBeFocused();
  await app.keyboard.type(typed);
  await expect(card(app, basket, name)).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('status')).toHaveText(new RegExp(`^Panier ${basket} — ${name} : retiré à \\d\\d:\\d\\d\\.$`));
  await expect(search(app)).toHaveValue('');
}

async function collectedTime(row: Locator): Promise<string> {
  const text = await row.getByText(/^Retiré à \d\d:\d\d$/).textContent();
  return text!.replace('Retiré à ', '');
}

test.describe('the counter on distribution day', () => {
  test('five members checked in by keyboard, one item missing, one pickup undone; a restart keeps times, flag and counters', async ({
    app,
    host,
    restartHost,
  }) => {
    const { distributionId, longDay } = await dayWithFiveOrders(api(app.request, host));

    await app.getByRole('navigation').getByRole('link', { name: 'Retraits' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Retraits' })).toBeVisible();
    await app.getByRole('link', { name: longDay }).click();
    await expect(app.getByRole('heading', { level: 1, name: `Retraits du ${longDay}` })).toBeVisible();
    await expect(app.getByText('Commandes ouvertes').first()).toBeVisible();
    await expect(overall(app)).toHaveText('Retirés : 0 / 5');
    await expect(app.getByText('17:00–17:30 : 0 / 5')).toBeVisible();
    // By slot, then name, one line per basket: number, name, phone, what is due, and the actions, named for what they do.
    const slot = app.getByRole('region', { name: /Créneau 17:00–17:30/ });
    await expect(slot.getByRole('heading', { level: 3 })).toHaveText(MEMBERS.map((member, index) => `Panier ${index + 1} ${member.name}`));
    const anne = card(app, 1, 'Anne Dupont');
    await expect(anne).toContainText('0470 11 11 11');
    await expect(anne).toContainText('À payer : 7,80 €');
    await expect(anne.getByRole('button', { name: 'Marquer retiré — panier 1, Anne Dupont' })).toHaveText('Marquer retiré');
    await expect(anne.getByRole('button', { name: 'Encaisser et remettre — panier 1, Anne Dupont' })).toHaveText('Encaisser et remettre');
    // The items stay closed: two Tab stops per basket (its two actions), not one per item.
    await expect(app.getByRole('list', { name: /^Articles de/ })).toHaveCount(0);
    await expect(app.locator('#checkin-results').locator('a[href], button:not([tabindex="-1"]), input')).toHaveCount(2 * MEMBERS.length);
    expect(await seriousViolations(app)).toEqual([]);
    // Found by the search, the basket opens: its items by producer and its total.
    await search(app).fill('dupont');
    await expect(anne.getByRole('list', { name: 'Articles de Anne Dupont' })).toHaveText(/Ferme du Bois\s*2 × Carottes.*Verger Martin\s*1 × Pommes/);
    await expect(anne).toContainText('Total : 7,80 €');
    await expect(anne.getByRole('button', { name: 'Détail — panier 1, Anne Dupont' })).toHaveAttribute('aria-expanded', 'true');
    expect(await seriousViolations(app)).toEqual([]);
    await search(app).fill('');
    // Reached by the keyboard, a basket opens too, and closes when the organiser moves on.
    await search(app).press('ArrowDown');
    await expect(anne.getByRole('button', { name: 'Marquer retiré — panier 1, Anne Dupont' })).toBeFocused();
    await expect(anne.getByRole('list', { name: 'Articles de Anne Dupont' })).toBeVisible();
    await app.keyboard.press('ArrowDown');
    await expect(app.getByRole('list', { name: 'Articles de Bruno Martin' })).toBeVisible();
    await expect(anne.getByRole('list', { name: 'Articles de Anne Dupont' })).toHaveCount(0);
    await app.keyboard.press('Escape');

    // Four by name, one by basket number; the search narrows as she types.
    await checkIn(app, 'anne', 1, 'Anne Dupont');
    await expect(overall(app)).toHaveText('Retirés : 1 / 5');
    await app.keyboard.type('bru');
    await expect(app.getByText('1 commande trouvée')).toBeVisible();
    await expect(app.getByRole('listitem', { name: /^Panier \d/ })).toHaveCount(1);
    await app.keyboard.press('Escape');
    await checkIn(app, 'bruno', 2, 'Bruno Martin');
    await checkIn(app, '3', 3, 'Chloé Leroy');
    await checkIn(app, 'lambert', 4, 'David Lambert');
    await checkIn(app, 'emma', 5, 'Emma Petit');
    await expect(overall(app)).toHaveText('Retirés : 5 / 5');
    await expect(app.getByText('17:00–17:30 : 5 / 5')).toBeVisible();

    // Anne's carrots did not come: flagged with a note, refunded.
    await app.keyboard.type('anne');
    await app.keyboard.press('ArrowDown');
    await expect(anne.getByRole('button', { name: 'Annuler le retrait — panier 1, Anne Dupont' })).toBeFocused();
    await anne.getByRole('button', { name: 'Signaler manquant — Carottes, panier 1' }).focus();
    await app.keyboard.press('Enter');
    const dialog = app.getByRole('dialog', { name: 'Article manquant : Carottes' });
    await expect(dialog.getByLabel('Note')).toBeFocused();
    await app.keyboard.type('pas livré');
    await app.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(app.getByRole('status')).toHaveText('Carottes marqué manquant pour le panier 1.');
    await expect(anne).toContainText('manquant : pas livré (remboursé 5,00 €)');
    await expect(anne).toContainText('À rembourser : 5,00 €');
    await expect(anne.getByRole('button', { name: 'Signaler manquant — Carottes, panier 1' })).toHaveCount(0);

    // Emma was checked off by mistake: undone from her card, by keyboard.
    await search(app).focus();
    await search(app).fill('emma');
    await app.keyboard.press('ArrowDown');
    const undoEmma = app.getByRole('button', { name: 'Annuler le retrait — panier 5, Emma Petit' });
    await expect(undoEmma).toBeFocused();
    await app.keyboard.press('Enter');
    await expect(app.getByRole('status')).toHaveText('Panier 5 — Emma Petit : retrait annulé.');
    await expect(overall(app)).toHaveText('Retirés : 4 / 5');
    await expect(app.getByRole('button', { name: 'Marquer retiré — panier 5, Emma Petit' })).toBeFocused();
    await search(app).fill('');

    const times: Record<string, string> = {};
    for (const [index, member] of MEMBERS.slice(0, 4).entries()) times[member.name] = await collectedTime(card(app, index + 1, member.name));
    expect(await seriousViolations(app)).toEqual([]);

    await restartHost();
    await app.evaluate((hash) => (window.location.hash = hash), `#/pickup/${distributionId}`);
    await expect(app.getByRole('heading', { level: 1, name: `Retraits du ${longDay}` })).toBeVisible();
    await expect(overall(app)).toHaveText('Retirés : 4 / 5');
    await expect(app.getByText('17:00–17:30 : 4 / 5')).toBeVisible();
    for (const [index, member] of MEMBERS.slice(0, 4).entries()) {
      expect(await collectedTime(card(app, index + 1, member.name))).toBe(times[member.name]);
    }
    // A pointer opens a basket with its details button.
    await card(app, 1, 'Anne Dupont').getByRole('button', { name: 'Détail — panier 1, Anne Dupont' }).click();
    await expect(card(app, 1, 'Anne Dupont')).toContainText('manquant : pas livré (remboursé 5,00 €)');
    await expect(card(app, 5, 'Emma Petit').getByRole('button', { name: 'Marquer retiré — panier 5, Emma Petit' })).toBeVisible();

    // Closing: Emma has not come; her number is a link to call, then she is marked absent.
    await app.getByRole('tab', { name: 'Comptoir' }).focus();
    await app.keyboard.press('ArrowRight');
    await expect(app.getByRole('tab', { name: 'Clôture' })).toHaveAttribute('aria-selected', 'true');
    const closing = app.getByRole('table', { name: 'Commandes non retirées, par créneau puis par nom' });
    await expect(closing.getByRole('row')).toHaveCount(2);
    const emma = closing.getByRole('row', { name: /Emma Petit/ });
    await expect(emma.getByRole('link', { name: 'Appeler Emma Petit au 0470 55 55 55' })).toHaveAttribute('href', 'tel:0470555555');
    await expect(emma).toContainText('Attendu');
    expect(await seriousViolations(app)).toEqual([]);
    await emma.getByRole('button', { name: 'Marquer absent — panier 5, Emma Petit' }).click();
    await expect(app.getByRole('status')).toHaveText('Panier 5 — Emma Petit : marqué absent.');
    await expect(emma).toContainText(/Absent \(\d\d:\d\d\)/);
    await expect(app.getByText('Absents : 1')).toBeVisible();
    await expect(overall(app)).toHaveText('Retirés : 4 / 5');

    // The orders list says it too, in its État column.
    await app.evaluate((hash) => (window.location.hash = hash), `#/orders/${distributionId}`);
    const orders = app.getByRole('table', { name: /Commandes/ });
    await expect(orders.getByRole('row', { name: /Anne Dupont/ }).getByRole('cell').last()).toHaveText('Retiré');
    await expect(orders.getByRole('row', { name: /Emma Petit/ }).getByRole('cell').last()).toHaveText('Absent');
  });
});

import { seriousViolations } from './support/axe';
import { api } from './support/api';
import type { APIRequestContext, Page } from '@playwright/test';
import { addDays, format, getDay } from 'date-fns';
import { fr } from 'date-fns/locale';
import { test, expect } from './fixtures';
import { storedRecords } from './support/stored';
import type { HostProcess } from './support/host-process';

/** The host's API, as the organiser's other screens would have used it: the set-up, not what is tested. */
/** A producer with carrots (default stock 20) and leeks (default 8), and three weekly distributions from two weeks on. */
async function plan(request: APIRequestContext, host: HostProcess) {
  const call = api(request, host);
  const { producer } = await call<{ producer: { id: string } }>('producers.create', { name: 'Ferme du Bois' });
  await call('producers.create', { name: 'Verger Martin' });
  const product = { producerId: producer.id, category: 'légumes', vatRateBp: 600 };
  const carrots = await call<{ id: string }>('products.create', { ...product, name: 'Carottes', unit: 'kg', priceCents: 250, defaultStock: 20 });
  await call('products.create', { ...product, name: 'Poireaux', unit: 'botte', priceCents: 300, defaultStock: 8 });
  // Relative to today, so the three columns are always "the next distributions".
  const first = addDays(new Date(), 14);
  const distributions = await call<{ id: string; pickupDate: string }[]>('distributions.createSeries', {
    from: format(first, 'yyyy-MM-dd'),
    weekday: getDay(first),
    weeks: 3,
    pickupStart: '17:00',
    pickupEnd: '19:00',
  });
  // Column headings and cell names say the day as "ven. 4 déc.".
  const days = distributions.map((distribution) => format(new Date(`${distribution.pickupDate}T12:00`), 'EEE d MMM', { locale: fr }));
  return { producerId: producer.id, carrotsId: carrots.id, distributions, days, call };
}

const cell = (app: Page, product: string, day: string) => app.getByRole('textbox', { name: `${product} — ${day}`, exact: true });

async function openStock(app: Page) {
  await app.getByRole('navigation').getByRole('link', { name: 'Stocks' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Stocks' })).toBeVisible();
  await app.getByLabel('Producteur').selectOption({ label: 'Ferme du Bois' });
}

test.describe('a producer enters the stock of the coming weeks', () => {
  test('types two products × three weeks with the keyboard, copies last week, fills the default stock, saves and finds it all after a restart', async ({
    app,
    host,
    request,
    dataDir,
    restartHost,
  }) => {
    const { producerId, distributions, days } = await plan(request, host);
    const [d1, d2, d3] = days as [string, string, string];
    await openStock(app);
    await expect(app).toHaveURL(new RegExp(`#/stock/${producerId}$`));

    // Week 1, down the column: Enter moves down like a spreadsheet; * means unlimited.
    await cell(app, 'Carottes', d1).focus();
    await app.keyboard.type('12');
    await app.keyboard.press('Enter');
    await expect(cell(app, 'Poireaux', d1)).toBeFocused();
    await app.keyboard.type('*');
    // Enter at the foot of a column goes on to the top of the next one.
    await app.keyboard.press('Enter');
    await expect(cell(app, 'Carottes', d2)).toBeFocused();
    await expect(cell(app, 'Poireaux', d1)).toHaveValue('illimité');
    await expect(app.getByText('commandé : 0 · reste : 12')).toBeVisible();

    // Week 2: copy week 1, then change two cells with the arrows (typing replaces the cell).
    await app.getByRole('button', { name: `Copier la semaine précédente dans la colonne du ${d2}` }).press('Enter');
    await expect(app.getByRole('status')).toHaveText(`${d2} : 2 cases copiées de la semaine précédente.`);
    await expect(cell(app, 'Carottes', d2)).toHaveValue('12');
    await expect(cell(app, 'Poireaux', d2)).toHaveValue('illimité');
    await cell(app, 'Carottes', d1).focus();
    await app.keyboard.press('ArrowRight');
    await expect(cell(app, 'Carottes', d2)).toBeFocused();
    await app.keyboard.type('10');
    await app.keyboard.press('ArrowDown');
    await expect(cell(app, 'Poireaux', d2)).toBeFocused();
    await app.keyboard.type('6');
    await app.keyboard.press('ArrowUp');
    await expect(cell(app, 'Carottes', d2)).toBeFocused();
    await app.keyboard.press('ArrowLeft');
    await expect(cell(app, 'Carottes', d1)).toBeFocused();

    // Week 3: the catalogue's default stock, then Tab in reading order and one correction.
    await app.getByRole('button', { name: `Remplir avec le stock par défaut la colonne du ${d3}` }).press('Enter');
    await expect(app.getByRole('status')).toHaveText('2 cases vides remplies avec le stock par défaut.');
    await expect(cell(app, 'Carottes', d3)).toHaveValue('20');
    await expect(cell(app, 'Poireaux', d3)).toHaveValue('8');
    await cell(app, 'Poireaux', d2).focus();
    await app.keyboard.press('Tab');
    await expect(cell(app, 'Poireaux', d3)).toBeFocused();
    await app.keyboard.type('3');
    await expect(app.getByText('6 cases modifiées')).toBeVisible();
    await expect(cell(app, 'Poireaux', d3)).toHaveAccessibleDescription(/modifié/);

    // Tab from the last cell reaches Enregistrer.
    await app.keyboard.press('Tab');
    await expect(app.getByRole('button', { name: 'Enregistrer' })).toBeFocused();
    await app.keyboard.press('Enter');
    await expect(app.getByRole('status')).toHaveText('Stocks enregistrés : 6 cases');
    await expect(app.getByText('6 cases modifiées')).toHaveCount(0);

    const expected: [string, string, string][] = [
      ['Carottes', d1, '12'],
      ['Poireaux', d1, 'illimité'],
      ['Carottes', d2, '10'],
      ['Poireaux', d2, '6'],
      ['Carottes', d3, '20'],
      ['Poireaux', d3, '3'],
    ];
    const offersOnDisk = async (id: string) => (await storedRecords(dataDir, 'offer')).filter((offer) => offer.distributionId === id);
    expect((await offersOnDisk(distributions[0]!.id)).map((offer) => offer.quantity).sort()).toEqual([12, null]);

    // The address keeps the producer: a reload lands on the same grid.
    await app.reload();
    for (const [product, day, value] of expected) await expect(cell(app, product, day)).toHaveValue(value);

    await restartHost();
    await openStock(app);
    for (const [product, day, value] of expected) await expect(cell(app, product, day)).toHaveValue(value);
    expect(await seriousViolations(app)).toEqual([]);
  });

  test('a typo is pointed at and nothing is saved; leaving with unsaved stock asks first', async ({ app, host, request, dataDir }) => {
    const { distributions, days } = await plan(request, host);
    const [d1] = days as [string];
    await openStock(app);

    await cell(app, 'Carottes', d1).focus();
    await app.keyboard.type('2,5');
    await app.keyboard.press('Enter');
    await app.keyboard.type('4');
    await app.getByRole('button', { name: 'Enregistrer' }).press('Enter');
    const alert = app.getByRole('alert');
    await expect(alert).toContainText('Certaines cases ne sont pas valides : corrigez-les, rien n’a été enregistré.');
    await expect(alert).toContainText(`Carottes — ${d1} : Entrez un nombre entier d’unités de vente.`);
    await expect(cell(app, 'Carottes', d1)).toHaveAttribute('aria-invalid', 'true');
    await expect(cell(app, 'Poireaux', d1)).toHaveValue('4');
    const offers = async () => (await storedRecords(dataDir, 'offer')).filter((offer) => offer.distributionId === distributions[0]!.id);
    expect(await offers()).toEqual([]);
    expect(await seriousViolations(app)).toEqual([]);

    // The menu is held back while stock is unsaved.
    await app.getByRole('navigation').getByRole('link', { name: 'Producteurs' }).click();
    const leave = app.getByRole('dialog', { name: 'Quitter sans enregistrer ?' });
    await expect(leave).toBeVisible();
    await leave.getByRole('button', { name: 'Annuler' }).press('Enter');
    await expect(app.getByRole('heading', { level: 1, name: 'Stocks' })).toBeVisible();
    await expect(cell(app, 'Carottes', d1)).toHaveValue('2,5');

    // Escape puts the cell back as saved (empty); then the save goes through.
    await cell(app, 'Carottes', d1).press('Escape');
    await expect(cell(app, 'Carottes', d1)).toHaveValue('');
    await app.getByRole('button', { name: 'Enregistrer' }).press('Enter');
    await expect(app.getByRole('status')).toHaveText('Stocks enregistrés : 1 case');
    expect((await offers()).map((offer) => offer.quantity)).toEqual([4]);

    await app.getByRole('navigation').getByRole('link', { name: 'Producteurs' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Producteurs' })).toBeVisible();
  });

  test('lowering the stock below what members already ordered is refused with the quantity ordered, and nothing typed is lost', async ({
    app,
    host,
    request,
  }) => {
    const { producerId, carrotsId, distributions, days, call } = await plan(request, host);
    const [d1, d2] = days as [string, string];
    const distributionId = distributions[0]!.id;
    // Five kilos of carrots on sale, and Anne has taken three (a late order, the week is not open yet).
    await call('offers.saveMany', { entries: [{ distributionId, productId: carrotsId, quantity: 5 }] });
    const member = await call<{ id: string }>('members.create', { name: 'Anne Dupont' });
    const order = await call<{ id: string }>('orders.open', { distributionId, memberId: member.id, late: true });
    await call('orders.addLine', { orderId: order.id, productId: carrotsId, quantity: 3 });
    await openStock(app);
    await expect(cell(app, 'Carottes', d1)).toHaveAccessibleDescription('commandé : 3 · reste : 2');

    await cell(app, 'Carottes', d1).focus();
    await app.keyboard.type('2');
    await app.keyboard.press('ArrowRight');
    await app.keyboard.type('9');
    await app.getByRole('button', { name: 'Enregistrer' }).press('Enter');
    await expect(app.getByRole('alert')).toHaveText(
      '3 déjà commandés pour « Carottes » : le stock ne peut pas descendre sous 3 (demandé : 2).',
    );
    await expect(cell(app, 'Carottes', d1)).toHaveAttribute('aria-invalid', 'true');
    await expect(cell(app, 'Carottes', d1)).toHaveValue('2');
    await expect(cell(app, 'Carottes', d2)).toHaveValue('9');

    // All or nothing: the week after was not saved either.
    const grid = await call<{ cells: { quantity: number | null }[] }>('offers.stockGrid', { producerId });
    expect(grid.cells.map((saved) => saved.quantity)).toEqual([5]);

    await cell(app, 'Carottes', d1).focus();
    await app.keyboard.type('3');
    await expect(cell(app, 'Carottes', d1)).not.toHaveAttribute('aria-invalid');
    await app.getByRole('button', { name: 'Enregistrer' }).press('Enter');
    await expect(app.getByRole('status')).toHaveText('Stocks enregistrés : 2 cases');
    await expect(cell(app, 'Carottes', d1)).toHaveAccessibleDescription('commandé : 3 · reste : 0');
  });
});

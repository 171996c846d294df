/**
 * The sheets of distribution day on paper: the pickup list (and the bag
 * slips), the producers' delivery sheets and the summary, printed to PDF and
 * read back page by page with pdftotext.
 */
import type { Page } from '@playwright/test';
import { format } from 'date-fns';
import { fr } from 'date-fns/locale';
import { compareText } from '../shared/text/normalise';
import { test, expect } from './fixtures';
import { seriousViolations } from './support/axe';
import { api, openDistributionDraft } from './support/api';
import { lines, printToPdf, type PrintedPdf } from './support/pdf';

const RELAY = 'Relais de la Gare';
const ZOE = '<b>Zoé & "Léa"</b>';

type Call = ReturnType<typeof api>;
type Ids = { id: string };
interface Member {
  name: string;
  phone?: string;
  preferredPickupTime?: string | null;
}

/** Two producers, four products, and a distribution open for orders with all four on sale (unlimited). */
async function relayWithTwoProducers(call: Call) {
  await call('relay.update', { name: RELAY });
  const bois = (await call<{ producer: Ids }>('producers.create', { name: 'Ferme du Bois' })).producer;
  const verger = (await call<{ producer: Ids }>('producers.create', { name: 'Verger Martin' })).producer;
  const product = (producer: Ids, name: string, unit: string, priceCents: number, packDescription = '') =>
    call<Ids>('products.create', { producerId: producer.id, name, category: 'légumes', unit, priceCents, vatRateBp: 600, packDescription });
  const products = {
    carottes: await product(bois, 'Carottes', 'kg', 250, 'sachet de 1 kg'),
    poireaux: await product(bois, 'Poireaux', 'botte', 300),
    pommes: await product(verger, 'Pommes', 'kg', 280),
    jus: await product(verger, 'Jus de pomme', 'bouteille', 450),
  };
  const distribution = await call<Ids & { pickupDate: string }>('distributions.create', openDistributionDraft());
  await call('offers.saveMany', {
    entries: Object.values(products).map((product) => ({ distributionId: distribution.id, productId: product.id, quantity: null })),
  });
  const longDay = format(new Date(`${distribution.pickupDate}T12:00`), 'EEEE d MMMM yyyy', { locale: fr });
  return { distributionId: distribution.id, longDay, products, producers: { bois, verger } };
}

/** A member's order, taken while ordering is open: one line per [product, quantity], and the organiser's note if any. */
async function order(call: Call, distributionId: string, member: Member, items: [Ids, number][], note = '') {
  const created = await call<Ids>('members.create', member);
  const opened = await call<Ids & { basketNumber: number }>('orders.open', { distributionId, memberId: created.id });
  for (const [product, quantity] of items) await call('orders.addLine', { orderId: opened.id, productId: product.id, quantity });
  if (note) await call('orders.setNote', { orderId: opened.id, note });
  return opened;
}

async function openSheet(app: Page, hash: string) {
  await app.evaluate((target) => (window.location.hash = target), hash);
  await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
}

/** The line indexes of the first lines matching each pattern, in the PDF's reading order; -1 when missing. */
function positions(rows: string[], patterns: (string | RegExp)[]): number[] {
  return patterns.map((pattern) => rows.findIndex((row) => (typeof pattern === 'string' ? row.startsWith(pattern) : pattern.test(row))));
}

function expectInOrder(found: number[]) {
  expect(found.every((index) => index >= 0), `all found: ${found.join(', ')}`).toBe(true);
  expect([...found].sort((a, b) => a - b)).toEqual(found);
}

test.describe('the sheets of distribution day', () => {
  test('the sign-in sheet has one line per member by slot then name; the list with items has their items and totals; each producer’s delivery sheet has what to bring and the bagging', async ({
    app,
    host,
    dataDir,
  }) => {
    const call = api(app.request, host);
    const { distributionId, longDay, products } = await relayWithTwoProducers(call);
    const { carottes, poireaux, pommes, jus } = products;
    // Four 30-minute slots; each order takes its member's preferred time.
    await call('slots.generate', { distributionId, minutes: 30, capacity: 10 });
    const zoePetit = await order(call, distributionId, { name: 'Zoé Petit', phone: '0470 11 22 33', preferredPickupTime: '17:00' }, [
      [carottes, 2],
      [pommes, 1],
    ]);
    const anne = await order(call, distributionId, { name: 'Anne Dupont', phone: '0470 44 55 66', preferredPickupTime: '18:00' }, [
      [poireaux, 1],
      [jus, 2],
    ]);
    const emile = await order(call, distributionId, { name: 'émile Roux', preferredPickupTime: '17:00' }, [[carottes, 1]]);
    const zoe = await order(call, distributionId, { name: ZOE, preferredPickupTime: '17:30' }, [
      [pommes, 3],
      [carottes, 1],
    ]);
    const leon = await order(call, distributionId, { name: 'Léon Annulé', preferredPickupTime: '17:00' }, [[pommes, 5]]);
    await call('orders.cancel', { orderId: leon.id });

    // From the print area, as the organiser goes: every document of the distribution is listed.
    await app.reload();
    await app.getByRole('navigation').getByRole('link', { name: 'Impressions' }).click();
    for (const name of ['Catalogue de la semaine', 'Récapitulatif', 'Bons de livraison', 'Liste d’émargement', 'Fiches panier', 'Liste avec articles']) {
      await expect(app.getByRole('link', { name: `${name} du ${longDay}` })).toBeVisible();
    }
    await app.getByRole('link', { name: `Liste d’émargement du ${longDay}` }).click();
    await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
    expect(await seriousViolations(app)).toEqual([]);

    // The sign-in sheet: one line per member (basket, name, phone, amount to pay), by slot then by name; no items.
    const signIn = await printToPdf(app, dataDir, 'sign-in');
    expect(signIn.pages).toBe(1);
    const signInText = signIn.all();
    expect(signInText).toContain(`${RELAY} — retrait le ${longDay}, 17:00–19:00 — Liste d’émargement`);
    expect(signInText).toMatch(/N°\s+Membre\s+Téléphone\s+À payer\s+Retiré\s+Signature/);
    expect(signInText).not.toContain('Léon');
    expect(signInText).not.toContain('Carottes');
    const signInRows = lines(signInText);
    expectInOrder(
      positions(signInRows, [
        'Créneau 17:00–17:30 · 2 commandes',
        new RegExp(`^${emile.basketNumber}\\s+émile Roux\\s+2,50 €$`),
        new RegExp(`^${zoePetit.basketNumber}\\s+Zoé Petit\\s+0470 11 22 33\\s+7,80 €$`),
        'Créneau 17:30–18:00 · 1 commande',
        new RegExp(`^${zoe.basketNumber}\\s+<b>Zoé & "Léa"</b>\\s+10,90 €$`),
        'Créneau 18:00–18:30 · 1 commande',
        new RegExp(`^${anne.basketNumber}\\s+Anne Dupont\\s+0470 44 55 66\\s+12,00 €$`),
      ]),
    );

    // The list with items, for relays that bag from a list: the same order, with what goes in each bag.
    await app.getByRole('radio', { name: 'Liste avec articles' }).check();
    await expect(app).toHaveURL(/\/items$/);
    await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
    const pickup = await printToPdf(app, dataDir, 'pickup');
    expect(pickup.pages).toBe(1);
    const text = pickup.all();
    expect(text).toContain(`${RELAY} — retrait le ${longDay}, 17:00–19:00 — Liste des paniers avec articles`);
    expect(text).toMatch(/N°\s+Membre\s+Articles\s+Total\s+Retiré\s+Signature/);
    expect(text).not.toContain('Léon');
    expect(text).not.toContain('Exporter en PDF');
    const rows = lines(text);
    // Slot by slot in the order of the day; in a slot by name, accents aside (émile before Zoé).
    expectInOrder(
      positions(rows, [
        'Créneau 17:00–17:30 · 2 commandes',
        /^\d+\s+émile Roux\s/,
        /^\d+\s+Zoé Petit\s/,
        'Créneau 17:30–18:00 · 1 commande',
        /^\d+\s+<b>Zoé/,
        'Créneau 18:00–18:30 · 1 commande',
        /^\d+\s+Anne Dupont\s/,
      ]),
    );
    // Each member: basket number, name, items by producer (quantity × product), total; phone on the next line.
    expect(rows).toContainEqual(expect.stringMatching(new RegExp(`^${emile.basketNumber}\\s+émile Roux\\s+Ferme du Bois : 1 × Carottes\\s+2,50 €$`)));
    expect(rows).toContainEqual(expect.stringMatching(new RegExp(`^${zoePetit.basketNumber}\\s+Zoé Petit\\s+Ferme du Bois : 2 × Carottes\\s+7,80 €$`)));
    expect(rows).toContainEqual(expect.stringMatching(/^0470 11 22 33\s+Verger Martin : 1 × Pommes$/));
    expect(rows).toContainEqual(expect.stringMatching(new RegExp(`^${anne.basketNumber}\\s+Anne Dupont\\s+Ferme du Bois : 1 × Poireaux\\s+12,00 €$`)));
    expect(rows).toContainEqual(expect.stringMatching(/^0470 44 55 66\s+Verger Martin : 2 × Jus de pomme$/));
    // Printed literally: the name's markup is text, not bold.
    expect(rows.find((row) => row.includes(ZOE))).toMatch(new RegExp(`^${zoe.basketNumber}\\s+<b>Zoé & "Léa"</b>\\s+Ferme du Bois : 1 × Carottes\\s+10,90 €$`));

    // The delivery sheets: one producer per page, what to bring, then the share-out by basket number.
    await app.getByRole('link', { name: 'Toutes les impressions' }).click();
    await app.getByRole('link', { name: `Bons de livraison du ${longDay}` }).click();
    await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
    const delivery = await printToPdf(app, dataDir, 'delivery');
    expect(delivery.pages).toBe(2);
    const bois = lines(delivery.text(1));
    const verger = lines(delivery.text(2));
    expect(bois.join('\n')).toContain(`${RELAY} — retrait le ${longDay}, 17:00–19:00 — bon de livraison Ferme du Bois`);
    expect(bois.join('\n')).not.toContain('Pommes');
    // Cancelled orders bring nothing: 2 + 1 + 1 carrots, not Léon's.
    expect(bois).toContainEqual(expect.stringMatching(/^Carottes\s+sachet de 1 kg\s+kg\s+4$/));
    expect(bois).toContainEqual(expect.stringMatching(/^Poireaux\s+botte\s+1$/));
    // The share-out, three baskets to a row in basket-number order, under each product's heading.
    expectInOrder(
      positions(bois, [
        /^Carottes · sachet de 1 kg — 4 au total\s+Relais de la Gare · /,
        new RegExp(`^${zoePetit.basketNumber}\\s+Zoé Petit\\s+2\\s+${emile.basketNumber}\\s+émile Roux\\s+1\\s+${zoe.basketNumber}\\s+<b>Zoé & "Léa"</b>\\s+1$`),
        /^Poireaux · botte — 1 au total\s+Relais de la Gare · /,
        new RegExp(`^${anne.basketNumber}\\s+Anne Dupont\\s+1$`),
      ]),
    );
    expect(verger.join('\n')).toContain(`${RELAY} — retrait le ${longDay}, 17:00–19:00 — bon de livraison Verger Martin`);
    expect(verger).toContainEqual(expect.stringMatching(/^Jus de pomme\s+bouteille\s+2$/));
    expect(verger).toContainEqual(expect.stringMatching(/^Pommes\s+kg\s+4$/));
    expectInOrder(
      positions(verger, [
        'Jus de pomme · bouteille — 2 au total',
        new RegExp(`^${anne.basketNumber}\\s+Anne Dupont\\s+2$`),
        'Pommes · kg — 4 au total',
        new RegExp(`^${zoePetit.basketNumber}\\s+Zoé Petit\\s+1\\s+${zoe.basketNumber}\\s+<b>Zoé & "Léa"</b>\\s+3$`),
      ]),
    );

    // The summary: orders, amount, per producer, and the slots' filling.
    await openSheet(app, `#/print/summary/${distributionId}`);
    const summary = lines((await printToPdf(app, dataDir, 'summary')).all());
    expect(summary).toContainEqual(expect.stringMatching(/^Commandes\s+Montant total$/));
    expect(summary).toContainEqual(expect.stringMatching(/^4\s+33,20 €$/));
    expect(summary).toContainEqual(expect.stringMatching(/^Ferme du Bois\s+4\s+5\s+13,00 €$/));
    expect(summary).toContainEqual(expect.stringMatching(/^Verger Martin\s+3\s+6\s+20,20 €$/));
    expect(summary).toContainEqual(expect.stringMatching(/^Total\s+4\s+11\s+33,20 €$/));
    expect(summary).toContainEqual(expect.stringMatching(/^17:00–17:30\s+2\s+10\s+20 ?%$/));
    expect(summary).toContainEqual(expect.stringMatching(/^18:30–19:00\s+0\s+10\s+0 ?%$/));
  });

  test('200 orders print with no member’s block cut by a page break, in the list with items and on the slips', async ({ app, host, dataDir }) => {
    test.setTimeout(90_000);
    const call = api(app.request, host);
    const { distributionId, products } = await relayWithTwoProducers(call);
    await call('slots.generate', { distributionId, minutes: 30, capacity: 60 });
    const first = ['Anne', 'Émile', 'bruno', 'Chloé', 'Denis', 'Élodie', 'Fanny', 'Gaël', 'Hugo', 'Inès'];
    const last = ['Dupont', 'Lefèvre', 'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Moreau',
      'Laurent', 'Simon', 'Michel', 'Garçon', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel'];
    const times = ['17:00', '17:30', '18:00', '18:30', null];
    const members = Array.from({ length: 200 }, (_, i) => ({
      name: `${first[i % 10]} ${last[Math.floor(i / 10)]}`,
      phone: `0470 ${String(i).padStart(3, '0')} 000`,
      preferredPickupTime: times[i % 5],
      // Both producers in every basket, so each block is at least two lines tall and a cut one would show;
      // some longer (a third product, a note), so the blocks do not all fall neatly on the page breaks.
      items: [
        [products.carottes, 1 + (i % 3)],
        ...(i % 4 === 0 ? [[products.poireaux, 1] as [Ids, number]] : []),
        ...(i % 7 === 0 ? [[products.jus, 1] as [Ids, number]] : []),
        [products.pommes, 1 + (i % 4)],
      ] as [Ids, number][],
      note: i % 3 === 0 ? `Sac isotherme, panier ${i}` : '',
    }));
    const baskets = new Map<string, number>();
    for (const { items, note, ...member } of members) {
      baskets.set(member.name, (await order(call, distributionId, member, items, note)).basketNumber);
    }

    // What order the sheet must follow: slot by slot, then by name (French collation).
    const slots = await call<{ id: string; start: string }[]>('slots.list', { distributionId });
    const views = await call<{ order: { slotId: string | null }; member: { name: string } }[]>('orders.list', { distributionId });
    const startOf = (slotId: string | null) => slots.find((slot) => slot.id === slotId)?.start ?? '99:99';
    const expected = [...views]
      .sort((a, b) => startOf(a.order.slotId).localeCompare(startOf(b.order.slotId)) || compareText(a.member.name, b.member.name))
      .map((view) => view.member.name);

    // The relay was renamed after the page opened.
    await app.reload();
    await openSheet(app, `#/print/pickup/${distributionId}/items`);
    const list = await printToPdf(app, dataDir, 'pickup-200');
    expect(list.pages).toBeGreaterThan(4);
    const pageOf = wholeOnOnePage(list, members, (page, member) => page.includes(member.phone));
    for (let page = 1; page <= list.pages; page += 1) {
      const text = list.text(page);
      expect(text, `page ${page}`).toContain(`${RELAY} — retrait le`);
      expect(text, `page ${page}`).toMatch(/N°\s+Membre\s+Articles\s+Total\s+Retiré\s+Signature/);
      // A row is two lines tall or more (name, phone, the second producer's items): every row begun on a page ends on it.
      const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
      const rows = count(/^ *\d+ +\S.* \d+,\d\d € *$/gm);
      expect(rows, `page ${page}`).toBeGreaterThan(1);
      expect([count(/^ +0470 \d{3} 000\b/gm), count(/Ferme du Bois : /g), count(/Verger Martin : /g)], `page ${page}`).toEqual([rows, rows, rows]);
    }
    const all = lines(list.all());
    expectInOrder(positions(all, expected.map((name) => new RegExp(`^\\d+\\s+${name}\\s`))));
    expect(new Set(pageOf.values()).size).toBe(list.pages);

    // The delivery sheets of 200 baskets: each page names the relay and the producer, and a product's share-out
    // that runs onto another page brings its heading along (its table head repeats).
    await openSheet(app, `#/print/delivery/${distributionId}`);
    const delivery = await printToPdf(app, dataDir, 'delivery-200');
    let producer = '';
    for (let page = 1; page <= delivery.pages; page += 1) {
      const rows = lines(delivery.text(page));
      producer = /^Bon de livraison — (.+)$/.exec(rows[0]!)?.[1] ?? producer;
      expect(rows.join('\n'), `page ${page}`).toContain(`${RELAY} · `);
      expect(rows.join('\n'), `page ${page}`).toContain(` · ${producer}`);
      if (page > 1 && !rows[0]!.startsWith('Bon de livraison')) expect(rows[0], `page ${page}`).toMatch(/ — \d+ au total\s+Relais de la Gare · /);
    }
    expect(producer).toBe('Verger Martin');
    // 200 baskets, three to a row: a couple of pages per product, not one page per 30 baskets.
    expect(delivery.pages).toBeLessThanOrEqual(10);

    await openSheet(app, `#/print/pickup/${distributionId}/items`);
    // One slip per member: a slip starts with its basket number and ends with the signature; none is cut.
    await app.getByRole('radio', { name: 'Une fiche par membre (sac)' }).check();
    await expect(app).toHaveURL(/\/slips$/);
    const slips = await printToPdf(app, dataDir, 'slips-200');
    expect(slips.pages).toBeGreaterThan(10);
    for (let page = 1; page <= slips.pages; page += 1) {
      const text = slips.text(page);
      const starts = text.match(/Panier n° \d+/g)?.length ?? 0;
      const ends = text.match(/Signature/g)?.length ?? 0;
      expect(starts, `page ${page}`).toBeGreaterThan(1);
      expect(ends, `page ${page}: ${starts} slips begun, ${ends} ended`).toBe(starts);
    }
    wholeOnOnePage(slips, members, (page, member) => new RegExp(`Panier n° ${baskets.get(member.name)}\\b`).test(page) && page.includes(member.phone));
  });

  test('150 members sign in on at most six pages, one line each; the slips and delivery sheets never split an item', async ({ app, host, dataDir }) => {
    test.setTimeout(120_000);
    const call = api(app.request, host);
    const { distributionId, products, producers } = await relayWithTwoProducers(call);
    // Long product names, so the items of a bag run over several lines on the slips.
    const more = async (name: string, priceCents: number) => {
      const product = await call<Ids>('products.create', { producerId: producers.bois.id, name, category: 'légumes', unit: 'kg', priceCents, vatRateBp: 600, packDescription: '' });
      await call('offers.saveMany', { entries: [{ distributionId, productId: product.id, quantity: null }] });
      return product;
    };
    const tomates = await more('Tomates anciennes', 520);
    const comte = await more('Comté affiné 18 mois', 1890);
    const patates = await more('Pommes de terre nouvelles', 230);
    await call('slots.generate', { distributionId, minutes: 30, capacity: 60 });
    const first = ['Anne', 'Émile', 'bruno', 'Chloé', 'Denis', 'Élodie', 'Fanny', 'Gaël', 'Hugo', 'Inès'];
    const last = ['Dupont', 'Lefèvre', 'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Garçon', 'David'];
    // Names longer than the column at the usual size: printed smaller, whole, on one line.
    const long = ['Marie-Christine Delacroix-Vandenberghe', 'Jean-Baptiste Lefèvre-Fournier du Moulin', 'Anne-Sophie de La Tour d’Auvergne-Lauraguais'];
    const times = ['17:00', '17:30', '18:00', '18:30', null];
    const prices = new Map<string, number>([
      [products.carottes.id, 250],
      [products.poireaux.id, 300],
      [products.pommes.id, 280],
      [products.jus.id, 450],
      [tomates.id, 520],
      [comte.id, 1890],
      [patates.id, 230],
    ]);
    const members = Array.from({ length: 150 }, (_, i) => {
      const items: [Ids, number][] = [
        [tomates, 1 + (i % 5)],
        ...(i % 2 === 0 ? [[comte, 1 + (i % 3)] as [Ids, number]] : []),
        ...(i % 3 === 0 ? [[patates, 2 + (i % 4)] as [Ids, number]] : []),
        [products.carottes, 1 + (i % 7)],
        ...(i % 4 === 1 ? [[products.poireaux, 1] as [Ids, number]] : []),
        [products.pommes, 1 + (i % 2)],
      ];
      return {
        name: i % 50 === 7 ? long[Math.floor(i / 50)]! : `${first[i % 10]} ${last[Math.floor(i / 10)]}`,
        phone: `0470 ${String(i).padStart(3, '0')} 000`,
        preferredPickupTime: times[i % 5],
        items,
        totalCents: items.reduce((sum, [product, quantity]) => sum + prices.get(product.id)! * quantity, 0),
      };
    });
    const baskets = new Map<string, number>();
    // Ten at a time: the host takes them one by one anyway, the test just waits less.
    for (let start = 0; start < members.length; start += 10) {
      await Promise.all(
        members.slice(start, start + 10).map(async ({ items, totalCents: _total, ...member }) => {
          baskets.set(member.name, (await order(call, distributionId, member, items)).basketNumber);
        }),
      );
    }
    const money = (cents: number) => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100).replace(/[\u00a0\u202f]/g, ' ');
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

    await app.reload();
    await app.getByRole('navigation').getByRole('link', { name: 'Impressions' }).click();
    await app.getByRole('link', { name: /^Liste d’émargement du / }).click();
    await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
    await expect(app.getByRole('radio', { name: 'Émargement : une ligne par membre' })).toBeChecked();
    const sheet = await printToPdf(app, dataDir, 'sign-in-150');
    expect(sheet.pages).toBeLessThanOrEqual(6);
    const all = lines(sheet.all());
    for (const member of members) {
      // One line: basket number, the whole name, phone, amount to pay; the name on no other line.
      const line = new RegExp(`^${baskets.get(member.name)}\\s+${escape(member.name)}\\s+${member.phone}\\s+${escape(money(member.totalCents))}$`);
      expect(all.filter((row) => line.test(row)), member.name).toHaveLength(1);
      expect(all.filter((row) => row.includes(member.name)), member.name).toHaveLength(1);
    }
    // Nothing of the bags: the items are on the slips and the producers' sheets.
    expect(sheet.all()).not.toContain('Tomates');
    for (let page = 1; page <= sheet.pages; page += 1) {
      const rows = lines(sheet.text(page));
      expect(rows.join('\n'), `page ${page}`).toContain(`${RELAY} — retrait le`);
      expect(rows.join('\n'), `page ${page}`).toMatch(/N°\s+Membre\s+Téléphone\s+À payer\s+Retiré\s+Signature/);
      expect(rows.at(-1), `page ${page}`).toMatch(new RegExp(`^${page}\\s*/\\s*${sheet.pages}$`));
      // A slot's heading is never the last thing on a page: its first member is under it.
      expect(rows.at(-2), `page ${page}`).not.toMatch(/^Créneau /);
    }
    // By slot then by name (French collation), as the counter looks members up.
    const slots = await call<{ id: string; start: string }[]>('slots.list', { distributionId });
    const views = await call<{ order: { slotId: string | null }; member: { name: string } }[]>('orders.list', { distributionId });
    const startOf = (slotId: string | null) => slots.find((slot) => slot.id === slotId)?.start ?? '99:99';
    const expected = [...views]
      .sort((a, b) => startOf(a.order.slotId).localeCompare(startOf(b.order.slotId)) || compareText(a.member.name, b.member.name))
      .map((view) => new RegExp(`^\\d+\\s+${escape(view.member.name)}\\s`));
    expectInOrder(positions(all, expected));
    // Slot by slot, in the order of the day, each member once.
    const headings = all.filter((row) => row.startsWith('Créneau '));
    expect(headings.map((row) => row.slice(0, 'Créneau 17:00–17:30'.length))).toEqual(['17:00–17:30', '17:30–18:00', '18:00–18:30', '18:30–19:00'].map((slot) => `Créneau ${slot}`));
    expect(headings.reduce((sum, row) => sum + Number(/· (\d+) commande/.exec(row)![1]), 0)).toBe(members.length);
    expectBundledFont(sheet);

    // The bag slips and the delivery sheets: a line breaks between items, never inside one.
    const splitItems = (pdf: PrintedPdf) =>
      lines(pdf.all())
        .flatMap((row) => row.split(/\s{2,}/))
        // A line (a cell of it: two slips side by side) never starts with "×" or ":", nor ends with "×" or a quantity left after "," or " :".
        .filter((cell) => /^[×:]/.test(cell) || /×$/.test(cell) || /(,| :) \d+$/.test(cell));
    await app.getByRole('radio', { name: 'Une fiche par membre (sac)' }).check();
    await expect(app).toHaveURL(/\/slips$/);
    await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
    const slips = await printToPdf(app, dataDir, 'slips-150');
    expect(slips.all()).toContain('Comté affiné 18 mois');
    expect(splitItems(slips)).toEqual([]);
    expectBundledFont(slips);
    await openSheet(app, `#/print/delivery/${distributionId}`);
    const delivery = await printToPdf(app, dataDir, 'delivery-150');
    expect(delivery.all()).toContain('Tomates anciennes');
    expect(splitItems(delivery)).toEqual([]);
    expectBundledFont(delivery);
  });
});

/** Every font in the PDF is the app's own Inter, embedded: the sheet prints the same on every machine. */
function expectBundledFont(pdf: PrintedPdf) {
  const fonts = pdf.fonts();
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) expect(font, 'the bundled font, embedded').toMatchObject({ name: expect.stringMatching(/^Inter-/), embedded: true });
}

/**
 * Each member's name is on exactly one page, and on that page `whole` holds
 * (the rest of the member's block is there too). Returns each member's page.
 */
function wholeOnOnePage<M extends { name: string }>(pdf: PrintedPdf, members: M[], whole: (page: string, member: M) => boolean): Map<string, number> {
  const pageOf = new Map<string, number>();
  for (let page = 1; page <= pdf.pages; page += 1) {
    const text = pdf.text(page);
    for (const member of members) {
      if (!new RegExp(`(^|\\s)${member.name}(\\s|$)`, 'm').test(text)) continue;
      expect(pageOf.get(member.name), `${member.name} on two pages`).toBeUndefined();
      pageOf.set(member.name, page);
      expect(whole(text, member), `${member.name}’s block whole on page ${page}`).toBe(true);
    }
  }
  expect(pageOf.size).toBe(members.length);
  return pageOf;
}

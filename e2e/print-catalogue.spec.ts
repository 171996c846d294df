import { seriousViolations } from './support/axe';
import { api } from './support/api';
import { lines, printToPdf } from './support/pdf';
import type { APIRequestContext, Page } from '@playwright/test';
import { addDays, format, getDay } from 'date-fns';
import { fr } from 'date-fns/locale';
import { test, expect } from './fixtures';
import type { HostProcess } from './support/host-process';

const RELAY = 'Relais de la Gare';
const ZOE = '<b>Zoé & "Léa"</b>';

interface Offered {
  producer: string;
  name: string;
  category: string;
  unit: string;
  priceCents: number;
  packDescription?: string;
  /** null = unlimited. */
  quantity: number | null;
}

/** The relay, one distribution two weeks ahead, and what each producer offers in it (all set up through the API). */
async function distributionWith(request: APIRequestContext, host: HostProcess, offered: Offered[]) {
  const call = api(request, host);
  await call('relay.update', { name: RELAY });
  // One spreadsheet import for the whole catalogue: one write, however long the list.
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const csv = [
    'producteur;produit;categorie;unite;conditionnement;prix;tva',
    ...offered.map((item) =>
      [item.producer, item.name, item.category, item.unit, item.packDescription ?? '', (item.priceCents / 100).toFixed(2).replace('.', ','), '6']
        .map(quote)
        .join(';'),
    ),
  ].join('\r\n');
  await call('catalogue.import', { contentBase64: Buffer.from(csv, 'utf8').toString('base64') });
  const products = await call<{ id: string; name: string }[]>('products.list', {});
  const day = addDays(new Date(), 14);
  const [distribution] = await call<{ id: string; pickupDate: string }[]>('distributions.createSeries', {
    from: format(day, 'yyyy-MM-dd'),
    weekday: getDay(day),
    weeks: 1,
    pickupStart: '17:00',
    pickupEnd: '19:00',
  });
  const entries = offered.map((item) => ({
    distributionId: distribution!.id,
    productId: products.find((product) => product.name === item.name)!.id,
    quantity: item.quantity,
  }));
  await call('offers.saveMany', { entries });
  return { id: distribution!.id, longDay: format(new Date(`${distribution!.pickupDate}T12:00`), 'EEEE d MMMM yyyy', { locale: fr }) };
}

async function openCatalogue(app: Page, longDay: string) {
  // The app was opened before the set-up renamed the relay.
  await app.reload();
  await app.getByRole('navigation').getByRole('link', { name: 'Impressions' }).click();
  await app.getByRole('link', { name: `Catalogue de la semaine du ${longDay}` }).click();
  await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
}

test.describe('the weekly catalogue printed as an order form', () => {
  test('has the relay and pickup day, products by producer with their prices, and prints every text literally', async ({ app, host, request, dataDir }) => {
    const { longDay } = await distributionWith(request, host, [
      { producer: 'Verger Martin', name: ZOE, category: 'fruits', unit: 'kg', priceCents: 420, quantity: 5 },
      { producer: 'Verger Martin', name: 'Pommes Jonagold', category: 'fruits', unit: 'kg', priceCents: 280, quantity: 0 },
      { producer: 'Ferme du Bois', name: 'Poireaux', category: 'légumes', unit: 'botte', priceCents: 300, quantity: null },
      { producer: 'Ferme du Bois', name: 'Carottes', category: 'légumes', unit: 'kg', priceCents: 250, packDescription: 'sachet de 1 kg', quantity: 12 },
    ]);
    await openCatalogue(app, longDay);
    expect(await seriousViolations(app)).toEqual([]);
    await app.getByRole('link', { name: 'Toutes les impressions' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Impressions' })).toBeVisible();
    expect(await seriousViolations(app)).toEqual([]);
    await app.getByRole('link', { name: `Catalogue de la semaine du ${longDay}` }).click();
    await expect(app.locator('[data-print-state="ready"]')).toBeVisible();

    const pdf = await printToPdf(app, dataDir, 'catalogue');
    const text = pdf.all();
    expect(pdf.pages).toBe(1);
    expect(text).toContain(RELAY);
    expect(text).toContain(`Retrait le ${longDay}, de 17:00 à 19:00`);
    expect(text).toContain(`${RELAY} — retrait le ${longDay}, 17:00–19:00`);
    expect(text).toMatch(/Produit\s+Conditionnement\s+Unité\s+Prix\s+Stock restant\s+Qté/);
    expect(text).toContain(ZOE);
    // The app's own chrome is not printed.
    expect(text).not.toContain('Exporter en PDF');
    expect(text).not.toContain('Synchronisation');

    // By producer, producers and products in alphabetical order, each row with unit, price and what is left.
    const rows = lines(text);
    const order = ['Ferme du Bois', 'Carottes', 'Poireaux', 'Verger Martin', ZOE, 'Pommes Jonagold'].map((start) =>
      rows.findIndex((line) => line.startsWith(start)),
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(rows).toContainEqual(expect.stringMatching(/^Carottes\s+sachet de 1 kg\s+kg\s+2,50 €\s+12$/));
    expect(rows).toContainEqual(expect.stringMatching(/^Poireaux\s+botte\s+3,00 €\s+illimité$/));
    expect(rows).toContainEqual(expect.stringMatching(/^<b>Zoé & "Léa"<\/b>\s+kg\s+4,20 €\s+5$/));
    expect(rows).toContainEqual(expect.stringMatching(/^Pommes Jonagold\s+kg\s+2,80 €\s+épuisé$/));

    // By category, in the relay's order of categories (légumes before fruits), with the producer on each row.
    await app.getByRole('radio', { name: 'Catégorie' }).check();
    await expect(app).toHaveURL(/\/category$/);
    const byCategory = lines((await printToPdf(app, dataDir, 'by-category')).all());
    const headings = ['Légumes', 'Carottes', 'Fruits', 'Pommes Jonagold'].map((start) => byCategory.findIndex((line) => line.startsWith(start)));
    expect(headings.every((index) => index >= 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    // The producer column is narrow: "Ferme du Bois" may wrap onto a second line.
    expect(byCategory).toContainEqual(expect.stringMatching(/^Carottes\s+Ferme du( Bois)?\s+sachet de 1 kg\s+kg\s+2,50 €\s+12$/));
  });

  test('a catalogue of several pages repeats its header on every page and never splits a row or strands a heading', async ({
    app,
    host,
    request,
    dataDir,
  }) => {
    const producers = ['Ferme du Bois', 'Fromagerie des Prés', 'Verger Martin'];
    const offered: Offered[] = producers.flatMap((producer, p) =>
      Array.from({ length: 18 }, (_, index) => {
        const code = `${'ABC'[p]}${String(index + 1).padStart(2, '0')}`;
        // A pack description long enough to wrap, so each row is two lines tall: a split row would show.
        return {
          producer,
          name: `Produit ${code}`,
          category: 'épicerie',
          unit: 'pot',
          priceCents: 150 + index * 10,
          packDescription: `pot en verre consigné, fermé, fait à la ferme, lot ${code}`,
          quantity: index % 4 === 0 ? null : index,
        };
      }),
    );
    const { longDay } = await distributionWith(request, host, offered);
    await openCatalogue(app, longDay);
    const pdf = await printToPdf(app, dataDir, 'long-catalogue');
    expect(pdf.pages).toBeGreaterThanOrEqual(3);
    // Printed in the app's own font, embedded, whatever fonts this machine has: the pages break the same everywhere.
    expect(pdf.fonts().length).toBeGreaterThan(0);
    for (const font of pdf.fonts()) expect(font, 'a font from the system').toEqual({ name: expect.stringMatching(/^Inter/), embedded: true });

    const pageOf = new Map<string, number>();
    for (let page = 1; page <= pdf.pages; page += 1) {
      const text = pdf.text(page);
      const rows = lines(text);
      // The table head, with the relay and the day, at the top of every page.
      expect(text, `page ${page}`).toContain(`${RELAY} — retrait le ${longDay}, 17:00–19:00`);
      expect(text, `page ${page}`).toMatch(/Produit\s+Conditionnement\s+Unité\s+Prix\s+Stock restant\s+Qté/);
      // Every page is numbered at its foot, in the sheet's own words ("2 / 3").
      expect(rows.at(-1), `page ${page}`).toMatch(new RegExp(`^${page}\\s*/\\s*${pdf.pages}$`));
      // A producer's name never ends a page without its first rows.
      expect(producers, `page ${page} ends on a heading`).not.toContain(rows.at(-2));
      for (const item of offered) {
        const code = item.name.slice('Produit '.length);
        if (!text.includes(`${item.name} `)) continue;
        expect(pageOf.has(item.name), `${item.name} printed twice`).toBe(false);
        pageOf.set(item.name, page);
        // Both lines of the row are on this page: the name, and the end of the pack description.
        expect(text.split(code).length - 1, `${item.name} split across pages`).toBe(2);
      }
    }
    expect([...pageOf.keys()].sort()).toEqual(offered.map((item) => item.name).sort());
    // Every producer's heading is printed, on a page where its first row follows it.
    const all = lines(pdf.all());
    for (const producer of producers) {
      const heading = all.indexOf(producer);
      expect(heading, producer).toBeGreaterThanOrEqual(0);
      expect(all[heading + 1], producer).toMatch(/^Produit [ABC]01\s/);
    }
  });
});

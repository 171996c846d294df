/**
 * The imports against files made by a real LibreOffice 7.4
 * (scripts/make-import-fixtures.sh): the same source sheet saved as .xlsx,
 * .ods, CSV with French settings (";", Windows-1252, decimal comma) and CSV
 * with English settings (",", UTF-8, decimal point). Every format must give
 * exactly the same records, to the cent and to the character.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportPlan } from '../../shared/catalogue/import-plan';
import type { MemberImportPlan } from '../../shared/members/import-plan';
import type { ProducerImportPlan } from '../../shared/producers/import-plan';
import { useTempDirs } from '../testing/temp-dir';
import { call, openApp, reopened, type TestApp } from '../testing/service-calls';

const tempDir = useTempDirs();
const FIXTURES = join(import.meta.dirname, '../../e2e/import-files');
const FORMATS = ['.xlsx', '.ods', '-fr.csv', '-en.csv'] as const;

async function fixture(name: string, format: (typeof FORMATS)[number]): Promise<string> {
  return (await readFile(join(FIXTURES, `${name}${format}`))).toString('base64');
}

const issuesOf = (rows: readonly { line: number; issues: readonly { key: string }[] }[]) =>
  rows.filter((row) => row.issues.length > 0).map((row) => [row.line, row.issues.map((issue) => issue.key)]);
const warningsOf = (rows: readonly { warnings: readonly { params?: Record<string, string | number> }[] }[]) =>
  rows.flatMap((row) => row.warnings.map((warning) => warning.params));

describe.each(FORMATS)('importing what LibreOffice saved as %s', (format) => {
  it('producers: contacts, phones with their leading zero, distances, notes with line breaks; the duplicate refused; again changes nothing', async () => {
    const app: TestApp = await openApp(await tempDir());
    const contentBase64 = await fixture('producers', format);

    const plan = await call<ProducerImportPlan>(app, 'producers.previewImport', { contentBase64 });
    expect(plan.unknownHeaders).toEqual([]);
    expect(plan.rows.map((row) => [row.line, row.name, row.action])).toEqual([
      [2, 'Ferme de l’Églantier', 'create'],
      [3, 'Le Verger d’Anaïs', 'create'],
      [4, 'Brasserie du Coin', 'create'],
      [5, 'FERME DE L’EGLANTIER', null],
    ]);
    expect(issuesOf(plan.rows)).toEqual([[5, ['producers.import.duplicateRow']]]);
    expect(warningsOf(plan.rows)).toEqual([{ line: 4, header: 'Distance (km)', raw: '8 km', value: '8 km' }]);

    expect(await call(app, 'producers.import', { contentBase64 })).toEqual({ producersCreated: 3, producersUpdated: 0, producersUnchanged: 0, rowsWithIssues: 1 });
    const stored = (await reopened(app.dataDir)).all('producer');
    const byName = (name: string) => stored.find((producer) => producer.name === name);
    expect(stored).toHaveLength(3);
    expect(byName('Ferme de l’Églantier')).toMatchObject({
      contactName: 'Marie Dubois',
      email: 'marie@eglantier.be',
      phone: '0478 12 34 56',
      address: 'Rue du Moulin 3, 5000 Namur',
      distanceKm: 12.5,
      notes: 'Livre le jeudi.\nAppeler avant — « pas après 18 h »\nCaisse consignée 5 €',
    });
    expect(byName('Le Verger d’Anaïs')).toMatchObject({
      contactName: 'Anaïs Œuvray', email: 'anais@verger.be', phone: '081 22 33 44', address: 'Chemin des Pommiers 8, 5030 Gembloux', distanceKm: 23, notes: 'Bio depuis 2019',
    });
    expect(byName('Brasserie du Coin')).toMatchObject({ contactName: 'Jean Mertens', email: '', phone: '0032 478 00 11 22', address: '', distanceKm: 8, notes: '' });

    app.written.length = 0;
    expect(await call(app, 'producers.import', { contentBase64 })).toEqual({ producersCreated: 0, producersUpdated: 0, producersUnchanged: 3, rowsWithIssues: 1 });
    expect(app.written).toEqual([]);
  });

  it('catalogue: prices to the cent (4,35 € is 435), the price typed as text a warning, VAT from percentages, the duplicate refused', async () => {
    const app: TestApp = await openApp(await tempDir());
    const contentBase64 = await fixture('catalogue', format);

    const plan = await call<ImportPlan>(app, 'catalogue.previewImport', { contentBase64 });
    expect(plan.unknownHeaders).toEqual([]);
    expect(plan.fileIssues).toEqual([]);
    expect(issuesOf(plan.rows)).toEqual([[8, ['import.duplicateRow']]]);
    expect(warningsOf(plan.rows)).toEqual([{ line: 4, header: 'Prix TTC (€)', raw: '2,5 €', value: '2,50 €' }]);

    expect(await call(app, 'catalogue.import', { contentBase64 })).toEqual({
      producersCreated: 4, producersUpdated: 0, productsCreated: 6, productsUpdated: 0, rowsWithIssues: 1,
    });
    const store = await reopened(app.dataDir);
    const producerOf = new Map(store.all('producer').map((producer) => [producer.id, producer.name]));
    const products = store
      .all('product')
      .map((product) => [producerOf.get(product.producerId), product.name, product.category, product.unit, product.packDescription, product.priceCents, product.vatRateBp, product.defaultStock])
      .sort((a, b) => String(a[1]).localeCompare(String(b[1])));
    expect(products).toEqual([
      ['Brasserie du Coin', 'Bière blonde', 'boissons', 'bouteille', '33 cl', 295, 2100, 48],
      ['Fromagerie Sainte-Cécile', 'Brie « fermier » — affiné', 'produits laitiers', 'piece', '250 g', 1299, 600, 10],
      ['Ferme de l’Églantier', 'Carottes', 'légumes', 'kg', 'botte d’1 kg', 210, 600, 40],
      ['Le Verger d’Anaïs', 'Jus de pomme', 'boissons', 'litre', 'consigne 0,20 € comprise', 250, 600, 24],
      ['Ferme de l’Églantier', 'Œufs bio x6', 'produits laitiers', 'piece', 'boîte de 6 — « plein air »', 435, 600, 20],
      ['Le Verger d’Anaïs', 'Pommes Jonagold', 'fruits', 'kg', 'caisse', 320, 600, null],
    ]);

    app.written.length = 0;
    expect(await call(app, 'catalogue.import', { contentBase64 })).toEqual({
      producersCreated: 0, producersUpdated: 0, productsCreated: 0, productsUpdated: 0, rowsWithIssues: 1,
    });
    expect(app.written).toEqual([]);
  });

  it('members: first and last names joined, the 17:45 time cell, phones as typed, a multi-line note; the duplicate refused', async () => {
    const app: TestApp = await openApp(await tempDir());
    const contentBase64 = await fixture('members', format);

    const plan = await call<MemberImportPlan>(app, 'members.previewImport', { contentBase64 });
    expect(plan.unknownHeaders).toEqual([]);
    expect(issuesOf(plan.rows)).toEqual([[5, ['members.import.duplicateRow']]]);
    expect(warningsOf(plan.rows)).toEqual([]);

    expect(await call(app, 'members.import', { contentBase64 })).toEqual({ membersCreated: 3, membersUpdated: 0, membersUnchanged: 0, rowsWithIssues: 1 });
    const members = (await reopened(app.dataDir)).all('member').map(({ name, email, phone, preferredPickupTime, notes }) => ({ name, email, phone, preferredPickupTime, notes }));
    expect(members.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'Anne-Sophie Œhlers', email: '', phone: '081/22.33.44', preferredPickupTime: '18:15', notes: 'Panier à 10 €' },
      { name: 'François D’Hondt', email: 'francois.dhondt@example.be', phone: '0471 12 34 56', preferredPickupTime: '17:45', notes: 'Allergique aux noix.\nPasse après le travail — « toujours » à l’heure' },
      { name: 'Zoé Lefèvre', email: 'zoe@example.be', phone: '0032 475 98 76 54', preferredPickupTime: '18:00', notes: '' },
    ]);
  });
});

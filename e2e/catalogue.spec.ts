import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { allFolded, storedRecords } from './support/stored';

interface StoredProduct {
  name: string;
  priceCents: number;
  packDescription: string;
  producerId: string;
}

async function storedProducts(dataDir: string): Promise<StoredProduct[]> {
  return (await storedRecords(dataDir, 'product')) as StoredProduct[];
}

async function openCatalogue(app: Page) {
  await app.getByRole('link', { name: 'Catalogue', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Catalogue' })).toBeVisible();
}

/** From the producers screen, where the app opens. */
async function addProducer(app: Page, name: string) {
  await app.getByRole('link', { name: 'Producteurs', exact: true }).click();
  await app.getByRole('button', { name: 'Nouveau producteur' }).click();
  const dialog = app.getByRole('dialog', { name: 'Nouveau producteur' });
  await dialog.getByLabel('Nom', { exact: true }).fill(name);
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
}

/** On the catalogue, with the only active producer chosen for it. */
async function addProduct(app: Page, product: { name: string; category?: string; unit?: string; price: string }) {
  await app.getByRole('button', { name: 'Nouveau produit' }).click();
  const dialog = app.getByRole('dialog', { name: 'Nouveau produit' });
  await dialog.getByLabel('Nom du produit').fill(product.name);
  if (product.category) await dialog.getByLabel('Catégorie').selectOption(product.category);
  if (product.unit) await dialog.getByLabel('Unité de vente').selectOption({ label: product.unit });
  await dialog.getByLabel('Prix TVA comprise (EUR)').fill(product.price);
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(app.getByRole('status')).toContainText(`Produit « ${product.name} » ajouté.`);
}

async function chooseCsv(app: Page, file: string) {
  await app.getByLabel('Importer un tableur').setInputFiles(file);
  const preview = app.getByRole('dialog', { name: 'Aperçu de l’import' });
  await expect(preview).toBeVisible();
  return preview;
}

/**
 * What an organiser's spreadsheet looks like when Excel saves it in Belgium:
 * BOM, semicolons, decimal commas, a pack description typed over two lines
 * (a quoted field with a line break), a product whose name looks like a
 * formula, and one row whose price cannot be read.
 */
const SPREADSHEET =
  '\uFEFFproducteur;produit;catégorie;unité;conditionnement;prix;tva;stock\r\n' +
  'Ferme du Bois;Carottes;légumes;botte;"botte d’environ\r\n1 kg";2,90;6;12\r\n' +
  'Ferme du Bois;Poireaux;légumes;kg;;3,10;6;\r\n' +
  'La Chèvrerie;Fromage frais;produits laitiers;pot;pot de 200 g;4,50;6;20\r\n' +
  'La Chèvrerie;=SUM(A1);épicerie;pièce;;1,00;6;\r\n' +
  'La Chèvrerie;Yaourt;produits laitiers;pot;;deux euros;6;\r\n';

test.describe('the organiser builds the catalogue', () => {
  test('adds products by hand, corrects a price in the table, and finds everything after a restart', async ({ app, dataDir, restartHost }) => {
    await openCatalogue(app);
    await expect(app.getByText('Aucun producteur pour l’instant.')).toBeVisible();

    await addProducer(app, 'Ferme du Bois');
    await openCatalogue(app);
    await app.getByRole('button', { name: 'Nouveau produit' }).click();
    const dialog = app.getByRole('dialog', { name: 'Nouveau produit' });
    // The only active producer is chosen already.
    await expect(dialog.getByLabel('Producteur')).toHaveValue(/.+/);
    await dialog.getByLabel('Nom du produit').fill('Carottes');
    await dialog.getByLabel('Catégorie').selectOption('légumes');
    await dialog.getByLabel('Unité de vente').selectOption({ label: 'botte' });
    await dialog.getByLabel('Conditionnement').fill('botte d’environ 1 kg');
    await dialog.getByLabel('Prix TVA comprise (EUR)').fill('2,50');
    await dialog.getByLabel('Taux de TVA').selectOption({ label: '6 %' });
    await dialog.getByLabel('Stock hebdomadaire par défaut').fill('12');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(app.getByRole('status')).toContainText('Produit « Carottes » ajouté.');

    await addProduct(app, { name: 'Œufs', category: 'épicerie', unit: 'douzaine', price: '3,6' });
    await expect(app.getByRole('rowheader')).toHaveText(['Carottes', 'Œufs']);
    await expect(app.getByRole('row', { name: /Œufs/ })).toContainText('3,60 €');

    // The price of carrots goes up: typed in the table, from the keyboard.
    await app.getByRole('button', { name: 'Modifier le prix de Carottes' }).focus();
    await app.keyboard.press('Enter');
    const price = app.getByLabel('Prix de Carottes');
    await expect(price).toBeFocused();
    await price.fill('2 euros 80');
    await price.press('Enter');
    await expect(app.getByRole('alert')).toHaveText('Prix illisible : écrivez un montant comme 2,50.');
    await expect(price).toHaveValue('2 euros 80');
    expect((await storedProducts(dataDir)).find((product) => product.name === 'Carottes')?.priceCents).toBe(250);
    await price.fill('2,80');
    await price.press('Enter');
    await expect(app.getByRole('status')).toHaveText('Prix de « Carottes » : 2,80 €.');
    await expect(app.getByRole('button', { name: 'Modifier le prix de Carottes' })).toBeFocused();

    // Escape puts the old price back.
    await app.keyboard.press('Enter');
    await app.getByLabel('Prix de Carottes').fill('99');
    await app.keyboard.press('Escape');
    await expect(app.getByRole('row', { name: /Carottes/ })).toContainText('2,80 €');

    await restartHost();
    await openCatalogue(app);
    await expect(app.getByRole('rowheader')).toHaveText(['Carottes', 'Œufs']);
    const carrots = app.getByRole('row', { name: /Carottes/ });
    await expect(carrots).toContainText('Ferme du Bois');
    await expect(carrots).toContainText('2,80 €');
    await expect(carrots).toContainText('botte d’environ 1 kg');
    await expect(carrots).toContainText('12');
  });

  test('imports a spreadsheet after a preview, and exports a catalogue that is safe to open', async ({ app, dataDir }, testInfo) => {
    // The relay already sells carrots from Ferme du Bois, at 2,80 €.
    await addProducer(app, 'Ferme du Bois');
    await openCatalogue(app);
    await addProduct(app, { name: 'Carottes', unit: 'botte', price: '2,80' });
    await expect(app.getByRole('rowheader')).toHaveText(['Carottes']);

    const spreadsheet = testInfo.outputPath('catalogue-producteurs.csv');
    await writeFile(spreadsheet, SPREADSHEET, 'utf8');
    const productsFile = join(dataDir, 'products.json');
    await allFolded(dataDir);
    const before = { text: await readFile(productsFile, 'utf8'), mtime: (await stat(productsFile)).mtimeMs };

    // The preview shows every row, and what is wrong with the bad one, before anything is written.
    let preview = await chooseCsv(app, spreadsheet);
    await expect(preview.getByText('Rien n’est encore enregistré.')).toBeVisible();
    const rows = preview.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(6); // the header and the five rows of the file
    await expect(preview.getByRole('row', { name: /Carottes/ })).toContainText('Mis à jour');
    await expect(preview.getByRole('row', { name: /Poireaux/ })).toContainText('Nouveau');
    await expect(preview.getByRole('row', { name: /Fromage frais/ })).toContainText('nouveau producteur');
    // The quoted pack description spans two lines of the file but is one row of the sheet, so Poireaux is row 3.
    await expect(preview.getByRole('row', { name: /Poireaux/ }).getByRole('rowheader')).toHaveText('3');
    const bad = preview.getByRole('row', { name: /Yaourt/ });
    await expect(bad.getByRole('rowheader')).toHaveText('6');
    await expect(bad).toContainText('Non importée');
    await expect(bad).toContainText('prix : Prix invalide : « deux euros » (exemple : 2,50).');
    await expect(preview.getByRole('definition')).toHaveText(['1', '0', '3', '1', '1']);

    // Cancel writes nothing.
    await preview.getByRole('button', { name: 'Annuler' }).click();
    await expect(preview).toBeHidden();
    await expect(app.getByRole('status')).toHaveText('Import annulé : rien n’a été enregistré.');
    expect(await readFile(productsFile, 'utf8')).toBe(before.text);
    expect((await stat(productsFile)).mtimeMs).toBe(before.mtime);
    await expect(app.getByRole('rowheader')).toHaveText(['Carottes']);

    // Import writes the four good rows.
    preview = await chooseCsv(app, spreadsheet);
    await preview.getByRole('button', { name: 'Importer 4 lignes' }).click();
    await expect(preview).toBeHidden();
    await expect(app.getByRole('status')).toHaveText(
      'Import terminé : 1 producteur créé, 0 mis à jour ; 3 produits créés, 1 mis à jour ; 1 ligne non importée.',
    );
    await expect(app.getByRole('rowheader')).toHaveText(['=SUM(A1)', 'Carottes', 'Fromage frais', 'Poireaux']);
    await expect(app.getByRole('row', { name: /Carottes/ })).toContainText('2,90 €');
    const afterImport = await storedProducts(dataDir);
    expect(afterImport.map((product) => product.name).sort()).toEqual(['=SUM(A1)', 'Carottes', 'Fromage frais', 'Poireaux']);
    expect(afterImport.find((product) => product.name === 'Carottes')).toMatchObject({
      priceCents: 290,
      // A line break in a cell is kept as a spreadsheet keeps it: one "\n".
      packDescription: 'botte d’environ\n1 kg',
    });

    // The same file again: nothing new, nothing duplicated.
    preview = await chooseCsv(app, spreadsheet);
    for (const name of ['Carottes', 'Poireaux', 'Fromage frais', '=SUM(A1)']) {
      await expect(preview.getByRole('row', { name: new RegExp(name.replace(/[()]/g, '\\$&')) })).toContainText('Inchangé');
    }
    await expect(preview.getByRole('definition')).toHaveText(['0', '0', '0', '0', '1']);
    await expect(preview.getByRole('button', { name: /^Importer/ })).toHaveCount(0);
    await preview.getByRole('button', { name: 'Annuler' }).click();
    expect(await storedProducts(dataDir)).toHaveLength(4);

    // The export opens in a spreadsheet as text, never as a formula.
    const [download] = await Promise.all([
      app.waitForEvent('download'),
      app.getByRole('button', { name: 'Exporter en CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('catalogue.csv');
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const exported = bytes.toString('utf8');
    expect(exported).toContain(";'=SUM(A1);");
    expect(exported).not.toMatch(/(^|;)=SUM/m);
    expect(exported).toContain(';Carottes;légumes;botte;"botte d’environ\n1 kg";2,90;');
    await expect(app.getByRole('status')).toHaveText('Catalogue exporté : catalogue.csv.');
  });

  test('archives and restores a product, and keeps categories in use', async ({ app }) => {
    await addProducer(app, 'Le Verger');
    await openCatalogue(app);
    await addProduct(app, { name: 'Pommes', category: 'fruits', price: '3,20' });
    await expect(app.getByRole('rowheader')).toHaveText(['Pommes']);

    await app.getByRole('button', { name: 'Catégories' }).click();
    const categories = app.getByRole('dialog', { name: 'Catégories de produits' });
    await categories.getByRole('button', { name: 'Retirer fruits' }).click();
    await expect(categories.getByRole('alert')).toHaveText(
      'La catégorie « fruits » est utilisée par 1 produit : changez d’abord leur catégorie.',
    );
    await categories.getByRole('button', { name: 'Renommer fruits' }).click();
    await categories.getByLabel('Nouveau nom de « fruits »').fill('Fruits du verger');
    await categories.getByLabel('Nouveau nom de « fruits »').press('Enter');
    await expect(categories.getByRole('status')).toHaveText('Catégorie « fruits » renommée en « Fruits du verger » ; 1 produit suit.');
    await categories.getByLabel('Nouvelle catégorie').fill('Confitures');
    await categories.getByRole('button', { name: 'Ajouter' }).click();
    await expect(categories.getByRole('button', { name: 'Retirer Confitures' })).toBeVisible();
    await categories.getByRole('button', { name: 'Retirer Confitures' }).click();
    await expect(categories.getByRole('button', { name: 'Retirer Confitures' })).toHaveCount(0);
    await categories.getByRole('button', { name: 'Fermer' }).click();
    await expect(app.getByRole('row', { name: /Pommes/ })).toContainText('Fruits du verger');

    await app.getByRole('button', { name: 'Archiver Pommes' }).click();
    await app.getByRole('dialog', { name: 'Archiver ce produit ?' }).getByRole('button', { name: 'Archiver', exact: true }).click();
    await expect(app.getByRole('status')).toContainText('Produit « Pommes » archivé.');
    await expect(app.getByRole('rowheader')).toHaveCount(0);
    await app.getByRole('radio', { name: 'Archivés' }).check();
    await app.getByRole('button', { name: 'Restaurer Pommes' }).click();
    await expect(app.getByRole('status')).toHaveText('Produit « Pommes » restauré.');
    await app.getByRole('radio', { name: 'Actifs' }).check();
    await expect(app.getByRole('rowheader')).toHaveText(['Pommes']);
  });
});

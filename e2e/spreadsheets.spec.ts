/**
 * The relay's own spreadsheets, as a real LibreOffice saved them
 * (e2e/import-files, made by scripts/make-import-fixtures.sh): the producers
 * list as a French CSV (";", Windows-1252), the catalogue as .xlsx and then
 * the same catalogue as a French CSV.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { test, expect } from './fixtures';
import { storedRecords } from './support/stored';

const FILES = join(import.meta.dirname, 'import-files');

interface StoredProducer {
  name: string;
  phone: string;
  distanceKm: number | null;
  notes: string;
}

/** The producers the next launch would find (data files and write journal). */
async function storedProducers(dataDir: string): Promise<StoredProducer[]> {
  return (await storedRecords(dataDir, 'producer')) as StoredProducer[];
}

/** A fixture by its name, or any file by its full path. */
async function chooseFile(app: Page, file: string, dialogName: string) {
  await app.getByLabel('Importer un tableur').setInputFiles(file.startsWith('/') ? file : join(FILES, file));
  const preview = app.getByRole('dialog', { name: dialogName });
  await expect(preview).toBeVisible();
  return preview;
}

test.describe('the organiser brings in the spreadsheets the relay already keeps', () => {
  test('imports the producers list saved as a Windows-1252 CSV: accents, € Œ ’ — « », notes on several lines, the duplicate refused', async ({ app, dataDir, restartHost }) => {
    await app.getByRole('link', { name: 'Producteurs', exact: true }).click();
    let preview = await chooseFile(app, 'producers-fr.csv', 'Aperçu de l’import des producteurs');

    await expect(preview.getByRole('table').getByRole('row')).toHaveCount(5);
    await expect(preview.getByRole('row', { name: /Le Verger d’Anaïs/ })).toContainText('Anaïs Œuvray');
    // A value read differently from how it is written is imported, with the row, the column and the raw text shown.
    const brewery = preview.getByRole('row', { name: /Brasserie du Coin/ });
    await expect(brewery).toContainText('Nouveau');
    await expect(brewery.getByRole('list', { name: 'À vérifier' })).toHaveText('Ligne 4, colonne « Distance (km) » : « 8 km » lu comme 8 km.');
    const duplicate = preview.getByRole('row', { name: /FERME DE L’EGLANTIER/ });
    await expect(duplicate.getByRole('rowheader')).toHaveText('5');
    await expect(duplicate).toContainText('Non importée');
    await expect(duplicate).toContainText('« FERME DE L’EGLANTIER » est déjà à la ligne 2 du fichier');
    await expect(preview.getByRole('definition')).toHaveText(['3', '0', '0', '1']);
    expect(await seriousViolations(app)).toEqual([]);

    await preview.getByRole('button', { name: 'Importer 3 lignes' }).click();
    await expect(preview).toBeHidden();
    await expect(app.getByRole('status')).toHaveText('Import terminé : 3 producteurs créés, 0 mis à jour, 0 déjà à jour ; 1 ligne non importée.');
    await expect(app.getByRole('rowheader')).toHaveText(['Brasserie du Coin', 'Ferme de l’Églantier', 'Le Verger d’Anaïs']);
    expect((await storedProducers(dataDir)).map(({ name, phone, distanceKm, notes }) => ({ name, phone, distanceKm, notes })).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'Brasserie du Coin', phone: '0032 478 00 11 22', distanceKm: 8, notes: '' },
      { name: 'Ferme de l’Églantier', phone: '0478 12 34 56', distanceKm: 12.5, notes: 'Livre le jeudi.\nAppeler avant — « pas après 18 h »\nCaisse consignée 5 €' },
      { name: 'Le Verger d’Anaïs', phone: '081 22 33 44', distanceKm: 23, notes: 'Bio depuis 2019' },
    ]);

    // After a restart, the same list saved as .ods changes nothing: nothing to import.
    await restartHost();
    await app.getByRole('link', { name: 'Producteurs', exact: true }).click();
    preview = await chooseFile(app, 'producers.ods', 'Aperçu de l’import des producteurs');
    await expect(preview.getByRole('definition')).toHaveText(['0', '0', '3', '1']);
    await expect(preview.getByText('Rien à importer : les lignes sans problème sont déjà à jour.')).toBeVisible();
    await expect(preview.getByRole('button', { name: /^Importer/ })).toHaveCount(0);
    await preview.getByRole('button', { name: 'Annuler' }).click();
    expect(await storedProducers(dataDir)).toHaveLength(3);
  });

  test('imports the catalogue saved as .xlsx, to the cent, then the same catalogue as a Windows-1252 CSV changes nothing', async ({ app }) => {
    await app.getByRole('link', { name: 'Catalogue', exact: true }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Catalogue' })).toBeVisible();

    let preview = await chooseFile(app, 'catalogue.xlsx', 'Aperçu de l’import');
    // The titles people write (Prix TTC (€), TVA (%), Stock hebdo) are all recognised.
    await expect(preview.getByText(/Colonnes non reconnues/)).toHaveCount(0);
    const juice = preview.getByRole('row', { name: /Jus de pomme/ });
    await expect(juice).toContainText('Nouveau');
    await expect(juice.getByRole('list', { name: 'À vérifier' })).toHaveText('Ligne 4, colonne « Prix TTC (€) » : « 2,5 € » lu comme 2,50 €.');
    const duplicate = preview.getByRole('row', { name: /Carottes/ }).filter({ hasText: 'Non importée' });
    await expect(duplicate.getByRole('rowheader')).toHaveText('8');
    await preview.getByRole('button', { name: 'Importer 6 lignes' }).click();
    await expect(preview).toBeHidden();
    await expect(app.getByRole('status')).toHaveText(
      'Import terminé : 4 producteurs créés, 0 mis à jour ; 6 produits créés, 0 mis à jour ; 1 ligne non importée.',
    );
    await expect(app.getByRole('row', { name: /Œufs bio x6/ })).toContainText('4,35 €');
    await expect(app.getByRole('row', { name: /Brie « fermier » — affiné/ })).toContainText('12,99 €');
    await expect(app.getByRole('row', { name: /Jus de pomme/ })).toContainText('2,50 €');

    preview = await chooseFile(app, 'catalogue-fr.csv', 'Aperçu de l’import');
    await expect(preview.getByRole('row', { name: /Œufs bio x6/ })).toContainText('Inchangé');
    await expect(preview.getByRole('definition')).toHaveText(['0', '0', '0', '0', '1']);
    await expect(preview.getByRole('button', { name: /^Importer/ })).toHaveCount(0);
  });

  test('maps a renamed column by hand, and the next file of that kind is read the same way', async ({ app }, testInfo) => {
    await app.getByRole('link', { name: 'Catalogue', exact: true }).click();
    const first = testInfo.outputPath('tarifs-semaine-1.csv');
    const second = testInfo.outputPath('tarifs-semaine-2.csv');
    await writeFile(first, 'Producteur;Produit;Unité;Tarif au kilo;TVA;Réf.\nFerme A;Carottes;kg;2,50;6;C-01\nFerme A;Navets;kg;1,80;6;N-02\n', 'utf8');
    await writeFile(second, 'Producteur;Produit;Unité;Tarif au kilo;TVA;Réf.\nFerme A;Carottes;kg;2,60;6;C-01\n', 'utf8');

    let preview = await chooseFile(app, first, 'Aperçu de l’import');
    // The price column is missing, said once for the file; the mapping step is open, showing each column's values.
    await expect(preview.getByRole('alert')).toContainText('Colonne obligatoire absente : « prix ».');
    await expect(preview.getByText('Colonnes du fichier : 4 sur 6 utilisées')).toBeVisible();
    await expect(preview.getByRole('row', { name: /Tarif au kilo/ })).toContainText('2,50 · 1,80');
    await preview.getByLabel('Champ de la colonne « Tarif au kilo »').selectOption({ label: 'prix' });
    await expect(preview.getByRole('alert')).toBeHidden();
    await expect(preview.getByText('Colonnes du fichier : 5 sur 6 utilisées')).toBeVisible();
    await preview.getByRole('button', { name: 'Importer 2 lignes' }).click();
    await expect(app.getByRole('status')).toContainText('2 produits créés');
    await expect(preview).toHaveCount(0);
    await expect(app.getByRole('row', { name: /Carottes/ })).toContainText('2,50 €');

    // Next week's file has the same titles: the choice is remembered, the price is read at once.
    preview = await chooseFile(app, second, 'Aperçu de l’import');
    await expect(preview.getByRole('alert')).toHaveCount(0);
    await expect(preview.getByLabel('Champ de la colonne « Tarif au kilo »')).toHaveValue('price');
    await expect(preview.getByRole('row', { name: /Carottes/ }).filter({ hasText: 'Mis à jour' })).toBeVisible();
    await preview.getByRole('button', { name: 'Importer 1 ligne' }).click();
    // The preview closes once the import is written; then only the catalogue's row is left.
    await expect(preview).toHaveCount(0);
    await expect(app.getByRole('row', { name: /Carottes/ })).toContainText('2,60 €');
  });
});

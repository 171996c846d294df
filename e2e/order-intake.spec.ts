/**
 * The week's orders in without typing them (issue 12): an online form's export
 * of 20 responses and a member's returned .xlsx order form (alone, then in a zip), both as a real
 * LibreOffice saved them (e2e/import-files, scripts/make-import-fixtures.sh),
 * dropped on the distribution's orders page, reached from its hub.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { api, openDistributionDraft } from './support/api';
import { seriousViolations } from './support/axe';
import { storedRecords } from './support/stored';
import type { HostProcess } from './support/host-process';

const FILES = join(import.meta.dirname, 'import-files');
interface Ids {
  id: string;
}

/** Two producers selling carrots, bread for 10, eggs for 20; three members already known. */
async function relay(request: APIRequestContext, host: HostProcess) {
  const call = api(request, host);
  const producer = async (name: string) => (await call<{ producer: Ids }>('producers.create', { name })).producer.id;
  const farm = await producer('Ferme du Bois');
  const garden = await producer('Jardin d’Élise');
  const bakery = await producer('Boulangerie Martin');
  const product = (producerId: string, name: string, unit: string, priceCents: number) =>
    call<Ids>('products.create', { producerId, name, category: 'légumes', unit, priceCents, vatRateBp: 600 });
  const distribution = await call<Ids>('distributions.create', openDistributionDraft());
  const offers: [Ids, number | null][] = [
    [await product(farm, 'Carottes', 'kg', 250), 40],
    [await product(garden, 'Carottes', 'kg', 300), null],
    [await product(bakery, 'Pain', 'piece', 380), 10],
    [await product(farm, 'Œufs bio x6', 'barquette', 320), 20],
  ];
  for (const [{ id }, quantity] of offers) await call('offers.set', { distributionId: distribution.id, productId: id, quantity });
  await call('members.create', { name: 'Anne Leroy', email: 'anne.leroy@example.org' });
  await call('members.create', { name: 'Paul Petit' });
  await call('members.create', { name: 'François D’Hondt', email: 'francois.dhondt@example.be' });
  return distribution;
}

async function choose(app: Page, file: string) {
  await app.getByLabel('Choisir les fichiers…').setInputFiles(join(FILES, file));
  const preview = app.getByRole('dialog', { name: 'Commandes à importer' });
  await expect(preview).toBeVisible();
  return preview;
}

/** A response of the preview by its file and sheet row, as its row header says. */
const response = (preview: ReturnType<Page['getByRole']>, file: string, line: number) =>
  preview.getByRole('row').filter({ has: preview.page().getByRole('rowheader', { name: `${file}, ligne ${line}`, exact: true }) });

/** The figures of the preview: created, changed, unchanged, new members, lines refused, responses left out. */
const counts = (preview: ReturnType<Page['getByRole']>) => preview.getByRole('definition');

test('the organiser imports a form export of 20 responses, then a returned .xlsx order form, alone then in a zip, and a second import changes nothing', async ({ app, request, host, dataDir, restartHost }) => {
  const distribution = await relay(request, host);
  await app.evaluate((hash) => (window.location.hash = hash), `#/distributions/${distribution.id}`);
  await app.getByRole('link', { name: 'Commandes par tableur' }).click();
  await expect(app.getByRole('heading', { name: 'Commandes par tableur' })).toBeVisible();

  // The order form to send: one .ods for everyone, named after the pickup day.
  await app.getByLabel('Format').selectOption('ods');
  const [download] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Télécharger le bon de commande' }).click()]);
  expect(download.suggestedFilename()).toBe(`bon-de-commande-${openDistributionDraft().pickupDate}.ods`);
  await expect(app.getByRole('status').filter({ hasText: 'téléchargé' })).toHaveText('1 fichier téléchargé.');
  // One pre-filled form per member, all in one zip: one download, not one per member.
  await app.getByLabel(/Un fichier par membre/).check();
  const [zip] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Télécharger le bon de commande' }).click()]);
  expect(zip.suggestedFilename()).toBe(`bon-de-commande-${openDistributionDraft().pickupDate}-par-membre.zip`);
  const inside = unzipSync(await readFile((await zip.path())!));
  expect(Object.keys(inside)).toEqual(['anne-leroy', 'francois-d-hondt', 'paul-petit'].map((slug) => `bon-de-commande-${openDistributionDraft().pickupDate}-${slug}.ods`));
  await app.getByLabel(/Un fichier par membre/).uncheck();

  let preview = await choose(app, 'orders-form-export-en.csv');
  await expect(counts(preview)).toHaveText(['20', '0', '0', '18', '1', '0']);
  await expect(response(preview, 'orders-form-export-en.csv', 2)).toContainText('Anne Leroy (reconnu par l’e-mail)');
  await expect(response(preview, 'orders-form-export-en.csv', 3)).toContainText('Paul Petit (reconnu par le nom)');
  await expect(response(preview, 'orders-form-export-en.csv', 4)).toContainText('Chloé Dubois (nouveau membre)');
  // The 20th response wants 3 loaves when 1 is left: that line is refused and listed, the rest of the order goes in.
  const last = response(preview, 'orders-form-export-en.csv', 21);
  await expect(last).toContainText('ligne 21, Pain : Pain : 3 demandés, il n’en reste que 1');
  await expect(last).toContainText('1 × Carottes');
  await expect(preview.getByRole('row', { name: /^Pain Boulangerie Martin/ })).toContainText(['Pain', 'Boulangerie Martin', '10', '0', '9', '1'].join(''));
  await expect(preview).toContainText('Colonnes ignorées : Horodateur, Remarques');
  expect(await seriousViolations(app)).toEqual([]);
  await preview.getByRole('button', { name: 'Importer les 20 commandes' }).click();
  await expect(preview).toBeHidden();
  await expect(app.getByRole('status').filter({ hasText: 'Import terminé' })).toHaveText(
    'Import terminé : 20 commandes créées, 0 modifiée, 18 nouveaux membres.',
  );
  await expect(app.getByText('20 commandes', { exact: false }).first()).toBeVisible();

  // The same export again: every order is already as it says; the refused line is still refused, nothing to write.
  preview = await choose(app, 'orders-form-export-en.csv');
  await expect(counts(preview)).toHaveText(['0', '0', '20', '0', '1', '0']);
  await expect(preview.getByText('Rien à importer : chaque commande est déjà à jour ou écartée.')).toBeVisible();
  await expect(preview.getByRole('button', { name: /Importer/ })).toHaveCount(0);
  await preview.getByRole('button', { name: 'Annuler' }).click();

  preview = await choose(app, 'order-form-returned.xlsx');
  await expect(preview).toContainText('order-form-returned.xlsx — bon de commande, 1 réponse');
  const francois = response(preview, 'order-form-returned.xlsx', 2);
  await expect(francois).toContainText('François D’Hondt (reconnu par l’e-mail)');
  await expect(francois).toContainText('2 × Œufs bio x63 × Carottes');
  await expect(francois).toContainText('15,40');
  await preview.getByRole('button', { name: 'Importer 1 commande' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Import terminé' })).toHaveText('Import terminé : 1 commande créée, 0 modifiée, 0 nouveau membre.');

  // The returned forms saved from the e-mails as one zip, a Mac's __MACOSX/ copy with them: read as if picked one by one,
  // so François's form, already imported, changes nothing.
  const returned = new Uint8Array(await readFile(join(FILES, 'order-form-returned.xlsx')));
  const zipOf = (files: Record<string, Uint8Array>) => ({ name: 'retours.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(files)) });
  await app.getByLabel('Choisir les fichiers…').setInputFiles(
    zipOf({ 'order-form-returned.xlsx': returned, '.DS_Store': new Uint8Array([0, 0, 0, 1]), '__MACOSX/._order-form-returned.xlsx': new Uint8Array([0, 5, 22, 7]) }),
  );
  preview = app.getByRole('dialog', { name: 'Commandes à importer' });
  await expect(preview).toContainText('retours.zip/order-form-returned.xlsx — bon de commande, 1 réponse');
  await expect(response(preview, 'retours.zip/order-form-returned.xlsx', 2)).toContainText('François D’Hondt (reconnu par l’e-mail)');
  await expect(counts(preview)).toHaveText(['0', '0', '1', '0', '0', '0']);
  await preview.getByRole('button', { name: 'Annuler' }).click();
  // A zip inside the zip is refused, named, and nothing is previewed.
  await app.getByLabel('Choisir les fichiers…').setInputFiles(zipOf({ 'order-form-returned.xlsx': returned, 'semaine-2.zip': zipSync({ 'bon.xlsx': returned }) }));
  await expect(app.getByRole('alert').filter({ hasText: 'retours.zip' })).toHaveText('Le fichier « retours.zip » contient un autre .zip (« semaine-2.zip ») : décompressez-le d’abord. Rien n’a été importé.');
  await expect(preview).toBeHidden();

  // Written to disk: after a restart, 21 orders, no member twice, the refused loaves not sold (9 of the 10).
  await restartHost();
  const orders = await storedRecords(dataDir, 'order');
  expect(orders).toHaveLength(21);
  expect(new Set(orders.map((order) => order.memberId)).size).toBe(21);
  expect(orders.flatMap((order) => order.lines).filter((line) => line.productName === 'Pain').reduce((sum, line) => sum + line.quantity, 0)).toBe(9);
  expect(await storedRecords(dataDir, 'member')).toHaveLength(21);
});

test('the organiser maps the columns of a form export Cabas cannot place, and the next export of that form is read the same way', async ({ app, request, host }) => {
  const distribution = await relay(request, host);
  await app.evaluate((hash) => (window.location.hash = hash), `#/distributions/${distribution.id}`);
  await app.getByRole('link', { name: 'Commandes par tableur' }).click();
  // A form whose questions are worded its own way: "Qui", "Courriel perso", and "Baguette" for the bread.
  const csv = (rows: string[]) => ({
    name: 'formulaire-semaine.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['Horodateur,Qui,Courriel perso,Baguette,Carottes (Ferme du Bois)', ...rows].join('\n')),
  });
  const week = csv(['2026-03-01 10:00,Anne Leroy,anne.leroy@example.org,2,1', '2026-03-01 11:00,Zoé Neuve,zoe@example.org,1,']);
  await app.getByLabel('Choisir les fichiers…').setInputFiles(week);
  const preview = app.getByRole('dialog', { name: 'Commandes à importer' });
  await expect(preview).toContainText('Aucune colonne « Nom » ni « E-mail » : impossible de savoir qui commande.');
  await expect(preview.getByRole('button', { name: /Importer/ })).toHaveCount(0);

  // The mapping step: each column with its values; the organiser says which is which.
  await expect(preview.getByRole('row', { name: /^Baguette/ })).toContainText('2 · 1');
  await expect(preview.getByLabel('Champ de la colonne « Carottes (Ferme du Bois) »')).toHaveValue(/^product:/);
  await preview.getByLabel('Champ de la colonne « Qui »').selectOption({ label: 'Nom du membre' });
  await preview.getByLabel('Champ de la colonne « Courriel perso »').selectOption({ label: 'E-mail du membre' });
  await preview.getByLabel('Champ de la colonne « Baguette »').selectOption({ label: 'Pain (Boulangerie Martin)' });
  await expect(counts(preview)).toHaveText(['2', '0', '0', '1', '0', '0']);
  await expect(response(preview, 'formulaire-semaine.csv', 2)).toContainText('Anne Leroy (reconnu par l’e-mail)');
  await expect(response(preview, 'formulaire-semaine.csv', 2)).toContainText('2 × Pain1 × Carottes');
  await expect(preview).toContainText('Colonnes ignorées : Horodateur');
  await preview.getByRole('button', { name: 'Importer les 2 commandes' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Import terminé' })).toHaveText('Import terminé : 2 commandes créées, 0 modifiée, 1 nouveau membre.');

  // Next time, the same form's export: the columns are read as mapped, nothing asked again, Anne's order updated.
  await app.getByLabel('Choisir les fichiers…').setInputFiles(csv(['2026-03-08 10:00,Anne Leroy,anne.leroy@example.org,3,1']));
  await expect(preview.getByLabel('Champ de la colonne « Baguette »')).toHaveValue(/^product:/);
  await expect(counts(preview)).toHaveText(['0', '1', '0', '0', '0', '0']);
  await expect(response(preview, 'formulaire-semaine.csv', 2)).toContainText('3 × Pain (avant : 2)');
});

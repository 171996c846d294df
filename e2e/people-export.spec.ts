import { test, expect } from './fixtures';
import { api } from './support/api';

/** A file Cabas exported and the organiser imports again, untouched: nothing changes (issue 12). */
test('exports of members (.xlsx) and producers (CSV) import back unchanged', async ({ app, request, host }, testInfo) => {
  const call = api(request, host);
  await call('members.create', { name: 'Zoë D’Hondt', email: 'zoe@example.be', phone: '0471 12 34 56', notes: 'Allergie :\n— noix', preferredPickupTime: '17:45' });
  await call('members.create', { name: 'Anne Dupont' });
  await call('producers.create', { name: 'Ferme de l’Œillet', phone: '081 22 33 44', address: 'Rue du Moulin 3\n5000 Namur', distanceKm: 12.5, notes: '30 € « acompte »' });

  for (const [area, buttonName, preview, upToDate] of [
    ['Membres', 'Exporter (.xlsx)', 'Aperçu de l’import des membres', 'Ce fichier ne change rien : les membres sont déjà à jour.'],
    ['Producteurs', 'Exporter (CSV)', 'Aperçu de l’import des producteurs', 'Ce fichier ne change rien : les producteurs sont déjà à jour.'],
  ] as const) {
    await app.getByRole('navigation').getByRole('link', { name: area, exact: true }).click();
    await expect(app.getByRole('heading', { level: 1, name: area })).toBeVisible();
    const downloading = app.waitForEvent('download');
    await app.getByRole('button', { name: buttonName }).click();
    const download = await downloading;
    const file = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(file);

    await app.getByLabel('Importer un tableur').setInputFiles(file);
    const dialog = app.getByRole('dialog', { name: preview });
    await expect(dialog.getByText(upToDate)).toBeVisible();
    await expect(dialog.getByRole('button', { name: /^Importer/ })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Annuler' }).click();
  }
});

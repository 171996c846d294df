import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { storedRecords } from './support/stored';

/** The app opens on Aujourd'hui (issue 14); the producers are one click away. */
async function openProducers(app: Page) {
  await app.getByRole('navigation').getByRole('link', { name: 'Producteurs' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Producteurs' })).toBeVisible();
}

test.describe('the organiser manages the relay’s producers', () => {
  test('creates a producer, restarts, edits it, then archives and restores it', async ({ app, restartHost, dataDir }) => {
    await openProducers(app);
    await app.getByRole('button', { name: 'Nouveau producteur' }).click();
    const dialog = app.getByRole('dialog', { name: 'Nouveau producteur' });
    await dialog.getByLabel('Nom', { exact: true }).fill('Ferme du Bois');
    await dialog.getByLabel('Ferme ou entreprise').fill('GAEC du Bois');
    await dialog.getByLabel('E-mail').fill('contact@fermedubois.be');
    await dialog.getByLabel('Téléphone').fill('+32 81 12 34 56');
    await dialog.getByLabel('Distance jusqu’au relais (km)').fill('12,5');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(app.getByRole('status')).toContainText('Producteur « Ferme du Bois » ajouté.');
    await expect(app.getByRole('rowheader', { name: 'Ferme du Bois' })).toBeVisible();

    expect(await storedRecords(dataDir, 'producer')).toEqual([expect.objectContaining({ name: 'Ferme du Bois', distanceKm: 12.5, archivedAt: null })]);

    await restartHost();
    await openProducers(app);
    await expect(app.getByRole('rowheader', { name: 'Ferme du Bois' })).toBeVisible();

    await app.getByRole('button', { name: 'Modifier Ferme du Bois' }).click();
    const edit = app.getByRole('dialog', { name: 'Modifier le producteur' });
    await expect(edit.getByLabel('E-mail')).toHaveValue('contact@fermedubois.be');
    await edit.getByLabel('Personne de contact').fill('Anne Dupont');
    await edit.getByLabel('E-mail').press('Enter');
    await expect(app.getByRole('status')).toContainText('Producteur « Ferme du Bois » enregistré.');
    await expect(app.getByRole('row', { name: /Ferme du Bois/ })).toContainText('Anne Dupont');

    await app.getByRole('button', { name: 'Archiver Ferme du Bois' }).click();
    await app.getByRole('dialog').getByRole('button', { name: 'Archiver', exact: true }).click();
    await expect(app.getByRole('status')).toContainText('archivé');
    await expect(app.getByRole('rowheader', { name: 'Ferme du Bois' })).toHaveCount(0);

    await app.getByRole('radio', { name: 'Archivés' }).check();
    const archivedRow = app.getByRole('row', { name: /Ferme du Bois/ });
    await expect(archivedRow).toContainText('Archivé le');

    await restartHost();
    await openProducers(app);
    await app.getByRole('radio', { name: 'Tous' }).check();
    await expect(app.getByRole('row', { name: /Ferme du Bois/ })).toContainText('Archivé le');
    await app.getByRole('button', { name: 'Restaurer Ferme du Bois' }).click();
    await expect(app.getByRole('status')).toContainText('restauré');
    await app.getByRole('radio', { name: 'Actifs' }).check();
    await expect(app.getByRole('rowheader', { name: 'Ferme du Bois' })).toBeVisible();
  });

  test('invalid input shows what is wrong, keeps what was typed and saves nothing', async ({ app, dataDir }) => {
    await openProducers(app);
    await app.getByRole('button', { name: 'Nouveau producteur' }).click();
    const dialog = app.getByRole('dialog', { name: 'Nouveau producteur' });
    await dialog.getByLabel('Nom', { exact: true }).fill('Le Verger');
    await dialog.getByLabel('E-mail').fill('pas-une-adresse');
    await dialog.getByLabel('Distance jusqu’au relais (km)').fill('-3');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();

    const summary = dialog.getByRole('alert');
    await expect(summary).toContainText('Certaines valeurs ne sont pas valides.');
    await expect(summary).toContainText('Adresse e-mail invalide.');
    await expect(summary).toContainText('La valeur ne peut pas être négative.');
    await expect(dialog.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByLabel('Distance jusqu’au relais (km)')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByLabel('Nom', { exact: true })).toHaveValue('Le Verger');
    await expect(dialog.getByLabel('E-mail')).toHaveValue('pas-une-adresse');
    await expect(readFile(join(dataDir, 'producers.json'), 'utf8')).rejects.toThrow(/ENOENT/);

    await dialog.getByLabel('E-mail').fill('verger@example.be');
    await dialog.getByLabel('Distance jusqu’au relais (km)').fill('4');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(app.getByRole('rowheader', { name: 'Le Verger' })).toBeVisible();
  });

  test('a second producer with the same name gets a warning but is kept', async ({ app }) => {
    await openProducers(app);
    for (const name of ['Ferme des Prés', 'ferme des pres']) {
      await app.getByRole('button', { name: 'Nouveau producteur' }).click();
      const dialog = app.getByRole('dialog', { name: 'Nouveau producteur' });
      await dialog.getByLabel('Nom', { exact: true }).fill(name);
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(dialog).toBeHidden();
    }
    await expect(app.getByRole('status')).toContainText('Un autre producteur s’appelle déjà « ferme des pres »');
    await expect(app.getByRole('rowheader')).toHaveCount(2);
  });

  test('search finds a producer whatever the accents', async ({ app, host }) => {
    for (const name of ['Ferme de l’Églantier', 'Boulangerie Martin']) {
      const response = await app.request.post(`${host.url}api/call/producers.create`, {
        data: { name },
        headers: { Authorization: `Bearer ${host.token}` },
      });
      expect((await response.json()).ok).toBe(true);
    }
    await app.reload();
    await openProducers(app);
    await app.getByLabel('Rechercher un producteur').fill('eglantier');
    await expect(app.getByRole('rowheader')).toHaveText(['Ferme de l’Églantier']);
  });
});

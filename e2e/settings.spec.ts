import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { storedRecords } from './support/stored';

test.describe('relay settings', () => {
  test('switching to English applies at once and survives a restart', async ({ app, restartHost, dataDir }) => {
    await app.getByRole('link', { name: 'Réglages' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Réglages du relais' })).toBeVisible();
    await app.getByLabel('Nom du relais').fill('Relais de la Gare');
    await app.getByLabel('Langue').selectOption({ label: 'English' });
    await app.getByRole('button', { name: 'Enregistrer' }).click();

    await expect(app.getByRole('heading', { level: 1, name: 'Relay settings' })).toBeVisible();
    await expect(app.getByRole('status')).toContainText('Settings saved.');
    await expect(app.locator('html')).toHaveAttribute('lang', 'en');
    const [relay] = await storedRecords(dataDir, 'relay');
    expect(relay).toMatchObject({ language: 'en', name: 'Relais de la Gare' });

    await restartHost();
    await expect(app.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    await expect(app.getByRole('link', { name: 'Producers' })).toBeVisible();
    // The app opens on its home screen (issue 14), in English.
    await expect(app.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await expect(app.getByText('Relais de la Gare')).toBeVisible();
  });

  test('fees are typed as percentages with a decimal comma and stored as basis points', async ({ app, dataDir }) => {
    await app.getByRole('link', { name: 'Réglages' }).click();
    await app.getByLabel('Commission du relais (%)').fill('8,5');
    await app.getByLabel('Frais de service (%)').fill('abc');
    await app.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(app.getByLabel('Frais de service (%)')).toHaveAttribute('aria-invalid', 'true');
    await expect(app.getByRole('alert')).toContainText('Frais de service (%) : Entrez un pourcentage entre 0 et 100, deux décimales au plus.');
    await expect(readFile(join(dataDir, 'relay.json'), 'utf8')).rejects.toThrow(/ENOENT/);

    await app.getByLabel('Frais de service (%)').fill('11,65');
    await app.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(app.getByRole('status')).toContainText('Réglages enregistrés.');
    const [relay] = await storedRecords(dataDir, 'relay');
    expect(relay).toMatchObject({ hostCommissionBp: 850, serviceFeeBp: 1165 });
  });

  test('every area of the menu is built: none is marked "bientôt"', async ({ app }) => {
    const nav = app.getByRole('navigation', { name: 'Navigation principale' });
    await expect(nav.getByRole('link', { name: 'Synchronisation' })).toBeVisible();
    await expect(nav.getByText('bientôt')).toHaveCount(0);
    await nav.getByRole('link', { name: 'Synchronisation' }).click();
    await expect(app.getByRole('heading', { level: 1 })).toHaveText('Synchronisation');
  });
});

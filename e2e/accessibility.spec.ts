import { seriousViolations } from './support/axe';
import { test, expect } from './fixtures';

test.describe('accessibility (axe): no serious or critical violation', () => {
  test('producers screen, with a list and with the form open showing errors', async ({ app }) => {
    await app.getByRole('navigation').getByRole('link', { name: 'Producteurs' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Producteurs' })).toBeVisible();
    expect(await seriousViolations(app)).toEqual([]);

    await app.getByRole('button', { name: 'Nouveau producteur' }).click();
    const dialog = app.getByRole('dialog', { name: 'Nouveau producteur' });
    await dialog.getByLabel('Nom', { exact: true }).fill('Ferme du Bois');
    await dialog.getByLabel('E-mail').fill('faux');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog.getByRole('alert')).toBeVisible();
    expect(await seriousViolations(app)).toEqual([]);

    await dialog.getByLabel('E-mail').fill('');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(app.getByRole('rowheader', { name: 'Ferme du Bois' })).toBeVisible();
    expect(await seriousViolations(app)).toEqual([]);
  });

  test('settings screen, in French and in English', async ({ app }) => {
    await app.getByRole('link', { name: 'Réglages' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Réglages du relais' })).toBeVisible();
    expect(await seriousViolations(app)).toEqual([]);

    await app.getByLabel('Langue').selectOption({ label: 'English' });
    await app.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Relay settings' })).toBeVisible();
    expect(await seriousViolations(app)).toEqual([]);
  });
});

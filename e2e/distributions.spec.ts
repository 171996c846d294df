import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { storedRecords } from './support/stored';

/** The pickup days of the spring 2027 series; 26 March (Good Friday) is unticked, and 28 March 2027 is the clock change. */
const KEPT = ['vendredi 12 mars 2027', 'vendredi 19 mars 2027', 'vendredi 2 avril 2027', 'vendredi 9 avril 2027', 'vendredi 16 avril 2027'];
const HOLIDAY = 'vendredi 26 mars 2027';

async function openDistributions(app: Page) {
  await app.getByRole('navigation').getByRole('link', { name: 'Distributions' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Distributions' })).toBeVisible();
  // The real clock moves on; the whole season keeps these 2027 dates in view whenever the test runs.
  await app.getByRole('radio', { name: 'Toute la saison' }).check();
}

const distributionItem = (app: Page, day: string) =>
  app.getByRole('listitem').filter({ has: app.getByRole('link', { name: day, exact: true }) });

async function storedDistributions(dataDir: string) {
  const records = await storedRecords(dataDir, 'distribution');
  return records as { pickupDate: string; pickupStart: string; pickupEnd: string; opensAt: string; closesAt: string; cancelledAt: string | null }[];
}

test.describe('the organiser plans the season’s distributions', () => {
  test('plans six Fridays across the spring clock change without the holiday, restarts, and cancels one', async ({ app, dataDir, restartHost }) => {
    await openDistributions(app);
    await app.getByRole('button', { name: 'Créer une série' }).click();
    const series = app.getByRole('dialog', { name: 'Créer une série de distributions' });
    await series.getByLabel('Jour de la semaine').selectOption({ label: 'vendredi' });
    await series.getByLabel('À partir du').fill('12/03/2027');
    await series.getByRole('radio', { name: 'Pendant N semaines' }).check();
    await series.getByLabel('Nombre de semaines').fill('6');
    await series.getByLabel('Début du retrait').fill('17:00');
    await series.getByLabel('Fin du retrait').fill('19:00');

    // The preview shows every date with its ordering window, on the relay's clock on both sides of the change.
    await expect(series.getByRole('checkbox')).toHaveCount(6);
    await expect(series.getByRole('listitem').filter({ hasText: 'vendredi 2 avril 2027' })).toContainText(
      'Commandes du sam. 27 mars 09:00 au mer. 31 mars 23:59',
    );
    await series.getByRole('checkbox', { name: HOLIDAY }).uncheck();
    await expect(series.getByText('5 dates retenues sur 6.')).toBeVisible();
    await series.getByRole('button', { name: 'Créer 5 distributions' }).click();

    await expect(series).toHaveCount(0);
    await expect(app.getByRole('status')).toContainText('5 distributions créées, du vendredi 12 mars 2027 au vendredi 16 avril 2027.');
    await expect(app.getByText('5 distributions', { exact: true })).toBeVisible();
    await expect(app.getByRole('heading', { level: 2, name: 'Mars 2027' })).toBeVisible();
    await expect(app.getByRole('heading', { level: 2, name: 'Avril 2027' })).toBeVisible();
    for (const day of KEPT) await expect(distributionItem(app, day)).toContainText('Retrait de 17:00 à 19:00');
    await expect(app.getByRole('link', { name: HOLIDAY })).toHaveCount(0);

    // On disk: 17:00 local on every Friday, so the instants move by an hour across 28 March 2027.
    const stored = await storedDistributions(dataDir);
    expect(stored.map((d) => d.pickupDate).sort()).toEqual(['2027-03-12', '2027-03-19', '2027-04-02', '2027-04-09', '2027-04-16']);
    expect(stored.every((d) => d.pickupStart === '17:00' && d.pickupEnd === '19:00')).toBe(true);
    const acrossTheChange = stored.find((d) => d.pickupDate === '2027-04-02')!;
    expect(acrossTheChange.opensAt).toBe('2027-03-27T08:00:00.000Z'); // 09:00 winter time
    expect(acrossTheChange.closesAt).toBe('2027-03-31T21:59:00.000Z'); // 23:59 summer time

    await restartHost();
    await openDistributions(app);
    await expect(app.getByText('5 distributions', { exact: true })).toBeVisible();
    for (const day of KEPT) await expect(distributionItem(app, day)).toContainText('Retrait de 17:00 à 19:00');

    await app.getByRole('link', { name: 'vendredi 9 avril 2027' }).click();
    await expect(app.getByRole('heading', { level: 1 })).toHaveText('Distribution du vendredi 9 avril 2027');
    await expect(app.getByText('Commandes du sam. 3 avr. 09:00 au mer. 7 avr. 23:59')).toBeVisible();
    await app.getByRole('button', { name: 'Annuler la distribution' }).click();
    const confirm = app.getByRole('dialog', { name: 'Annuler cette distribution ?' });
    await confirm.getByRole('button', { name: 'Oui, annuler la distribution' }).click();
    await expect(app.getByRole('status')).toContainText('Distribution du vendredi 9 avril 2027 annulée.');
    await expect(app.getByRole('region', { name: 'Résumé de la distribution' })).toContainText('Statut : Annulée');
    await expect(app.getByRole('button', { name: 'Rétablir' })).toBeVisible();

    await app.getByRole('link', { name: 'Toutes les distributions' }).click();
    await expect(app.getByText('4 distributions', { exact: true })).toBeVisible();
    await expect(app.getByRole('link', { name: 'vendredi 9 avril 2027' })).toHaveCount(0);
    await app.getByRole('checkbox', { name: 'Afficher les distributions annulées' }).check();
    await expect(distributionItem(app, 'vendredi 9 avril 2027')).toContainText('Annulée');

    const cancelled = (await storedDistributions(dataDir)).find((d) => d.pickupDate === '2027-04-09')!;
    expect(cancelled.cancelledAt).not.toBeNull();
  });

  test('an ordering window that closes after the pickup is refused and writes nothing', async ({ app, dataDir }) => {
    await openDistributions(app);
    await app.getByRole('button', { name: 'Nouvelle distribution' }).click();
    const dialog = app.getByRole('dialog', { name: 'Nouvelle distribution' });
    // Days are typed and shown day first, as the relay writes them (never the browser's US format).
    await dialog.getByLabel('Jour de retrait').fill('07/05/2027');
    // The window follows the pickup day: Saturday 1 May to Wednesday 5 May, as the relay's settings say.
    await expect(dialog.getByLabel('Jour d’ouverture')).toHaveValue('01/05/2027');
    await expect(dialog.getByLabel('Jour de fermeture')).toHaveValue('05/05/2027');
    // A month-first date is not a day: said at its field, nothing written.
    await dialog.getByLabel('Jour de fermeture').fill('05/31/2027');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Date invalide : tapez jour/mois/année, par exemple 04/12/2026.');
    await dialog.getByLabel('Jour de fermeture').fill('08/05/2027');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();

    await expect(dialog.getByRole('alert')).toContainText('Les commandes doivent fermer avant le début du retrait.');
    await expect(dialog.getByLabel('Jour de fermeture')).toHaveValue('08/05/2027');
    expect(await storedDistributions(dataDir)).toEqual([]);

    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(app.getByText('Aucune distribution prévue.', { exact: false })).toBeVisible();
  });
});

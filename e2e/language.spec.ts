/**
 * How Cabas speaks (issue 14): counts agree with their number ("1 producteur",
 * "2 producteurs", never "producteur(s)"); every instant reads on the relay's
 * clock even when the browser sits in another zone (this browser is in
 * Brussels, the relay in Montreal); a payment's day is typed and shown day
 * first, as the relay writes it, and an unreadable one is refused.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { addDays, todayIn } from '../shared/distributions/calendar';
import { test, expect } from './fixtures';
import { seriousViolations } from './support/axe';
import { api } from './support/api';
import { storedRecords } from './support/stored';

type Ids = { id: string };

test('counts agree with their number, in French and in English', async ({ app, host }) => {
  const call = api(app.request, host);
  await call('producers.create', { name: 'Ferme du Bois' });
  await app.reload();
  await app.getByRole('navigation').getByRole('link', { name: 'Producteurs' }).click();
  await expect(app.getByText('1 producteur', { exact: true })).toBeVisible();
  await call('producers.create', { name: 'Boulangerie Martin' });
  await app.reload();
  await expect(app.getByText('2 producteurs', { exact: true })).toBeVisible();
  await call('relay.update', { language: 'en' });
  await app.reload();
  await expect(app.getByText('2 producers', { exact: true })).toBeVisible();
  await expect(app.getByText(/\(s\)/)).toHaveCount(0);
});

test('a payment reads on the relay’s clock, not the browser’s, and its day is typed day first', async ({ app, host }) => {
  const call = api(app.request, host);
  await call('relay.update', { timeZone: 'America/Montreal' });
  const anne = await call<Ids>('members.create', { name: 'Anne Dupont' });
  const paid = await call<{ at: string }>('accounts.recordPayment', { memberId: anne.id, amountCents: 1000, method: 'cash' });
  const clock = (zone: string) => format(new TZDate(Date.parse(paid.at), zone), 'HH:mm');
  expect(clock('America/Montreal')).not.toBe(clock('Europe/Brussels'));

  // The relay's settings are read when the app opens: open it again after changing them behind its back.
  await app.evaluate((hash) => (window.location.hash = hash), `#/accounts/${anne.id}`);
  await app.reload();
  await expect(app.getByRole('heading', { level: 1, name: 'Compte de Anne Dupont' })).toBeVisible();
  const statement = app.getByRole('table', { name: /Relevé du compte/ });
  const cashRow = statement.getByRole('row', { name: /Paiement \(Espèces\)/ });
  await expect(cashRow).toContainText(clock('America/Montreal'));
  await expect(cashRow).not.toContainText(clock('Europe/Brussels'));

  // The day field shows the relay's today, day first, and says how to type it.
  const today = todayIn('America/Montreal', new Date());
  const typed = (day: string) => day.split('-').reverse().join('/');
  const date = app.getByLabel('Date', { exact: true });
  await expect(date).toHaveValue(typed(today));
  await expect(app.getByText(`jour/mois/année, par exemple ${typed(today)}`)).toBeVisible();
  expect(await seriousViolations(app)).toEqual([]);

  // A month-first (US) date is refused where it was typed, and nothing is recorded.
  await app.getByLabel('Montant (€)').fill('5');
  await date.fill('12/31/2025');
  await app.getByRole('button', { name: 'Enregistrer le paiement' }).click();
  await expect(app.getByText(`Date illisible : tapez jour/mois/année, par exemple ${typed(today)}.`).first()).toBeVisible();
  await expect(date).toBeFocused();
  await expect(statement.getByRole('row')).toHaveCount(2);

  // Yesterday, typed the relay's way, is recorded on that day.
  const yesterday = addDays(today, -1);
  await date.fill(typed(yesterday));
  await app.getByRole('button', { name: 'Enregistrer le paiement' }).click();
  await expect(app.getByRole('status')).toHaveText('Paiement de 5,00 € enregistré (Virement).');
  const [year, month, day] = yesterday.split('-').map(Number) as [number, number, number];
  const dayText = new Intl.DateTimeFormat('fr-BE', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(year, month - 1, day, 12));
  await expect(statement.getByRole('row', { name: /Paiement \(Virement\)/ })).toContainText(dayText);
});

test.describe('in a browser set to American English', () => {
  test.use({ locale: 'en-US' });

  test('times are typed and shown on the relay’s 24-hour clock, never as AM/PM', async ({ app, dataDir }) => {
    await app.getByRole('navigation').getByRole('link', { name: 'Distributions' }).click();
    await app.getByRole('button', { name: 'Nouvelle distribution' }).click();
    const dialog = app.getByRole('dialog', { name: 'Nouvelle distribution' });
    await dialog.getByLabel('Jour de retrait').fill('07/05/2027');
    await expect(dialog.getByLabel('Début du retrait')).toHaveValue(/^\d\d:\d\d$/);
    // Written the French way, read as 17:45; shown as it will be kept once the field is left.
    await dialog.getByLabel('Début du retrait').fill('17h45');
    await dialog.getByLabel('Fin du retrait').fill('1930');
    await dialog.getByLabel('Fin du retrait').press('Tab');
    await expect(dialog.getByLabel('Début du retrait')).toHaveValue('17:45');
    await expect(dialog.getByLabel('Fin du retrait')).toHaveValue('19:30');
    // A 12-hour time is not read by guessing: said at its field, nothing written.
    await dialog.getByLabel('Fin du retrait').fill('7:30 PM');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog.getByRole('alert')).toBeVisible();
    expect(await storedRecords(dataDir, 'distribution')).toEqual([]);

    await dialog.getByLabel('Fin du retrait').fill('19:30');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog).toHaveCount(0);
    expect(await storedRecords(dataDir, 'distribution')).toMatchObject([{ pickupStart: '17:45', pickupEnd: '19:30' }]);
  });
});

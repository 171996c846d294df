/**
 * A network of relays on one CouchDB (issue 16): the producer's own copy shows
 * its network id in Réglages; the organiser records it on the producer, as the
 * producer reads it out, and a mistyped one is refused with what it should be.
 */
import { expect, test } from './fixtures';
import { api } from './support/api';
import { storedRecords } from './support/stored';

test('the organiser links a producer to the network with the id its own copy shows', async ({ app, host, request, dataDir, restartHost }) => {
  const call = api(request, host);
  const { producer } = await call<{ producer: { id: string } }>('producers.create', { name: 'Ferme du Bois' });
  const { networkId } = await call<{ networkId: string }>('network.identity', {});

  await app.getByRole('navigation').getByRole('link', { name: 'Producteurs' }).click();
  await app.getByRole('button', { name: 'Modifier Ferme du Bois' }).click();
  const dialog = app.getByRole('dialog', { name: 'Modifier le producteur' });
  await dialog.getByLabel('Identifiant réseau').fill('1234');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog.getByText(/Un identifiant réseau a 24 caractères/).first()).toBeVisible();
  expect((await storedRecords(dataDir, 'producer'))[0]).not.toHaveProperty('networkId', '1234');

  // Read out in groups and capitals: taken as the same id.
  await dialog.getByLabel('Identifiant réseau').fill(networkId.toUpperCase().replace(/(.{4})(?!$)/g, '$1 '));
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(app.getByRole('status')).toContainText('Producteur « Ferme du Bois » enregistré.');
  expect(await storedRecords(dataDir, 'producer')).toEqual([expect.objectContaining({ id: producer.id, networkId })]);

  // The relay's own shop account takes the member page's address too.
  await app.getByRole('navigation').getByRole('link', { name: 'Réglages' }).click();
  await expect(app.getByRole('heading', { name: 'Commande en ligne des membres' })).toBeVisible();
  await expect(app.getByLabel('Adresse de la page des membres')).toBeVisible();

  // The same machine as a producer's copy: Réglages shows the id to read out, and the server account to publish with.
  await call('sync.saveSettings', { role: 'producer' });
  await restartHost();
  await app.getByRole('navigation').getByRole('link', { name: 'Réglages' }).click();
  await expect(app.getByRole('heading', { name: 'Identifiant réseau de cette copie' })).toBeVisible();
  await expect(app.getByTestId('network-id')).toHaveText(networkId);
  await expect(app.getByLabel('Adresse de la page des membres')).toHaveCount(0);
  await app.getByLabel('Adresse du serveur CouchDB').fill('ftp://couch.example');
  await app.getByLabel('Compte administrateur').fill('admin');
  await app.getByLabel('Mot de passe administrateur').fill('secret');
  await app.getByRole('button', { name: 'Utiliser ce serveur' }).click();
  await expect(app.getByText(/Une adresse http:\/\/ ou https:\/\//).first()).toBeVisible();
  await app.getByLabel('Adresse du serveur CouchDB').fill('https://couch.example');
  await app.getByRole('button', { name: 'Utiliser ce serveur' }).click();
  await expect(app.getByRole('status')).toContainText('Réglages de la commande en ligne enregistrés.');
  await expect(app.getByLabel('Mot de passe administrateur')).toHaveValue('');
});

/**
 * A network of relays on one CouchDB (issue 16): the producer's own copy shows
 * its network id in Réglages; the organiser records it on the producer, as the
 * producer reads it out, and a mistyped one is refused with what it should be.
 */
import { expect, test } from './fixtures';
import { api } from './support/api';
import { storedRecords } from './support/stored';
import { spawnCouch, type SpawnedCouch } from '../scripts/spawn-couch';
import { printToPdf } from './support/pdf';

let couch: SpawnedCouch;
test.beforeAll(async () => {
  couch = await spawnCouch();
});
test.afterAll(async () => {
  await couch?.close();
});

/** The server as its admin sees it: what another relay of the network writes there, and what the producer published. */
async function asAdmin(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${couch.url}/${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${couch.admin.username}:${couch.admin.password}`).toString('base64')}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await response.json()) as Record<string, unknown>;
}

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
  await app.getByLabel('Compte', { exact: true }).fill('admin');
  await app.getByLabel('Mot de passe', { exact: true }).fill('secret');
  await app.getByRole('button', { name: 'Utiliser ce serveur' }).click();
  await expect(app.getByText(/Une adresse http:\/\/ ou https:\/\//).first()).toBeVisible();
  await app.getByLabel('Adresse du serveur CouchDB').fill('https://couch.example');
  await app.getByRole('button', { name: 'Utiliser ce serveur' }).click();
  await expect(app.getByRole('status')).toContainText('Réglages de la commande en ligne enregistrés.');
  await expect(app.getByLabel('Mot de passe', { exact: true })).toHaveValue('');
});

test('the organiser hands the producer its own account; the producer’s copy declares stock to another relay with it', async ({ app, host, request, dataDir, restartHost }) => {
  const call = api(request, host);
  await call('shop.saveSettings', { url: couch.url, username: couch.admin.username, password: couch.admin.password, pageUrl: `${couch.url}/` });
  const { producer } = await call<{ producer: { id: string } }>('producers.create', { name: 'Ferme du Bois' });
  const carrots = await call<{ id: string }>('products.create', { producerId: producer.id, name: 'Carottes', category: 'légumes', unit: 'kg', priceCents: 250, vatRateBp: 600 });
  const { networkId } = await call<{ networkId: string }>('network.identity', {});
  await call('producers.update', { id: producer.id, changes: { networkId } });

  // The organiser makes the producer's account from its dialog: three lines to hand over.
  await app.getByRole('navigation').getByRole('link', { name: 'Producteurs' }).click();
  await app.getByRole('button', { name: 'Modifier Ferme du Bois' }).click();
  const dialog = app.getByRole('dialog', { name: 'Modifier le producteur' });
  await dialog.getByRole('button', { name: 'Créer l’accès du producteur' }).click();
  const access = dialog.getByTestId('producer-access');
  await expect(access).toContainText(`cabas-producer-${networkId}`);
  const password = (await access.locator('dd').nth(2).textContent())!;
  expect(password).not.toBe(couch.admin.password);
  // Sent by e-mail only to a producer with an address: said plainly, nothing put in the outbox.
  await dialog.getByRole('button', { name: 'Envoyer l’accès par e-mail' }).click();
  await expect(dialog.getByText('« Ferme du Bois » n’a pas d’adresse e-mail')).toBeVisible();
  expect((await call<{ total: number }>('outbox.list', {})).total).toBe(0);
  // Printed to hand over: the same three lines (asking again is no reset), and where to type them.
  await dialog.getByRole('link', { name: 'Imprimer pour le producteur' }).click();
  await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
  const sheet = (await printToPdf(app, dataDir, 'producer-access')).all();
  for (const text of ['Accès au serveur du réseau — Ferme du Bois', couch.url, `cabas-producer-${networkId}`, password, 'Utiliser ce serveur']) expect(sheet).toContain(text);

  // Another relay of the network (Namur) takes stock from this producer for its Saturday.
  // As that relay's sync writes it (electron/shop/network-calendar.ts): read by producers' accounts only.
  const day = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
  await asAdmin('PUT', 'cabas-network');
  await asAdmin('PUT', 'cabas-network/_security', { admins: { names: [], roles: [] }, members: { names: [], roles: ['cabas-producer'] } });
  await asAdmin('PUT', 'cabas-network/distribution:namur-1', {
    type: 'distribution', distributionId: 'namur-1', shop: 'cabas-shop-namur', relayName: 'Relais de Namur', pickupDate: day, pickupStart: '10:00', pickupEnd: '12:00',
    closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), networkIds: [networkId], publishedAt: new Date().toISOString(),
  });

  // The same machine as the producer's copy, with the account it was given.
  await call('sync.saveSettings', { role: 'producer', producerId: producer.id });
  await restartHost();
  await app.getByRole('navigation').getByRole('link', { name: 'Réglages' }).click();
  await app.getByLabel('Compte', { exact: true }).fill(`cabas-producer-${networkId}`);
  await app.getByLabel('Mot de passe', { exact: true }).fill(password);
  await app.getByRole('button', { name: 'Utiliser ce serveur' }).click();
  await expect(app.getByRole('status')).toContainText('Réglages de la commande en ligne enregistrés.');
  await app.getByRole('navigation').getByRole('link', { name: 'Synchronisation' }).click();
  await app.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  await expect(app.getByText(/Réseau : 1 produit publié/)).toBeVisible();
  // No shared folder on this copy: no word of folders' changes, the network's line alone.
  await expect(app.getByText(/Synchronisation terminée/)).toHaveCount(0);

  await app.getByRole('navigation').getByRole('link', { name: 'Stocks' }).click();
  const section = app.getByRole('region', { name: 'Stock pour les autres relais du réseau' });
  const quantity = section.getByRole('textbox', { name: /Quantité de Carottes pour Relais de Namur/ });
  await quantity.fill('six');
  await section.getByRole('button', { name: 'Enregistrer pour Relais de Namur' }).click();
  await expect(section.getByText('Un nombre entier, ou rien.')).toBeVisible();
  await quantity.fill('6');
  await section.getByRole('button', { name: 'Enregistrer pour Relais de Namur' }).click();
  await expect(app.getByRole('status')).toContainText('Stock pour Relais de Namur enregistré');

  await app.getByRole('navigation').getByRole('link', { name: 'Synchronisation' }).click();
  await app.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  await expect(app.getByText(/Réseau : 1 produit publié, stock de 1 distribution/)).toBeVisible();
  const stock = await asAdmin('GET', `cabas-producer-${networkId}/stock:namur-1`);
  expect(stock.offers).toEqual([expect.objectContaining({ productId: carrots.id, quantity: 6, withdrawn: false })]);
});

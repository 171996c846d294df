/**
 * Members order online (issue 16): Cabas publishes a distribution to the
 * relay's CouchDB (the tests' stand-in, in its own process), two members'
 * pages order the last carrots at the same moment, the organiser syncs the
 * shop from Réglages: exactly the stock is sold, and the member served second
 * sees the refused line on their page. Both also want the one place of the
 * 17:00 slot: the second is told it was full, and their order is still taken.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { createServer, type ViteDevServer } from 'vite';
import { expect, test } from './fixtures';
import { api, openDistributionDraft } from './support/api';
import { spawnCouch, type SpawnedCouch } from '../scripts/spawn-couch';
import { qrDrawing } from '../shared/shop/qr';

interface Ids {
  id: string;
}

let couch: SpawnedCouch;
let pageServer: ViteDevServer;
let pageUrl: string;
let teamDir: string;

test.beforeAll(async () => {
  teamDir = await mkdtemp(join(tmpdir(), 'cabas-e2e-shop-team-'));
  couch = await spawnCouch();
  process.env.COUCH_URL = couch.url;
  pageServer = await createServer({
    configFile: fileURLToPath(new URL('../renderer/shop/vite.config.ts', import.meta.url)),
    server: { port: 0, strictPort: false },
    logLevel: 'silent',
  });
  await pageServer.listen();
  pageUrl = pageServer.resolvedUrls!.local[0]!;
});

test.afterAll(async () => {
  await pageServer?.close();
  await couch?.close();
  await rm(teamDir, { recursive: true, force: true });
});

test('two members order the last carrots at once: the stock is never oversold and the refused line shows on the second page', async ({ app, host, request, browser }) => {
  const call = api(request, host);
  const farm = (await call<{ producer: Ids }>('producers.create', { name: 'Ferme du Bois' })).producer.id;
  const carrots = await call<Ids>('products.create', { producerId: farm, name: 'Carottes', category: 'légumes', unit: 'kg', priceCents: 250, vatRateBp: 600 });
  const distribution = await call<Ids>('distributions.create', openDistributionDraft());
  await call('offers.set', { distributionId: distribution.id, productId: carrots.id, quantity: 3 });
  // Bread aplenty: the member served second still has an order, for which the full slot is refused.
  const bread = await call<Ids>('products.create', { producerId: farm, name: 'Pain', category: 'pain', unit: 'piece', priceCents: 380, vatRateBp: 600 });
  await call('offers.set', { distributionId: distribution.id, productId: bread.id, quantity: 20 });
  await call('slots.add', { distributionId: distribution.id, start: '17:00', end: '18:00', capacity: 1 });
  await call('slots.add', { distributionId: distribution.id, start: '18:00', end: '19:00', capacity: 5 });
  const anne = await call<Ids>('members.create', { name: 'Anne Leroy' });
  const paul = await call<Ids>('members.create', { name: 'Paul Petit' });
  // Cabas talks to CouchDB through the page's server, as behind the README's reverse proxy: one origin for both.
  await call('shop.saveSettings', { url: `${pageUrl}couch`, username: couch.admin.username, password: couch.admin.password, pageUrl });
  await call('shop.sync', {});
  const links = [await call<{ link: string }>('shop.memberLink', { memberId: anne.id }), await call<{ link: string }>('shop.memberLink', { memberId: paul.id })];

  const pages = await Promise.all(
    links.map(async ({ link }) => {
      const context = await browser.newContext({ locale: 'fr-BE', viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(link);
      await expect(page.getByText('Reste : 3', { exact: true })).toBeVisible();
      await page.getByLabel('Quantité de Carottes').fill('2');
      await page.getByLabel('Quantité de Pain').fill('1');
      await page.getByLabel('Créneau de retrait').selectOption({ label: '17:00–18:00 (1 place libre)' });
      return page;
    }),
  );
  // Both send at the same moment, while the relay is offline: both are received.
  await Promise.all(pages.map((page) => page.getByRole('button', { name: 'Envoyer ma commande' }).click()));
  for (const page of pages) await expect(page.getByRole('status').filter({ hasText: 'Reçue' })).toBeVisible();

  // The organiser's usual sync (the sync screen, with a team folder) takes the shop in too, and says what it brought.
  await call('sync.saveSettings', { teamFolder: teamDir, autoSyncMinutes: 0 });
  await app.evaluate(() => (window.location.hash = '#/sync'));
  await app.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  await expect(app.getByText('Boutique en ligne : 2 commandes reçues, 1 ligne refusée.')).toBeVisible();
  // Syncing the shop again from Réglages finds nothing new.
  await app.getByRole('link', { name: 'Réglages' }).click();
  await app.getByRole('button', { name: 'Synchroniser la boutique' }).click();
  await expect(app.getByText('1 distribution publiée, aucune commande reçue, aucune ligne refusée.')).toBeVisible();

  const orders = await call<{ order: { lines: { productId: string; quantity: number }[] } }[]>('orders.list', { distributionId: distribution.id });
  const carrotLines = orders.flatMap((each) => each.order.lines).filter((line) => line.productId === carrots.id);
  expect(carrotLines.reduce((sum, line) => sum + line.quantity, 0)).toBe(2);
  // One page accepted, the other told its line was refused: 2 wanted, only 1 left.
  const accepted = pages.map((page) => page.getByText('Acceptée par le relais.'));
  const refused = pages.map((page) => page.getByText('Carottes : 2 demandés, plus que 1 disponible.'));
  await expect(async () => {
    const shown = await Promise.all([...accepted, ...refused].map((locator) => locator.isVisible()));
    expect(shown.filter(Boolean)).toHaveLength(2);
    expect(shown[0] !== shown[1] && shown[2] !== shown[3] && shown[0] !== shown[2]).toBe(true);
  }).toPass();
  // Both pages now show the stock as the relay published it, and the 17:00 slot full.
  for (const page of pages) {
    await expect(page.getByText('Reste : 1', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Créneau de retrait').getByRole('option', { name: '17:00–18:00 (complet)' })).toBeAttached();
  }
  // One page holds the 17:00 slot; the other was told it was full and placed at 18:00, its order taken all the same.
  const held = pages.map((page) => page.getByText('Retrait dans le créneau 17:00–18:00.'));
  const full = pages.map((page) => page.getByText('Le créneau 17:00–18:00 était complet : votre commande est prise quand même.'));
  await expect(async () => {
    const shown = await Promise.all([...held, ...full].map((locator) => locator.isVisible()));
    expect(shown.filter(Boolean)).toHaveLength(2);
    expect(shown[0] !== shown[1] && shown[2] !== shown[3] && shown[0] !== shown[2]).toBe(true);
  }).toPass();
  const slots = await call<{ start: string; orderCount: number }[]>('slots.list', { distributionId: distribution.id });
  expect(slots.map((slot) => [slot.start, slot.orderCount])).toEqual([['17:00', 1], ['18:00', 1]]);

  // Each bag slip carries the member's own link as a QR code: the code drawn is the one of Anne's link.
  await app.evaluate((target) => (window.location.hash = target), `#/print/pickup/${distribution.id}/slips`);
  await expect(app.locator('[data-print-state="ready"]')).toBeVisible();
  const annesQr = app.getByRole('img', { name: 'Lien de commande en ligne de Anne Leroy (code QR)' });
  expect(await annesQr.locator('path').getAttribute('d')).toBe(qrDrawing(links[0]!.link).path);
  await expect(app.getByRole('img', { name: /code QR/ })).toHaveCount(2);
});

test('the organiser e-mails a member their ordering link from the member’s dialog: the outbox prepares it with the link in it', async ({ app, host, request, dataDir }) => {
  const call = api(request, host);
  const draft = openDistributionDraft();
  await call('distributions.create', draft);
  const anne = await call<Ids>('members.create', { name: 'Anne Leroy', email: 'anne@example.org' });
  await call('shop.saveSettings', { url: `${pageUrl}couch`, username: couch.admin.username, password: couch.admin.password, pageUrl });

  await app.getByRole('link', { name: 'Membres', exact: true }).click();
  await app.getByRole('button', { name: 'Modifier Anne Leroy' }).click();
  const dialog = app.getByRole('dialog', { name: 'Modifier le membre' });
  await dialog.getByRole('button', { name: 'Envoyer le lien par e-mail' }).click();
  await expect(dialog.getByRole('status')).toContainText('Message préparé dans la boîte d’envoi');

  // The .eml any mail program sends carries the link itself; the outbox's synced record only a placeholder.
  const { link } = await call<{ link: string }>('shop.memberLink', { memberId: anne.id });
  const folder = join(dataDir, 'messages', draft.pickupDate);
  await expect.poll(async () => (await readdir(folder).catch(() => [])).filter((name) => name.startsWith('memberLink-')).length).toBe(1);
  const [file] = (await readdir(folder)).filter((name) => name.startsWith('memberLink-'));
  const mail = await simpleParser(await readFile(join(folder, file!)));
  expect(mail.text).toContain(link);
  const [listed] = (await call<{ messages: { id: string; kind: string }[] }>('outbox.list', {})).messages;
  expect(listed).toMatchObject({ kind: 'memberLink' });
  const stored = await call<{ text: string }>('outbox.get', { id: listed!.id });
  expect(stored.text).toContain('[[cabas:personal-ordering-link]]');
  expect(stored.text).not.toContain(new URLSearchParams(link.split('#')[1]).get('secret')!);
});

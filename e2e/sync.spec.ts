import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { format } from 'date-fns';
import { fr } from 'date-fns/locale';
import { test, expect } from './fixtures';
import { seriousViolations } from './support/axe';
import { api, enrolOverApi, openDistributionDraft } from './support/api';
import { startHostProcess, type HostProcess } from './support/host-process';
import { createBatch, serialiseBatch, signedText } from '../shared/sync/envelope';
import { loadIdentity } from '../electron/sync/identity';

type Ids = { id: string };

/** Every file under a folder, read as text: what a copy keeps on disk, whatever the file. */
async function allText(dir: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  return texts.join('\n');
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });

async function openSync(page: Page) {
  await nav(page).getByRole('link', { name: 'Synchronisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Synchronisation' })).toBeVisible();
}

/** "Synchroniser maintenant" from the sync screen, waiting for the end of the sync. */
async function syncNow(page: Page) {
  await openSync(page);
  await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  await expect(page.getByRole('status')).toContainText('Synchronisation terminée');
}

async function openStock(page: Page) {
  await nav(page).getByRole('link', { name: 'Stocks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stocks' })).toBeVisible();
}

async function setStock(page: Page, cellName: string, quantity: string) {
  await openStock(page);
  const cell = page.getByRole('textbox', { name: cellName, exact: true });
  await cell.fill(quantity);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status')).toContainText('Stocks enregistrés');
}

test.describe('two copies sync through a shared folder', () => {
  test('the producer’s copy enters stock, sees what is ordered and no member; a stock lowered below an offline sale is a conflict the organiser resolves', async ({
    app: organiser,
    host,
    dataDir,
    request,
    restartHost,
    context,
  }) => {
    test.setTimeout(180_000);
    const syncDir = await mkdtemp(join(tmpdir(), 'cabas-e2e-sync-'));
    const producerData = await mkdtemp(join(tmpdir(), 'cabas-e2e-producer-'));
    let producerHost: HostProcess | null = null;
    try {
      // The organiser's relay: a farm with carrots, and a distribution open for orders.
      const call = api(request, host);
      const bois = (await call<{ producer: Ids }>('producers.create', { name: 'Ferme du Bois' })).producer;
      const carrots = await call<Ids>('products.create', { producerId: bois.id, name: 'Carottes', category: 'légumes', unit: 'kg', priceCents: 250, vatRateBp: 600 });
      const distribution = await call<Ids & { pickupDate: string }>('distributions.create', openDistributionDraft());
      const cellName = `Carottes — ${format(new Date(`${distribution.pickupDate}T12:00`), 'EEE d MMM', { locale: fr })}`;

      // Organiser's copy A: the producers folder, then a first sync that publishes the catalogue.
      await openSync(organiser);
      await organiser.getByLabel('Dossier des producteurs').fill(syncDir);
      await organiser.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(organiser.getByRole('status')).toHaveText('Réglages de synchronisation enregistrés.');
      // While a sync runs the screen says so, with a labelled progress bar (the answer is held back here to see it).
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await organiser.route('**/api/call/sync.now', async (route) => {
        const response = await route.fetch();
        await held;
        await route.fulfill({ response });
      });
      await organiser.getByRole('button', { name: 'Synchroniser maintenant' }).click();
      await expect(organiser.getByRole('button', { name: 'Synchronisation…' })).toBeDisabled();
      await expect(organiser.getByRole('progressbar', { name: 'Préparation…' })).toBeVisible();
      release();
      await expect(organiser.getByRole('status')).toContainText('Synchronisation terminée');
      await expect(organiser.getByRole('progressbar')).toHaveCount(0);
      await organiser.unroute('**/api/call/sync.now');
      const producersFolder = organiser.getByRole('region', { name: 'Dossier des producteurs' });
      await expect(producersFolder).toContainText(syncDir);
      await expect(producersFolder).not.toContainText('jamais');
      expect(await seriousViolations(organiser)).toEqual([]);

      // Producer's copy B, on its own data folder: a producer's copy, whose producer comes with the first sync.
      producerHost = await startHostProcess(producerData);
      const producer = await context.newPage();
      await producer.goto(producerHost.openUrl);
      await openSync(producer);
      await producer.getByLabel('Rôle de cette copie').selectOption('producer');
      await expect(producer.getByLabel('Producteur de cette copie')).toHaveAccessibleDescription(/synchronisez d’abord/);
      await expect(producer.getByLabel('Dossier de l’équipe')).toBeDisabled();
      await producer.getByLabel('Dossier des producteurs').fill(syncDir);
      await producer.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(producer.getByRole('status')).toHaveText('Réglages de synchronisation enregistrés.');
      await expect(producer.getByText('Copie producteur — choisissez votre producteur dans « Synchronisation ».')).toBeVisible();
      await syncNow(producer);
      await producer.getByLabel('Producteur de cette copie').selectOption({ label: 'Ferme du Bois' });
      await producer.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(producer.getByRole('status')).toHaveText('Réglages de synchronisation enregistrés.');
      await expect(producer.getByText('Copie producteur — Ferme du Bois')).toBeVisible();
      // Until the organiser approves it, the producer's copy says it waits, and shows its code.
      await syncNow(producer);
      const producerCopies = producer.getByRole('region', { name: 'Copies et approbations' });
      await expect(producerCopies).toContainText('attend l’approbation de l’organisateur');
      const code = (await producerCopies.getByTestId('my-copy-code').textContent())!;
      expect(code).toMatch(/^\d{3} \d{3}$/);
      // The organiser's copy lists it as waiting, with the same code: the organiser compares, and approves.
      await openSync(organiser);
      await organiser.getByRole('button', { name: 'Synchroniser maintenant' }).click();
      await expect(organiser.getByRole('status')).toContainText('Synchronisation terminée, avec des problèmes');
      const organiserCopies = organiser.getByRole('region', { name: 'Copies et approbations' });
      await expect(organiserCopies.getByRole('heading', { name: '1 copie attend votre approbation' })).toBeVisible();
      await expect(organiserCopies).toContainText(`producteur : Ferme du Bois — code ${code}`);
      expect(await seriousViolations(organiser)).toEqual([]);
      await organiserCopies.getByRole('button', { name: `Approuver la copie au code ${code}` }).click();
      await expect(organiser.getByRole('status')).toHaveText('Copie approuvée : ses changements seront pris à la prochaine synchronisation.');
      await expect(organiserCopies.getByRole('heading', { name: 'Aucune copie n’attend d’approbation.' })).toBeVisible();
      await syncNow(producer);
      await expect(producerCopies).toContainText('Cette copie est approuvée par la copie de l’organisateur');
      await expect(nav(producer).getByRole('link')).toHaveText(['Catalogue', 'Stocks', 'Synchronisation', 'Réglages']);
      // Its settings: the relay's come from the organiser; its own backups are there.
      await nav(producer).getByRole('link', { name: 'Réglages' }).click();
      await expect(producer.getByText(/^Copie producteur : les réglages du relais viennent de l’organisateur/)).toBeVisible();
      await expect(producer.getByLabel('Nom du relais')).toHaveCount(0);
      await expect(producer.getByRole('button', { name: 'Sauvegarder maintenant' })).toBeVisible();
      // Its catalogue opens on its own products.
      await nav(producer).getByRole('link', { name: 'Catalogue' }).click();
      await expect(producer.getByLabel('Producteur', { exact: true })).toHaveValue(bois.id);
      await expect(producer.getByRole('row', { name: /Carottes/ })).toBeVisible();
      // It shows the catalogue but does not offer to change it: that is the organiser's.
      await expect(producer.getByRole('button', { name: 'Nouveau produit' })).toHaveCount(0);
      await expect(producer.getByRole('button', { name: /^Modifier Carottes/ })).toHaveCount(0);

      // The producer enters 10 kg of carrots on its copy and syncs; the organiser's copy sees them after its sync.
      await setStock(producer, cellName, '10');
      await syncNow(producer);
      await syncNow(organiser);
      await openStock(organiser);
      await organiser.getByLabel('Producteur').selectOption({ label: 'Ferme du Bois' });
      await expect(organiser.getByRole('textbox', { name: cellName, exact: true })).toHaveValue('10');

      // Someone with the folder writes a batch in the producer's directory, under its id but without its key: refused and listed.
      const producerDevice = (await api(request, producerHost)<{ deviceId: string }>('sync.status', {})).deviceId;
      const producerDir = join(syncDir, 'cabas-sync', producerDevice);
      const seqs = (await readdir(producerDir)).filter((name) => name.endsWith('.batch')).map((name) => Number.parseInt(name, 10));
      const seq = Math.max(0, ...seqs) + 1;
      const forgedFile = `${String(seq).padStart(8, '0')}.batch`;
      const forged = { at: `${new Date().toISOString()}-0000-${producerDevice}`, device: producerDevice, entity: 'product' as const, entityId: carrots.id, fields: { priceCents: 1 } };
      await writeFile(join(producerDir, forgedFile), serialiseBatch(createBatch(producerDevice, seq, [forged])));
      await syncNow(organiser);
      const setAside = organiser.getByRole('region', { name: 'Mis de côté et refusé' });
      await expect(setAside.getByRole('heading', { name: 'Refusé (1)' })).toBeVisible();
      await expect(setAside).toContainText(`Fichier refusé : ${producerDevice}/${forgedFile} n’est pas signé par la clé de la copie ${producerDevice}.`);
      expect((await call<{ id: string; priceCents: number }[]>('products.list', { producerId: bois.id })).find((product) => product.id === carrots.id)?.priceCents).toBe(250);

      // The organiser takes Zoé's order for 3 kg and syncs: the producer's copy sees 3 ordered, and nothing of Zoé.
      const zoe = await call<Ids>('members.create', { name: 'Zoé Martin', phone: '0470 98 76 54', email: 'zoe.martin@example.org' });
      const order = await call<Ids>('orders.open', { distributionId: distribution.id, memberId: zoe.id });
      await call('orders.addLine', { orderId: order.id, productId: carrots.id, quantity: 3 });
      await syncNow(organiser);
      await syncNow(producer);
      await openStock(producer);
      await expect(producer.getByText('commandé : 3 · reste : 7')).toBeVisible();
      // The scan can see a name: the organiser's own folder has Zoé.
      expect(await allText(dataDir)).toContain('Zoé');
      for (const dir of [producerData, syncDir]) {
        const text = await allText(dir);
        for (const secret of ['Zoé', 'Zo\\u00e9', '0470 98 76 54', 'zoe.martin@example.org']) expect(text, `${dir} holds ${secret}`).not.toContain(secret);
      }
      await expect(nav(producer).getByRole('link', { name: 'Membres' })).toHaveCount(0);
      await producer.goto(`${producerHost.url}#/members`);
      await expect(producer.getByRole('heading', { level: 1 })).toHaveText('Membres — pas sur une copie producteur');

      // Offline on both sides: the organiser sells 4 more (7 ordered, not synced), the producer lowers the stock to 5 (it knows of 3).
      const leo = await call<Ids>('members.create', { name: 'Léo Dubois' });
      const second = await call<Ids>('orders.open', { distributionId: distribution.id, memberId: leo.id });
      await call('orders.addLine', { orderId: second.id, productId: carrots.id, quantity: 4 });
      await setStock(producer, cellName, '5');
      await syncNow(producer);

      // The organiser syncs: one conflict, listed with the figures, resolved by raising the stock to what was sold.
      await syncNow(organiser);
      await organiser.getByRole('link', { name: '1 conflit à résoudre' }).click();
      await expect(organiser.getByRole('heading', { level: 1, name: 'Conflits de synchronisation' })).toBeVisible();
      const row = organiser.getByRole('row', { name: /Carottes/ });
      await expect(row).toContainText('Ferme du Bois');
      await expect(row).toContainText('stock 5, commandé 7');
      expect(await seriousViolations(organiser)).toEqual([]);
      // Trimming the orders asks first, and says what it does; cancelling changes nothing.
      await row.getByRole('button', { name: /^Réduire les commandes — Carottes/ }).click();
      const dialog = organiser.getByRole('dialog', { name: 'Réduire les commandes ?' });
      await expect(dialog).toContainText('les commandes passent de 7 à 5. Les lignes ajoutées en dernier cèdent la place');
      await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
      await organiser.keyboard.press('Enter');
      await expect(dialog).toHaveCount(0);
      await expect(row).toContainText('stock 5, commandé 7');
      await row.getByRole('button', { name: 'Porter le stock à 7' }).click();
      await expect(organiser.getByRole('status')).toHaveText('Stock de Carottes porté à 7.');
      await expect(organiser.getByText('Aucun conflit : toutes les copies sont d’accord.')).toBeVisible();

      // Resolved on disk: after a restart the list is still empty and the stock is 7.
      await restartHost();
      await openSync(organiser);
      await expect(organiser.getByText('Aucun conflit à résoudre.')).toBeVisible();
      await organiser.getByRole('link', { name: 'Voir les conflits' }).click();
      await expect(organiser.getByText('Aucun conflit : toutes les copies sont d’accord.')).toBeVisible();
      await openStock(organiser);
      await organiser.getByLabel('Producteur').selectOption({ label: 'Ferme du Bois' });
      await expect(organiser.getByRole('textbox', { name: cellName, exact: true })).toHaveValue('7');
    } finally {
      await producerHost?.stop();
      await rm(syncDir, { recursive: true, force: true });
      await rm(producerData, { recursive: true, force: true });
    }
  });

  test('two organisers’ copies working offline: an order changed on both, a member ordering on both, one basket number given twice, an order collected on both, a payment reversed on both — each resolved from the list', async ({
    host,
    request,
    context,
  }) => {
    const teamDir = await mkdtemp(join(tmpdir(), 'cabas-e2e-team-'));
    const secondData = await mkdtemp(join(tmpdir(), 'cabas-e2e-second-'));
    let secondHost: HostProcess | null = null;
    try {
      // Set-up through the API: two organisers' copies sharing a team folder, and Anne's order known to both.
      secondHost = await startHostProcess(secondData);
      const first = api(request, host);
      const second = api(request, secondHost);
      const bois = (await first<{ producer: Ids }>('producers.create', { name: 'Ferme du Bois' })).producer;
      const product = (name: string) => first<Ids>('products.create', { producerId: bois.id, name, category: 'légumes', unit: 'kg', priceCents: 250, vatRateBp: 600 });
      const carrots = await product('Carottes');
      const leeks = await product('Poireaux');
      const distribution = await first<Ids>('distributions.create', openDistributionDraft());
      for (const item of [carrots, leeks]) await first('offers.set', { distributionId: distribution.id, productId: item.id, quantity: 20 });
      const anne = await first<Ids>('members.create', { name: 'Anne Dupont' });
      const bob = await first<Ids>('members.create', { name: 'Bob Leroy' });
      const opened = await first<Ids>('orders.open', { distributionId: distribution.id, memberId: anne.id });
      const placed = await first<Ids & { basketNumber: number; lines: Ids[] }>('orders.addLine', { orderId: opened.id, productId: carrots.id, quantity: 1 });
      const claire = await first<Ids>('members.create', { name: 'Claire Martin' });
      const claires = await first<Ids>('orders.open', { distributionId: distribution.id, memberId: claire.id });
      await first('orders.addLine', { orderId: claires.id, productId: leeks.id, quantity: 2 });
      const denis = await first<Ids>('members.create', { name: 'Denis Roy' });
      const advance = await first<Ids>('accounts.recordPayment', { memberId: denis.id, amountCents: 2000, method: 'transfer', reference: 'virement 12' });
      // The first copy keeps the roster: it approves the second (by its code on screen: the first test).
      await enrolOverApi(first, second, teamDir);

      // Offline on both: the first copy adds leeks, the second (later) makes it 2 kg of carrots.
      await first('orders.addLine', { orderId: placed.id, productId: leeks.id, quantity: 1 });
      await second('orders.setLineQuantity', { orderId: placed.id, lineId: placed.lines[0]!.id, quantity: 2 });
      // Claire collects her basket at both copies' counters (each debits her account).
      for (const copy of [first, second]) await copy('checkin.collect', { orderId: claires.id });
      // Denis's transfer bounced: both copies reverse it.
      for (const copy of [first, second]) await copy('accounts.reverse', { entryId: advance.id, reason: 'virement rejeté' });
      // Both take Bob's order: two orders for one member, and both give out basket no. 3.
      for (const [copy, item] of [[first, leeks], [second, carrots]] as const) {
        const bobs = await copy<Ids>('orders.open', { distributionId: distribution.id, memberId: bob.id });
        await copy('orders.addLine', { orderId: bobs.id, productId: item.id, quantity: 1 });
      }
      await first('sync.now', {});

      // The second copy syncs through its screen: the conflict is announced and listed with both versions.
      const page = await context.newPage();
      await page.goto(secondHost.openUrl);
      await syncNow(page);
      await page.getByRole('link', { name: '5 conflits à résoudre' }).click();
      const row = page.getByRole('row', { name: /Anne Dupont/ });
      await expect(row).toContainText(`n° ${placed.basketNumber}`);
      await expect(row.getByRole('cell').nth(3)).toHaveText('2 × Carottes');
      await expect(row.getByRole('cell').nth(4)).toHaveText('1 × Carottes1 × Poireaux');
      expect(await seriousViolations(page)).toEqual([]);
      await row.getByRole('button', { name: `Reprendre l’autre version — panier ${placed.basketNumber} de Anne Dupont` }).click();
      await expect(page.getByRole('status')).toHaveText(`Autre version reprise pour le panier ${placed.basketNumber} de Anne Dupont.`);
      await expect(row).toHaveCount(0);

      // Claire was debited twice (2 kg of leeks, 5,00 €): reconciling reverses the extra debit.
      const claireRow = page.getByRole('row', { name: /Claire Martin/ });
      await expect(claireRow).toContainText('débité 10,00 €, attendu 5,00 €');
      await claireRow.getByRole('button', { name: 'Remettre d’accord le compte — panier n° 2 de Claire Martin' }).click();
      await expect(page.getByRole('status')).toHaveText('Compte de Claire Martin remis d’accord avec le panier n° 2.');
      await expect(claireRow).toHaveCount(0);
      const statement = await second<{ balanceCents: number }>('accounts.statement', { memberId: claire.id });
      expect(statement.balanceCents).toBe(-500);

      // Denis's transfer, reversed on both copies, would charge him 20,00 €: restored once, his balance is 0.
      const denisRow = page.getByRole('row', { name: /Denis Roy/ });
      await denisRow.getByRole('button', { name: /^Rétablir le paiement de 20,00 € de Denis Roy/ }).click();
      await expect(page.getByRole('status')).toHaveText('Paiement de 20,00 € de Denis Roy rétabli : il n’est plus annulé qu’une fois.');
      await expect(denisRow).toHaveCount(0);
      expect((await second<{ balanceCents: number }>('accounts.statement', { memberId: denis.id })).balanceCents).toBe(0);

      // Basket no. 3 twice: the oldest order keeps it, the other takes the next free number.
      const basketRow = page.getByRole('row', { name: /^n° 3/ });
      await expect(basketRow).toContainText('panier n° 3 — Bob Leroy, 1 ligne');
      await basketRow.getByRole('button', { name: /^Renuméroter — panier n° 3/ }).click();
      await expect(page.getByRole('status')).toHaveText('Panier n° 3 renuméroté : réimprimez les listes d’émargement.');
      await expect(basketRow).toHaveCount(0);

      // Bob's two orders: merged into the oldest after a confirmation.
      const bobRow = page.getByRole('row', { name: /Bob Leroy/ });
      await expect(bobRow).toContainText('panier n° 3 — Bob Leroy, 1 ligne');
      await expect(bobRow).toContainText('panier n° 4 — Bob Leroy, 1 ligne');
      await bobRow.getByRole('button', { name: /^Regrouper les commandes — Bob Leroy/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Regrouper les commandes ?' });
      await expect(dialog).toContainText('rejoignent celle du panier n° 3');
      await dialog.getByRole('button', { name: 'Regrouper les commandes' }).click();
      await expect(page.getByRole('status')).toHaveText('Commandes de Bob Leroy regroupées dans le panier n° 3.');
      await expect(page.getByText('Aucun conflit : toutes les copies sont d’accord.')).toBeVisible();
      const taken = await second<{ order: { lines: { productName: string; quantity: number }[] } }>('orders.get', { orderId: placed.id });
      expect(taken.order.lines.map((line) => `${line.quantity} × ${line.productName}`)).toEqual(['1 × Carottes', '1 × Poireaux']);
    } finally {
      await secondHost?.stop();
      await rm(teamDir, { recursive: true, force: true });
      await rm(secondData, { recursive: true, force: true });
    }
  });

  test('a folder that does not exist is refused on save, named in the message, and nothing is saved', async ({ app, host, request }) => {
    const missing = join(tmpdir(), 'cabas-no-such-folder', 'relais');
    await openSync(app);
    await app.getByLabel('Synchronisation automatique (minutes)').fill('15');
    const folder = app.getByLabel('Dossier de l’équipe');
    await folder.fill(missing);
    await app.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(app.getByRole('alert')).toContainText(`Dossier de l’équipe : Dossier introuvable : ${missing}.`);
    await expect(folder).toBeFocused();
    await expect(folder).toHaveAccessibleDescription(/Dossier introuvable/);
    // What was typed stays on screen, to be corrected.
    await expect(folder).toHaveValue(missing);
    await expect(app.getByLabel('Synchronisation automatique (minutes)')).toHaveValue('15');
    await expect(app.getByText('Aucun dossier choisi : cette copie ne se synchronise pas.')).toBeVisible();
    await expect(app.getByRole('button', { name: 'Synchroniser maintenant' })).toBeDisabled();
    const status = await api(request, host)<{ settings: { teamFolder: string | null; autoSyncMinutes: number } }>('sync.status', {});
    expect(status.settings).toMatchObject({ teamFolder: null, autoSyncMinutes: 5 });
    expect(await seriousViolations(app)).toEqual([]);
  });

  test('a forged batch in the team folder is refused and listed on the sync screen, then discarded by the organiser', async ({ app, host, request }) => {
    const teamDir = await mkdtemp(join(tmpdir(), 'cabas-e2e-forged-'));
    try {
      const call = api(request, host);
      const { producer } = await call<{ producer: Ids }>('producers.create', { name: 'Ferme du Bois' });
      await call('sync.saveSettings', { teamFolder: teamDir, autoSyncMinutes: 0 });
      await call('sync.now', {});
      // Someone with the folder writes a copy's directory whose change carries an impossible timestamp.
      const forger = 'f0e1d2c3-0000-4000-8000-00000000abcd';
      const at = `2200-13-45T99:99:99.999Z-0000-${forger}`;
      const dir = join(teamDir, 'cabas-sync', forger);
      await mkdir(dir, { recursive: true });
      const key = await loadIdentity(join(teamDir, 'forger-key'));
      await writeFile(join(dir, 'device.json'), JSON.stringify({ role: 'organiser', producerId: null, publicKey: key.publicKey }));
      // A copy the organiser approved (it has a key of its own), turned hostile: its batch is signed, its timestamp impossible.
      await call('sync.now', {});
      await call('sync.approveCopy', { device: forger });
      const change = { at, device: forger, entity: 'producer' as const, entityId: producer.id, fields: { name: 'Piraté' } };
      const batch = createBatch(forger, 1, [change]);
      await writeFile(join(dir, '00000001.batch'), serialiseBatch({ ...batch, signature: key.sign(signedText(batch)) }));

      await openSync(app);
      await app.getByRole('button', { name: 'Synchroniser maintenant' }).click();
      const setAside = app.getByRole('region', { name: 'Mis de côté et refusé' });
      await expect(setAside.getByRole('heading', { name: 'Refusé (1)' })).toBeVisible();
      await expect(setAside).toContainText(`Changement refusé de la copie ${forger} (${forger}/00000001.batch) : producer ${producer.id}, horodatage impossible « ${at} ».`);
      expect((await call<{ name: string }[]>('producers.list', {})).map((p) => p.name)).toEqual(['Ferme du Bois']);
      expect(await seriousViolations(app)).toEqual([]);

      await setAside.getByRole('button', { name: 'Effacer cette liste' }).click();
      const dialog = app.getByRole('dialog', { name: 'Effacer ce qui est mis de côté ?' });
      await dialog.getByRole('button', { name: 'Effacer cette liste' }).click();
      await expect(app.getByRole('status')).toHaveText('Liste effacée.');
      await expect(setAside).toContainText('Rien n’est mis de côté ni refusé.');
    } finally {
      await rm(teamDir, { recursive: true, force: true });
    }
  });

  test('the organiser removes a copy from the list after confirming: what it writes afterwards is refused and listed', async ({ app, host, request }) => {
    const teamDir = await mkdtemp(join(tmpdir(), 'cabas-e2e-removed-'));
    try {
      const call = api(request, host);
      const { producer } = await call<{ producer: Ids }>('producers.create', { name: 'Ferme du Bois' });
      await call('sync.saveSettings', { teamFolder: teamDir, autoSyncMinutes: 0 });
      await call('sync.now', {});
      // A second organiser's copy, approved by its code (a laptop since lost).
      const lost = 'f0e1d2c3-0000-4000-8000-00000000beef';
      const dir = join(teamDir, 'cabas-sync', lost);
      await mkdir(dir, { recursive: true });
      const key = await loadIdentity(join(teamDir, 'lost-key'));
      await writeFile(join(dir, 'device.json'), JSON.stringify({ role: 'organiser', producerId: null, publicKey: key.publicKey }));
      await call('sync.now', {});
      await call('sync.approveCopy', { device: lost });

      await openSync(app);
      const copies = app.getByRole('region', { name: 'Copies et approbations' });
      await expect(copies).toContainText(`Copie ${lost}`);
      await copies.getByRole('button', { name: /^Retirer la copie au code \d{3} \d{3}$/ }).click();
      const dialog = app.getByRole('dialog', { name: /^Retirer la copie au code/ });
      await expect(dialog).toContainText(`La copie ${lost} (organisateur) sera retirée de la liste des copies.`);
      await dialog.getByRole('button', { name: 'Retirer cette copie' }).click();
      await expect(app.getByRole('status')).toHaveText('Copie retirée : ses prochains fichiers seront refusés et listés.');
      await expect(copies).not.toContainText(`Copie ${lost}`);

      const change = { at: `2026-03-04T09:00:00.000Z-0000-${lost}`, device: lost, entity: 'producer' as const, entityId: producer.id, fields: { name: 'Piraté' } };
      const batch = createBatch(lost, 1, [change]);
      await writeFile(join(dir, '00000001.batch'), serialiseBatch({ ...batch, signature: key.sign(signedText(batch)) }));
      await app.getByRole('button', { name: 'Synchroniser maintenant' }).click();
      const setAside = app.getByRole('region', { name: 'Mis de côté et refusé' });
      await expect(setAside).toContainText(`Fichier refusé : ${lost}/00000001.batch a été écrit par la copie ${lost}, que l’organisateur a retirée de la liste des copies.`);
      expect((await call<{ name: string }[]>('producers.list', {})).map((p) => p.name)).toEqual(['Ferme du Bois']);
      expect(await seriousViolations(app)).toEqual([]);
    } finally {
      await rm(teamDir, { recursive: true, force: true });
    }
  });
});

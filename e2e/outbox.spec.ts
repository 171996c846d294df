import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { startMailServer } from '../electron/testing/mail-server';
import { pdfText } from '../electron/testing/pdf-text';
import { test, expect } from './fixtures';
import { api, openDistributionDraft } from './support/api';
import { seriousViolations } from './support/axe';
import { lines } from './support/pdf';

test('closing ordering prepares the order sheets and confirmations as .eml files, sent once through the relay’s mail server, even after a restart', async ({ app, host, dataDir, restartHost }) => {
  const call = api(app.request, host);
  await call('relay.update', { name: 'Panier d’Été' });
  const farm = (await call<{ producer: { id: string } }>('producers.create', { name: 'Ferme du Bois', email: 'ferme@example.org' })).producer;
  const carrots = await call<{ id: string }>('products.create', { producerId: farm.id, name: 'Carottes', category: 'légumes', unit: 'kg', priceCents: 250, vatRateBp: 600 });
  const draft = openDistributionDraft();
  const distribution = await call<{ id: string }>('distributions.create', draft);
  await call('offers.set', { distributionId: distribution.id, productId: carrots.id, quantity: 20 });
  const member = await call<{ id: string }>('members.create', { name: 'Chloé Dupré', email: 'chloe@example.org' });
  const order = await call<{ id: string }>('orders.open', { distributionId: distribution.id, memberId: member.id });
  await call('orders.addLine', { orderId: order.id, productId: carrots.id, quantity: 3 });

  // The organiser closes ordering on the distribution's page.
  await app.evaluate((hash) => (window.location.hash = hash), `#/distributions/${distribution.id}`);
  await app.getByRole('button', { name: 'Fermer les commandes maintenant' }).click();

  await app.getByRole('link', { name: 'Messages' }).click();
  await expect(app.getByRole('heading', { level: 1 })).toHaveText('Boîte d’envoi');
  const rows = app.getByRole('table').getByRole('row');
  await expect(rows.filter({ hasText: 'Ferme du Bois' })).toContainText('Prêt');
  await expect(rows.filter({ hasText: 'Chloé Dupré' })).toContainText('Prêt');
  await expect(app.getByTestId('outbox-connection')).toContainText('Aucun serveur d’envoi');
  expect(await seriousViolations(app)).toEqual([]);

  // The preview shows the words that go out.
  await app.getByRole('button', { name: 'Aperçu du message à Chloé Dupré' }).click();
  const preview = app.getByRole('dialog', { name: 'Aperçu du message à Chloé Dupré' });
  await expect(preview).toContainText('- 3 × Carottes : 7,50');
  await expect(preview).toContainText('À payer au retrait : 7,50');
  await app.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);

  // The .eml files, ready for any mail program.
  const folder = join(dataDir, 'messages', draft.pickupDate);
  await expect.poll(async () => (await readdir(folder).catch(() => [])).length).toBe(2);
  const files = await readdir(folder);
  const farmMail = await simpleParser(await readFile(join(folder, files.find((name) => name.startsWith('producerOrder-'))!)));
  expect(farmMail.subject).toMatch(/^Commande du relais Panier d’Été pour le /);
  expect(farmMail.attachments.map((attachment) => [attachment.filename, attachment.contentType])).toEqual([
    [`bon-de-livraison-ferme-du-bois-${draft.pickupDate}.pdf`, 'application/pdf'],
    [`bon-de-livraison-ferme-du-bois-${draft.pickupDate}.csv`, 'text/csv'],
  ]);
  // The order sheet as a PDF the producer reads and prints: what to bring, and for whom.
  const sheet = lines(await pdfText(farmMail.attachments[0]!.content, dataDir)).map((line) => line.replace(/\s+/g, ' '));
  expect(sheet).toContain('Bon de livraison — Ferme du Bois');
  expect(sheet).toContain('Carottes 3 kg');
  expect(sheet).toContain('1 Chloé Dupré 3');
  expect(farmMail.attachments[1]!.content.toString('utf8')).toContain('Carottes;1;Chloé Dupré;3');

  // This computer gets a mail server: the messages go.
  // A mail server on a free port of this machine: what reaches it is what the members and producers would get.
  const server = await startMailServer();
  try {
    await app.getByLabel('Serveur SMTP').fill('127.0.0.1');
    await app.getByLabel('Port', { exact: true }).fill(String(server.port));
    await app.getByLabel('Adresse d’expédition').fill('relais@example.org');
    await app.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(app.getByRole('status')).toContainText('Réglages d’envoi enregistrés.');
    await app.getByRole('button', { name: 'Envoyer maintenant' }).click();
    await expect(rows.filter({ hasText: 'Ferme du Bois' })).toContainText('Envoyé le');
    await expect(rows.filter({ hasText: 'Chloé Dupré' })).toContainText('Envoyé le');
    expect(server.received.map((mail) => mail.to[0]).sort()).toEqual(['chloe@example.org', 'ferme@example.org']);
    const chloe = await simpleParser(server.received.find((mail) => mail.to[0] === 'chloe@example.org')!.raw);
    expect(chloe.subject).toMatch(/^Votre commande au relais Panier d’Été pour le /);

    // A restart sends nothing again.
    await restartHost();
    await app.getByRole('link', { name: 'Messages' }).click();
    await app.getByRole('button', { name: 'Envoyer maintenant' }).click();
    await expect(rows.filter({ hasText: 'Ferme du Bois' })).toContainText('Envoyé le');
    await expect(app.getByTestId('outbox-connection')).toBeVisible();
    expect(server.received).toHaveLength(2);
  } finally {
    await server.close();
  }
});

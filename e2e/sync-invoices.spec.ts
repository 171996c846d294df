/**
 * One invoice number issued by two organisers' copies offline (issue 15): the sync screen names
 * the number and both invoices, and says what to do; cancelling one by a credit note clears it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { seriousViolations } from './support/axe';
import { api, enrolOverApi, openDistributionDraft } from './support/api';
import { startHostProcess, type HostProcess } from './support/host-process';

type Ids = { id: string };

test('two copies give the same invoice number offline: the sync screen lists it with both invoices, and a credit note on one clears it', async ({ app, host, request }) => {
  const teamDir = await mkdtemp(join(tmpdir(), 'cabas-e2e-team-'));
  const secondData = await mkdtemp(join(tmpdir(), 'cabas-e2e-second-'));
  let secondHost: HostProcess | null = null;
  try {
    secondHost = await startHostProcess(secondData);
    const first = api(request, host);
    const second = api(request, secondHost);
    const farm = (await first<{ producer: Ids }>('producers.create', { name: 'Ferme du Bois' })).producer;
    const bakery = (await first<{ producer: Ids }>('producers.create', { name: 'Boulangerie Martin' })).producer;
    const carrots = await first<Ids>('products.create', { producerId: farm.id, name: 'Carottes', category: 'légumes', unit: 'kg', priceCents: 250, vatRateBp: 600 });
    const bread = await first<Ids>('products.create', { producerId: bakery.id, name: 'Pain', category: 'boulangerie', unit: 'piece', priceCents: 380, vatRateBp: 600 });
    const distribution = await first<Ids & { pickupDate: string }>('distributions.create', openDistributionDraft());
    await first('offers.saveMany', { entries: [carrots, bread].map((product) => ({ distributionId: distribution.id, productId: product.id, quantity: null })) });
    const anne = await first<Ids>('members.create', { name: 'Anne Dupont' });
    const order = await first<Ids>('orders.open', { distributionId: distribution.id, memberId: anne.id });
    for (const product of [carrots, bread]) await first('orders.addLine', { orderId: order.id, productId: product.id, quantity: 1 });
    await first('distributions.closeEarly', { id: distribution.id });
    // Two organisers' copies on one team folder; the first keeps the roster and approves the second.
    await enrolOverApi(first, second, teamDir);
    await second('sync.now', {});

    // Offline, each copy invoices one producer for the month: both take the next number.
    const period = { kind: 'month', month: distribution.pickupDate.slice(0, 7) };
    const onFirst = await first<Ids & { number: string }>('invoices.issue', { producerId: farm.id, period });
    const onSecond = await second<Ids & { number: string }>('invoices.issue', { producerId: bakery.id, period });
    expect(onSecond.number).toBe(onFirst.number);
    await second('sync.now', {});
    await first('sync.now', {});

    await app.reload();
    await app.evaluate(() => (window.location.hash = '#/sync/conflits'));
    const card = app.getByRole('region', { name: 'Un numéro de facture donné deux fois' });
    await expect(card).toContainText('ouvrez l’une des deux, annulez-la par un avoir');
    const row = card.getByRole('row', { name: new RegExp(`^${onFirst.number}`) });
    await expect(row).toContainText('Facture de Ferme du Bois, émise le');
    await expect(row).toContainText('Facture de Boulangerie Martin, émise le');
    expect(await seriousViolations(app)).toEqual([]);

    await row.getByRole('link', { name: `Ouvrir la pièce n° ${onFirst.number} de Boulangerie Martin pour l’annuler par un avoir` }).click();
    await expect(app.getByRole('heading', { level: 1, name: `Facture n° ${onFirst.number}` })).toBeVisible();
    await app.getByLabel('Motif de l’avoir').fill('numéro donné deux fois');
    await app.getByRole('button', { name: 'Émettre un avoir' }).click();
    await expect(app.getByRole('heading', { level: 1, name: /^Avoir n° / })).toBeVisible();

    await app.evaluate(() => (window.location.hash = '#/sync/conflits'));
    await expect(app.getByText('Aucun conflit : toutes les copies sont d’accord.')).toBeVisible();
    await expect(card).toHaveCount(0);
  } finally {
    await secondHost?.stop();
    await rm(teamDir, { recursive: true, force: true });
    await rm(secondData, { recursive: true, force: true });
  }
});

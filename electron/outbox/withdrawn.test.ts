/**
 * A confirmation or order sheet cancelled before it left (issue 15): the copy
 * that sends the e-mails withdraws it and sends only what the recipient needs,
 * never a message and then its cancellation.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../shared/model/outbox';
import type { OutboxView } from '../../shared/outbox/views';
import { dayWithOrders, fakeServer, SMTP } from '../testing/outbox-day';
import { call, type TestApp } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

/** Ordering closed on the copy that sends, its mail server out of reach: nothing has left yet. */
async function closedOffline() {
  const server = fakeServer();
  const day = await dayWithOrders(await tempDir(), server.transport);
  await call(day.app, 'mail.saveSettings', SMTP);
  server.behaviour.offline = true;
  await call(day.app, 'distributions.closeEarly', { id: day.distribution.id });
  await call(day.app, 'outbox.sendNow', {});
  return { ...day, server };
}

async function messages(app: TestApp): Promise<OutboxView['messages']> {
  return (await call<OutboxView>(app, 'outbox.list', {})).messages;
}

const chloeOrder = (app: TestApp) => app.workspace.store.all('order').find((order) => order.lines.length === 2)!;

/** The addresses mail went to, one per message. */
const received = (server: ReturnType<typeof fakeServer>) => server.received.map((mail) => mail.to[0]).sort();

describe('an order cancelled before its confirmation left', () => {
  it('withdraws the confirmation and sends the member nothing; the farm gets only its new sheet', async () => {
    const { app, distribution, server } = await closedOffline();
    app.clock.advance(60_000);
    await call(app, 'distributions.reopen', { id: distribution.id });
    await call(app, 'orders.cancel', { orderId: chloeOrder(app).id });
    app.clock.advance(60_000);
    await call(app, 'distributions.closeEarly', { id: distribution.id });

    const listed = await messages(app);
    const toChloe = listed.filter((message) => message.toName === 'Chloé Dupré');
    expect(toChloe.map((message) => [message.status, message.withdrawnFor])).toEqual([['withdrawn', 'orderCancelled']]);
    const toFarm = listed.filter((message) => message.toName === 'Ferme du Bois').map((message) => [message.status, message.withdrawnFor, message.update === true]);
    expect(toFarm.sort()).toEqual([
      ['prepared', undefined, false],
      ['withdrawn', 'replaced', false],
    ]);

    server.behaviour.offline = false;
    await call(app, 'outbox.sendNow', {});
    // Its `.eml` is gone from the folder too, so nobody sends it from a mail program.
    const files = await readdir(join(app.dataDir, 'messages', distribution.pickupDate));
    expect(files.filter((file) => file.startsWith('memberConfirmation-'))).toHaveLength(1);
    // One message to the farm, not marked as an update (it never saw the first one), and nothing to Chloé.
    expect(received(server)).toEqual(['ferme@example.org']);
    const farm = listed.find((message) => message.toName === 'Ferme du Bois' && message.status === 'prepared')!;
    expect(farm.subject).toBe('Commande du relais Panier d’Été pour le vendredi 6 mars 2026');
    expect((await call<OutboxMessage>(app, 'outbox.get', { id: farm.id })).text).toContain('- Carottes : 1 kg');
  });

  it('still tells a member whose confirmation did leave that it no longer holds', async () => {
    const { app, distribution, server } = await closedOffline();
    server.behaviour.offline = false;
    await call(app, 'outbox.sendNow', {});
    app.clock.advance(60_000);
    await call(app, 'distributions.reopen', { id: distribution.id });
    await call(app, 'orders.cancel', { orderId: chloeOrder(app).id });
    app.clock.advance(60_000);
    await call(app, 'distributions.closeEarly', { id: distribution.id });
    await call(app, 'outbox.sendNow', {});

    expect(received(server).filter((to) => to === 'chloe@example.org')).toHaveLength(2);
    expect((await messages(app)).some((message) => message.status === 'withdrawn')).toBe(false);
  });
});

describe('a distribution cancelled before its messages left', () => {
  it('withdraws them: the member hears only that it is cancelled, the producer hears nothing', async () => {
    const { app, distribution, server } = await closedOffline();
    app.clock.advance(60_000);
    await call(app, 'distributions.cancel', { id: distribution.id, confirmed: true });

    const listed = await messages(app);
    const withdrawn = listed.filter((message) => message.status === 'withdrawn').map((message) => [message.toName, message.withdrawnFor]);
    expect(withdrawn.sort()).toEqual([
      ['Chloé Dupré', 'distributionCancelled'],
      ['Ferme du Bois', 'distributionCancelled'],
    ]);
    const notices = listed.filter((message) => message.status === 'prepared' && message.subject.startsWith('Distribution annulée'));
    // Marc and the bakery have no address: their messages may have been printed and handed over, so they are told, as an update.
    expect(notices.map((message) => [message.toName, message.update === true]).sort()).toEqual([
      ['Boulangerie Martin', true],
      ['Chloé Dupré', false],
      ['Marc Lenoir', true],
    ]);

    server.behaviour.offline = false;
    await call(app, 'outbox.sendNow', {});
    expect(received(server)).toEqual(['chloe@example.org']);
    expect(server.received[0]!.raw).not.toContain('ne vaut plus');
  });
});

describe('a cancelled distribution restored', () => {
  it('tells who read of the cancellation that it is back, and gives the others their usual messages', async () => {
    const { app, distribution, server } = await closedOffline();
    app.clock.advance(60_000);
    await call(app, 'distributions.cancel', { id: distribution.id, confirmed: true });
    app.clock.advance(60_000);
    await call(app, 'distributions.restore', { id: distribution.id });

    const listed = await messages(app);
    // Chloé's notice never left: withdrawn; she gets her confirmation as it stands, the farm its sheet, neither marked.
    const chloe = listed.filter((message) => message.toName === 'Chloé Dupré').map((message) => [message.status, message.withdrawnFor ?? '', message.subject]);
    expect(chloe.sort()).toEqual([
      ['prepared', '', 'Votre commande au relais Panier d’Été pour le vendredi 6 mars 2026'],
      ['withdrawn', 'distributionCancelled', 'Votre commande au relais Panier d’Été pour le vendredi 6 mars 2026'],
      ['withdrawn', 'distributionRestored', 'Distribution annulée — relais Panier d’Été, vendredi 6 mars 2026'],
    ]);
    // Marc's and the bakery's notices may have been printed and handed over: they hear it is back.
    const back = listed.filter((message) => message.subject.startsWith('Distribution rétablie')).map((message) => message.toName);
    expect(back.sort()).toEqual(['Boulangerie Martin', 'Marc Lenoir']);

    server.behaviour.offline = false;
    await call(app, 'outbox.sendNow', {});
    expect(received(server)).toEqual(['chloe@example.org', 'ferme@example.org']);
    expect(server.received.every((mail) => !mail.raw.includes('annul'))).toBe(true);
  });

  it('sends the notice that it is back, with the order as it stands, to whom the cancellation went', async () => {
    const { app, distribution, server } = await closedOffline();
    server.behaviour.offline = false;
    app.clock.advance(60_000);
    await call(app, 'distributions.cancel', { id: distribution.id, confirmed: true });
    await call(app, 'outbox.sendNow', {});
    app.clock.advance(60_000);
    await call(app, 'distributions.restore', { id: distribution.id });
    await call(app, 'outbox.sendNow', {});

    // Chloé: her notice of the cancellation, then that it is back; the farm never saw its sheet nor a notice.
    expect(received(server)).toEqual(['chloe@example.org', 'chloe@example.org', 'ferme@example.org']);
    const backToChloe = (await messages(app)).find((message) => message.toName === 'Chloé Dupré' && message.subject.startsWith('Distribution rétablie'))!;
    const text = (await call<OutboxMessage>(app, 'outbox.get', { id: backToChloe.id })).text;
    expect(text).toContain('a finalement lieu');
    expect(text).toContain('Carottes');
  });
});

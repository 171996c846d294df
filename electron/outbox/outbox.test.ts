/**
 * The outbox (issue 15), as the organiser meets it: ordering closes, the
 * messages are prepared as `.eml` files any mail program opens, and the copy
 * with a mail server sends each one once — never twice, whatever happens
 * between the attempt and its outcome.
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { OutboxView } from '../../shared/outbox/views';
import type { OutboxMessage } from '../../shared/model/outbox';
import { ORDERING_OPEN } from '../testing/pickup-day';
import { dayWithOrders, fakeServer, SMTP } from '../testing/outbox-day';
import { call, openApp, refusal, type TestApp } from '../testing/service-calls';
import { pdfText } from '../testing/pdf-text';
import { useTempDirs } from '../testing/temp-dir';
import { messageIdHeader } from './eml';

const tempDir = useTempDirs();

/** A day with orders on a copy whose mail server is `server`, ordering just closed; `before` sets how the server behaves first. */
async function closedWithServer(dataDir: string, before: (server: ReturnType<typeof fakeServer>) => void = () => undefined) {
  const server = fakeServer();
  const { app, distribution } = await dayWithOrders(dataDir, server.transport);
  await call(app, 'mail.saveSettings', SMTP);
  before(server);
  await call(app, 'distributions.closeEarly', { id: distribution.id });
  return { app, server };
}

async function outbox(app: TestApp): Promise<OutboxView> {
  return call<OutboxView>(app, 'outbox.list', {});
}

const statuses = (view: OutboxView) => Object.fromEntries(view.messages.map((message) => [`${message.kind}:${message.toName}`, message.status]));

describe('the outbox when ordering closes', () => {
  it('prepares each producer’s order sheet and each member’s confirmation, as .eml files a mail program reads', async () => {
    const dataDir = await tempDir();
    const { app, distribution } = await dayWithOrders(dataDir);
    expect((await outbox(app)).messages).toEqual([]);

    await call(app, 'distributions.closeEarly', { id: distribution.id });
    await app.outbox.sweep();

    const view = await outbox(app);
    expect(statuses(view)).toEqual({
      'memberConfirmation:Chloé Dupré': 'prepared',
      'memberConfirmation:Marc Lenoir': 'prepared',
      'producerOrder:Boulangerie Martin': 'prepared',
      'producerOrder:Ferme du Bois': 'prepared',
    });

    const folder = join(dataDir, 'messages', '2026-03-06');
    const files = (await readdir(folder)).sort();
    expect(files).toHaveLength(4);
    const farmFile = files.find((name) => name.startsWith('producerOrder-ferme-du-bois-'))!;
    const farmMail = await simpleParser(await readFile(join(folder, farmFile)));
    expect(farmMail.subject).toBe('Commande du relais Panier d’Été pour le vendredi 6 mars 2026');
    expect(farmMail.to && !Array.isArray(farmMail.to) ? farmMail.to.value[0] : null).toEqual({ name: 'Ferme du Bois', address: 'ferme@example.org' });
    expect(farmMail.text).toContain('- Carottes : 3 kg');
    expect(farmMail.headers.get('x-unsent')).toBe('1');
    expect(farmMail.attachments.map((attachment) => [attachment.filename, attachment.contentType])).toEqual([
      ['bon-de-livraison-ferme-du-bois-2026-03-06.pdf', 'application/pdf'],
      ['bon-de-livraison-ferme-du-bois-2026-03-06.csv', 'text/csv'],
    ]);
    // The order sheet as a document to read and print: what to bring, then who gets what.
    const sheet = (await pdfText(farmMail.attachments[0]!.content, dataDir)).split('\n').map((line) => line.trim().replace(/\s+/g, ' '));
    expect(sheet).toContain('Bon de livraison — Ferme du Bois');
    expect(sheet).toContain('Panier d’Été · vendredi 6 mars 2026 · 17:00–19:00');
    expect(sheet).toContain('Carottes 3 kg');
    expect(sheet).toContain('Carottes — 3 kg au total');
    expect(sheet).toContain('1 Chloé Dupré 2');
    expect(sheet).toContain('2 Marc Lenoir 1');
    expect(sheet.join('\n')).not.toContain('Pain');
    const csv = farmMail.attachments[1]!.content.toString('utf8');
    expect(csv).toContain('Carottes;1;Chloé Dupré;2');
    expect(csv).toContain('Carottes;2;Marc Lenoir;1');

    // The subject travels as UTF-8 encoded words, which every mail program decodes.
    const chloeFile = files.find((name) => name.startsWith('memberConfirmation-chloe-dupre-'))!;
    const chloeRaw = await readFile(join(folder, chloeFile), 'utf8');
    expect(chloeRaw).toMatch(/^Subject: =\?UTF-8\?[QB]\?/m);
    const chloeMail = await simpleParser(chloeRaw);
    expect(chloeMail.text).toContain('- 2 × Carottes : 5,00');
    expect(chloeMail.text).toContain('Total : 8,80');
    expect(chloeMail.text).toContain('À payer au retrait : 8,80');
    expect(chloeMail.text).toContain('Retrait : vendredi 6 mars 2026, entre 17:00 et 19:00');
    expect(chloeMail.messageId).toBe(messageIdHeader(view.messages.find((message) => message.toName === 'Chloé Dupré')!));
  });

  it('writes the messages in English for an English-speaking relay', async () => {
    const dataDir = await tempDir();
    const { app, distribution } = await dayWithOrders(dataDir);
    await call(app, 'relay.update', { language: 'en' });
    await call(app, 'distributions.closeEarly', { id: distribution.id });
    const chloe = (await outbox(app)).messages.find((message) => message.toName === 'Chloé Dupré')!;
    expect(chloe.subject).toBe('Your order at the Panier d’Été relay for Friday 6 March 2026');
    expect((await call<OutboxMessage>(app, 'outbox.get', { id: chloe.id })).text).toContain('To pay at pickup: €8.80.');
  });

  it('says beside an order sheet which characters its PDF could not print', async () => {
    const { app, distribution, carrots } = await dayWithOrders(await tempDir());
    await call(app, 'products.update', { id: carrots.id, changes: { name: 'Carottes 胡萝卜' } });
    await call(app, 'distributions.closeEarly', { id: distribution.id });
    const farm = (await outbox(app)).messages.find((message) => message.toName === 'Ferme du Bois')!;
    expect(farm.missingGlyphs?.sort()).toEqual(['卜', '胡', '萝']);
    expect((await outbox(app)).messages.find((message) => message.toName === 'Boulangerie Martin')!.missingGlyphs).toBeUndefined();
  });

  it('prepares them once when ordering closes by the clock, however often it sweeps', async () => {
    const dataDir = await tempDir();
    const { app } = await dayWithOrders(dataDir);
    await app.outbox.sweep();
    expect((await outbox(app)).messages).toEqual([]);
    app.clock.set(new Date('2026-03-05T10:00:00.000Z'));
    await app.outbox.sweep();
    await app.outbox.sweep();
    expect((await outbox(app)).messages).toHaveLength(4);
  });
});

describe('ordering closed again after a reopening', () => {
  it('sends an update, marked as one, to whom the order changed for, and nothing to the others', async () => {
    const dataDir = await tempDir();
    const { app, distribution, carrots } = await dayWithOrders(dataDir);
    await call(app, 'distributions.closeEarly', { id: distribution.id });
    expect((await outbox(app)).messages).toHaveLength(4);

    // Chloé takes one more kilo of carrots: her basket and the farm's order change, Marc's and the bakery's do not.
    app.clock.advance(60_000);
    await call(app, 'distributions.reopen', { id: distribution.id });
    const chloe = app.workspace.store.all('order').find((order) => order.lines.length === 2)!;
    const line = chloe.lines.find((candidate) => candidate.productId === carrots.id)!;
    await call(app, 'orders.setLineQuantity', { orderId: chloe.id, lineId: line.id, quantity: 3 });
    app.clock.advance(60_000);
    await call(app, 'distributions.closeEarly', { id: distribution.id });

    const updates = (await outbox(app)).messages.filter((message) => message.update === true);
    expect(updates.map((message) => [message.kind, message.toName, message.subject]).sort()).toEqual([
      ['memberConfirmation', 'Chloé Dupré', 'Mise à jour — Votre commande au relais Panier d’Été pour le vendredi 6 mars 2026'],
      ['producerOrder', 'Ferme du Bois', 'Mise à jour — Commande du relais Panier d’Été pour le vendredi 6 mars 2026'],
    ]);
    expect((await outbox(app)).messages).toHaveLength(6);
    const farmUpdate = await call<OutboxMessage>(app, 'outbox.get', { id: updates.find((message) => message.kind === 'producerOrder')!.id });
    expect(farmUpdate.text).toContain('Ce message remplace le précédent');
    expect(farmUpdate.text).toContain('- Carottes : 4 kg');

    // Reopened and closed once more with nothing changed: nothing new.
    app.clock.advance(60_000);
    await call(app, 'distributions.reopen', { id: distribution.id });
    app.clock.advance(60_000);
    await call(app, 'distributions.closeEarly', { id: distribution.id });
    await app.outbox.sweep();
    expect((await outbox(app)).messages).toHaveLength(6);
  });

  it('tells a member whose order was cancelled, and a producer left with nothing to bring, that the earlier message no longer holds', async () => {
    const { app, distribution } = await dayWithOrders(await tempDir());
    await call(app, 'distributions.closeEarly', { id: distribution.id });

    // Chloé cancels: the bakery had only her bread, the farm still brings Marc's carrots.
    app.clock.advance(60_000);
    await call(app, 'distributions.reopen', { id: distribution.id });
    const chloe = app.workspace.store.all('order').find((order) => order.lines.length === 2)!;
    await call(app, 'orders.cancel', { orderId: chloe.id });
    app.clock.advance(60_000);
    await call(app, 'distributions.closeEarly', { id: distribution.id });

    const updates = (await outbox(app)).messages.filter((message) => message.update === true);
    expect(updates.map((message) => [message.kind, message.toName, message.subject]).sort()).toEqual([
      ['memberConfirmation', 'Chloé Dupré', 'Commande annulée — relais Panier d’Été, vendredi 6 mars 2026'],
      ['producerOrder', 'Boulangerie Martin', 'Commande annulée — relais Panier d’Été, vendredi 6 mars 2026'],
      ['producerOrder', 'Ferme du Bois', 'Mise à jour — Commande du relais Panier d’Été pour le vendredi 6 mars 2026'],
    ]);
    const toChloe = await call<OutboxMessage>(app, 'outbox.get', { id: updates.find((message) => message.toName === 'Chloé Dupré')!.id });
    expect(toChloe.text).toContain('la confirmation reçue plus tôt ne vaut plus');
    expect(toChloe.text).toContain('rien à payer');
    const toBakery = await call<OutboxMessage>(app, 'outbox.get', { id: updates.find((message) => message.toName === 'Boulangerie Martin')!.id });
    expect(toBakery.text).toContain('rien à livrer');

    // Closed once more, still cancelled: they are not told twice.
    const count = (await outbox(app)).messages.length;
    app.clock.advance(60_000);
    await call(app, 'distributions.reopen', { id: distribution.id });
    app.clock.advance(60_000);
    await call(app, 'distributions.closeEarly', { id: distribution.id });
    await app.outbox.sweep();
    expect((await outbox(app)).messages).toHaveLength(count);
  });

  it('writes the cancellation in English for an English-speaking relay', async () => {
    const { app, distribution } = await dayWithOrders(await tempDir());
    await call(app, 'relay.update', { language: 'en' });
    await call(app, 'distributions.closeEarly', { id: distribution.id });
    app.clock.advance(60_000);
    await call(app, 'distributions.reopen', { id: distribution.id });
    const chloe = app.workspace.store.all('order').find((order) => order.lines.length === 2)!;
    await call(app, 'orders.cancel', { orderId: chloe.id });
    app.clock.advance(60_000);
    await call(app, 'distributions.closeEarly', { id: distribution.id });

    const toChloe = (await outbox(app)).messages.find((message) => message.update === true && message.toName === 'Chloé Dupré')!;
    expect(toChloe.subject).toBe('Order cancelled — Panier d’Été relay, Friday 6 March 2026');
    expect((await call<OutboxMessage>(app, 'outbox.get', { id: toChloe.id })).text).toContain('you have nothing to pay');
  });
});

describe('the reminder before ordering closes', () => {
  it('reminds each member with an address once, the given hours before the close, and not at all when the relay asks for none', async () => {
    const dataDir = await tempDir();
    const { app } = await dayWithOrders(dataDir);
    // Ordering closes on Wednesday 4 March at 23:59 Brussels (22:59 UTC); it is 10:00 there.
    await app.outbox.sweep();
    expect((await outbox(app)).messages).toEqual([]);

    await call(app, 'relay.update', { reminderHours: 6 });
    await app.outbox.sweep();
    expect((await outbox(app)).messages).toEqual([]);
    app.clock.set(new Date('2026-03-04T17:00:00.000Z'));
    await app.outbox.sweep();
    await app.outbox.sweep();
    const reminders = (await outbox(app)).messages.filter((message) => message.kind === 'reminder');
    expect(reminders.map((message) => message.toName)).toEqual(['Chloé Dupré']);
    expect((await call<OutboxMessage>(app, 'outbox.get', { id: reminders[0]!.id })).text).toContain('Les commandes pour la distribution du vendredi 6 mars 2026 ferment le 4 mars 2026 23:59.');

    // A member added later still gets one; the others do not get a second.
    await call(app, 'members.create', { name: 'Zoé Martin', email: 'zoe@example.org' });
    app.clock.advance(60_000);
    await app.outbox.sweep();
    expect((await outbox(app)).messages.filter((message) => message.kind === 'reminder').map((message) => message.toName)).toEqual(['Chloé Dupré', 'Zoé Martin']);
  });
});

describe('sending', () => {
  it('sends each message with an address once, and lists when it was sent', async () => {
    const dataDir = await tempDir();
    const { app, server } = await closedWithServer(dataDir);
    await call(app, 'outbox.sendNow', {});
    await call(app, 'outbox.sendNow', {});

    expect(server.received.map((mail) => mail.to).sort()).toEqual([['chloe@example.org'], ['ferme@example.org']]);
    const view = await outbox(app);
    expect(statuses(view)).toEqual({
      'memberConfirmation:Chloé Dupré': 'sent',
      // No address: it stays prepared, to print or send by hand.
      'memberConfirmation:Marc Lenoir': 'prepared',
      'producerOrder:Boulangerie Martin': 'prepared',
      'producerOrder:Ferme du Bois': 'sent',
    });
    expect(view.messages.find((message) => message.toName === 'Ferme du Bois')!.sentAt).toBe(ORDERING_OPEN.toISOString());
  });

  it('waits while offline without using up a try, then sends', async () => {
    const dataDir = await tempDir();
    const { app, server } = await closedWithServer(dataDir, (stand) => void (stand.behaviour.offline = true));
    const offline = await call<OutboxView>(app, 'outbox.sendNow', {});
    expect(offline.connection).toMatchObject({ state: 'offline', reason: 'getaddrinfo ENOTFOUND smtp.example.org' });
    expect(offline.messages.find((message) => message.toName === 'Ferme du Bois')).toMatchObject({ status: 'prepared', attempts: 0 });

    server.behaviour.offline = false;
    await call(app, 'outbox.sendNow', {});
    expect(server.received).toHaveLength(2);
  });

  it('retries a refused message later with a growing wait, and stops at a permanent refusal', async () => {
    const dataDir = await tempDir();
    const { app, server } = await closedWithServer(dataDir, (stand) => void (stand.behaviour.failWith = { message: '451 Try again later', responseCode: 451 }));
    await call(app, 'outbox.sendNow', {});
    const farm = async () => (await outbox(app)).messages.find((message) => message.toName === 'Ferme du Bois')!;
    expect(await farm()).toMatchObject({ status: 'failed', lastError: '451 Try again later', attempts: 1, nextTryAt: '2026-03-04T09:01:00.000Z' });

    // Before the wait is over nothing is tried.
    await call(app, 'outbox.sendNow', {});
    expect((await farm()).attempts).toBe(1);
    app.clock.advance(60_000);
    await call(app, 'outbox.sendNow', {});
    expect(await farm()).toMatchObject({ attempts: 2, nextTryAt: '2026-03-04T09:03:00.000Z' });

    server.behaviour.failWith = { message: '550 Mailbox unavailable', responseCode: 550 };
    app.clock.advance(120_000);
    await call(app, 'outbox.sendNow', {});
    expect(await farm()).toMatchObject({ status: 'failed', lastError: '550 Mailbox unavailable', nextTryAt: null });

    // The organiser fixes the address and asks again.
    server.behaviour.failWith = null;
    await call(app, 'outbox.retry', { id: (await farm()).id });
    await call(app, 'outbox.sendNow', {});
    expect(await farm()).toMatchObject({ status: 'sent', attempts: 4 });
    expect(server.received.filter((mail) => mail.to[0] === 'ferme@example.org')).toHaveLength(1);
  });
});

describe('never twice', () => {
  /** A message caught between its attempt and its outcome: the app stopped while the server had it. */
  async function crashedWhileSending(dataDir: string): Promise<{ server: ReturnType<typeof fakeServer>; message: OutboxMessage }> {
    const { app, server } = await closedWithServer(dataDir);
    const listed = (await outbox(app)).messages.find((candidate) => candidate.toName === 'Ferme du Bois')!;
    const message = await call<OutboxMessage>(app, 'outbox.get', { id: listed.id });
    // What the sender writes before handing the message over, and nothing after: the crash.
    await app.workspace.store.transact((tx) => void tx.put('outboxMessage', { ...message, status: 'sending', attempts: 1, tries: 1, attemptAt: ORDERING_OPEN.toISOString() }));
    await app.close();
    return { server, message };
  }

  it('shows a message whose outcome is unknown after a restart, and does not send it again by itself', async () => {
    const dataDir = await tempDir();
    const { server, message } = await crashedWhileSending(dataDir);
    const app = await openApp(dataDir, ORDERING_OPEN, server.transport);
    await call(app, 'outbox.sendNow', {});
    await call(app, 'outbox.sendNow', {});

    expect((await outbox(app)).messages.find((candidate) => candidate.id === message.id)).toMatchObject({ status: 'unknown' });
    expect(server.received.map((mail) => mail.to[0])).toEqual(['chloe@example.org']);
    // Until the organiser, having checked, decides to send it again.
    await call(app, 'outbox.retry', { id: message.id });
    await call(app, 'outbox.sendNow', {});
    expect(server.received.map((mail) => mail.to[0]).sort()).toEqual(['chloe@example.org', 'ferme@example.org']);
    await app.close();
  });

  it('does not resend what the attempts log knows of when the data say otherwise (restored from a backup)', async () => {
    const dataDir = await tempDir();
    const { app, server } = await closedWithServer(dataDir);
    await call(app, 'outbox.sendNow', {});
    expect(server.received).toHaveLength(2);
    // The data go back to before the sending, as a restore would take them; the attempts log stays.
    await app.workspace.store.transact((tx) => {
      for (const message of tx.all('outboxMessage')) tx.put('outboxMessage', { ...message, status: 'prepared', attempts: 0, tries: 0, sentAt: null, attemptAt: null });
    });
    await app.close();

    const reopened = await openApp(dataDir, ORDERING_OPEN, server.transport);
    await call(reopened, 'outbox.sendNow', {});
    expect(server.received).toHaveLength(2);
    expect(statuses(await outbox(reopened))).toMatchObject({ 'producerOrder:Ferme du Bois': 'unknown', 'memberConfirmation:Chloé Dupré': 'unknown' });
    await reopened.close();
  });

  it('refuses to discard a message already sent', async () => {
    const dataDir = await tempDir();
    const { app } = await closedWithServer(dataDir);
    await call(app, 'outbox.sendNow', {});
    const sentOne = (await outbox(app)).messages.find((message) => message.status === 'sent')!;
    expect((await refusal(app, 'outbox.discard', { id: sentOne.id })).key).toBe('error.messageNotChangeable');
    const unsent = (await outbox(app)).messages.find((message) => message.toName === 'Marc Lenoir')!;
    expect(await call(app, 'outbox.discard', { id: unsent.id })).toMatchObject({ status: 'discarded' });
  });
});

describe('the list of messages', () => {
  it('comes 50 at a time, newest first, a page past the end giving the last one', async () => {
    const dataDir = await tempDir();
    const { app, distribution } = await dayWithOrders(dataDir);
    await call(app, 'distributions.closeEarly', { id: distribution.id });
    // Sixty more reminders, as years of distributions would leave.
    const model = await call<OutboxMessage>(app, 'outbox.get', { id: (await outbox(app)).messages[0]!.id });
    await app.workspace.store.transact((tx) => {
      for (let index = 0; index < 60; index += 1) {
        const name = `Membre ${String(index).padStart(2, '0')}`;
        tx.put('outboxMessage', { ...model, id: randomUUID(), kind: 'reminder', recipientId: randomUUID(), toName: name });
      }
    });

    const first = await call<OutboxView>(app, 'outbox.list', {});
    expect(first).toMatchObject({ start: 0, total: 64, pageSize: 50 });
    expect(first.messages).toHaveLength(50);
    const second = await call<OutboxView>(app, 'outbox.list', { page: 1 });
    expect(second).toMatchObject({ start: 50, total: 64 });
    // The closing's four messages, then the reminders by name: the second page holds the last fourteen.
    expect(second.messages.map((message) => message.toName)).toEqual(Array.from({ length: 14 }, (_, index) => `Membre ${46 + index}`));
    expect(new Set([...first.messages, ...second.messages].map((message) => message.id)).size).toBe(64);
    expect((await call<OutboxView>(app, 'outbox.list', { page: 9 })).start).toBe(50);
  });

  it('refuses a distribution that does not exist rather than showing it an empty outbox', async () => {
    const { app, distribution } = await dayWithOrders(await tempDir());
    await call(app, 'distributions.closeEarly', { id: distribution.id });
    expect(await refusal(app, 'outbox.list', { distributionId: randomUUID() })).toMatchObject({ key: 'error.distributionNotFound' });
    expect((await call<OutboxView>(app, 'outbox.list', { distributionId: distribution.id })).total).toBe(4);
  });
});

describe('the outbox stays on this copy', () => {
  it('writes none of its messages to the team or producers sync folders', async () => {
    const dataDir = await tempDir();
    const { app, distribution } = await dayWithOrders(dataDir);
    const team = await tempDir();
    const producers = await tempDir();
    await call(app, 'sync.saveSettings', { autoSyncMinutes: 0, teamFolder: team, producersFolder: producers });
    await call(app, 'distributions.closeEarly', { id: distribution.id });
    expect((await outbox(app)).messages).toHaveLength(4);
    await call(app, 'sync.now', {});

    for (const folder of [team, producers]) {
      const files = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) expect(await readFile(join(file.parentPath, file.name), 'utf8')).not.toContain('outboxMessage');
    }
  });
});

describe('the whole distribution cancelled', () => {
  const notices = (view: OutboxView) => view.messages.filter((message) => message.subject.startsWith('Distribution annulée') || message.subject.startsWith('Distribution cancelled'));

  it('tells each member with an order and each producer with something ordered, once, while ordering is still open, and that it is back when restored', async () => {
    const { app, distribution } = await dayWithOrders(await tempDir());
    await call(app, 'distributions.cancel', { id: distribution.id, confirmed: true });

    const view = await outbox(app);
    expect(notices(view).map((message) => [message.kind, message.toName, message.subject, message.update === true]).sort()).toEqual([
      ['memberConfirmation', 'Chloé Dupré', 'Distribution annulée — relais Panier d’Été, vendredi 6 mars 2026', false],
      ['memberConfirmation', 'Marc Lenoir', 'Distribution annulée — relais Panier d’Été, vendredi 6 mars 2026', false],
      ['producerOrder', 'Boulangerie Martin', 'Distribution annulée — relais Panier d’Été, vendredi 6 mars 2026', false],
      ['producerOrder', 'Ferme du Bois', 'Distribution annulée — relais Panier d’Été, vendredi 6 mars 2026', false],
    ]);
    expect(view.messages).toHaveLength(4);
    const toChloe = await call<OutboxMessage>(app, 'outbox.get', { id: view.messages.find((message) => message.toName === 'Chloé Dupré')!.id });
    expect(toChloe.text).toContain('rien à payer');
    const toFarm = await call<OutboxMessage>(app, 'outbox.get', { id: view.messages.find((message) => message.toName === 'Ferme du Bois')!.id });
    expect(toFarm.text).toContain('rien à livrer');

    // Cancelled again: nobody is told twice. Restored: each hears it is back, with the order as it stands.
    await call(app, 'distributions.cancel', { id: distribution.id, confirmed: true });
    expect((await outbox(app)).messages).toHaveLength(4);
    app.clock.advance(60_000);
    await call(app, 'distributions.restore', { id: distribution.id });
    const back = (await outbox(app)).messages.filter((message) => message.subject.startsWith('Distribution rétablie'));
    expect(back.map((message) => [message.kind, message.toName, message.update === true]).sort()).toEqual([
      ['memberConfirmation', 'Chloé Dupré', true],
      ['memberConfirmation', 'Marc Lenoir', true],
      ['producerOrder', 'Boulangerie Martin', true],
      ['producerOrder', 'Ferme du Bois', true],
    ]);
    const chloeBack = await call<OutboxMessage>(app, 'outbox.get', { id: back.find((message) => message.toName === 'Chloé Dupré')!.id });
    expect(chloeBack.text).toContain('La distribution annoncée comme annulée a finalement lieu');
    expect(chloeBack.text).toContain('Carottes');

    // Cancelled once more: news again for everyone. Past its closing, no closing message follows (all know the day is off).
    app.clock.advance(60_000);
    await call(app, 'distributions.cancel', { id: distribution.id, confirmed: true });
    expect(notices(await outbox(app))).toHaveLength(8);
    app.clock.set(new Date('2026-03-05T10:00:00.000Z'));
    await app.outbox.sweep();
    expect((await outbox(app)).messages).toHaveLength(12);
  });

  it('follows the closing messages as an update, in English for an English-speaking relay', async () => {
    const { app, distribution } = await dayWithOrders(await tempDir());
    await call(app, 'relay.update', { language: 'en' });
    await call(app, 'distributions.closeEarly', { id: distribution.id });
    app.clock.advance(60_000);
    await call(app, 'distributions.cancel', { id: distribution.id, confirmed: true });

    const view = await outbox(app);
    expect(view.messages).toHaveLength(8);
    const sent = notices(view);
    expect(sent.map((message) => [message.kind, message.toName, message.update === true]).sort()).toEqual([
      ['memberConfirmation', 'Chloé Dupré', true],
      ['memberConfirmation', 'Marc Lenoir', true],
      ['producerOrder', 'Boulangerie Martin', true],
      ['producerOrder', 'Ferme du Bois', true],
    ]);
    const toMarc = sent.find((message) => message.toName === 'Marc Lenoir')!;
    expect(toMarc.subject).toBe('Distribution cancelled — Panier d’Été relay, Friday 6 March 2026');
    const text = (await call<OutboxMessage>(app, 'outbox.get', { id: toMarc.id })).text;
    expect(text).toContain('you have nothing to pay');
    expect(text).toContain('The message sent earlier for this distribution no longer holds.');
    const toBakery = await call<OutboxMessage>(app, 'outbox.get', { id: sent.find((message) => message.toName === 'Boulangerie Martin')!.id });
    expect(toBakery.text).toContain('there is nothing to deliver');
  });
});

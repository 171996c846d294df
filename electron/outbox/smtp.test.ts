/**
 * Sending through a real SMTP server (smtp-server, on a free port of
 * 127.0.0.1): what the server receives is the message Cabas built, each
 * message once, and a restart sends nothing again.
 */
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import type { Member } from '../../shared/model/member';
import type { OutboxView } from '../../shared/outbox/views';
import { ORDERING_OPEN, pickupDay } from '../testing/pickup-day';
import { call, openApp } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';
import { startMailServer, type TestMailServer } from '../testing/mail-server';

const tempDir = useTempDirs();
const servers: TestMailServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function startServer(): Promise<TestMailServer> {
  const server = await startMailServer();
  servers.push(server);
  return server;
}

describe('sending through SMTP', () => {
  it('hands each message to the server once, as built, and sends nothing again after a restart', async () => {
    const { port, received } = await startServer();
    const dataDir = await tempDir();
    const day = await pickupDay(dataDir);
    const chloe = await call<Member>(day.app, 'members.create', { name: 'Chloé Dupré', email: 'chloe@example.org' });
    await day.order(chloe, [{ product: day.bread, quantity: 2 }]);
    await call(day.app, 'producers.update', { id: day.bread.producerId, changes: { email: 'boulangerie@example.org' } });
    await call(day.app, 'mail.saveSettings', { host: '127.0.0.1', port, secure: false, user: '', fromAddress: 'relais@example.org' });
    await call(day.app, 'distributions.closeEarly', { id: day.distribution.id });
    const view = await call<OutboxView>(day.app, 'outbox.sendNow', {});

    expect(view.connection.state).toBe('online');
    expect(view.messages.map((message) => message.status)).toEqual(['sent', 'sent']);
    expect(received.map((mail) => [mail.from, mail.to])).toEqual(
      expect.arrayContaining([
        ['relais@example.org', ['chloe@example.org']],
        ['relais@example.org', ['boulangerie@example.org']],
      ]),
    );
    const bakery = await simpleParser(received.find((mail) => mail.to[0] === 'boulangerie@example.org')!.raw);
    expect(bakery.subject).toBe('Commande du relais Mon relais pour le vendredi 6 mars 2026');
    expect(bakery.from?.value[0]).toEqual({ name: 'Mon relais', address: 'relais@example.org' });
    expect(bakery.attachments.map((attachment) => [attachment.filename, attachment.contentType])).toEqual([
      ['bon-de-livraison-boulangerie-martin-2026-03-06.pdf', 'application/pdf'],
      ['bon-de-livraison-boulangerie-martin-2026-03-06.csv', 'text/csv'],
    ]);
    // A message sent by the server is not a draft: no X-Unsent.
    expect(bakery.headers.has('x-unsent')).toBe(false);
    await day.app.close();

    const again = await openApp(dataDir, ORDERING_OPEN);
    await call(again, 'outbox.sendNow', {});
    expect(received).toHaveLength(2);
    await again.close();
  });
});

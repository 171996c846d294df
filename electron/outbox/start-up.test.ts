/**
 * The outbox does not hold up the app's opening (issue 15): its first round —
 * writing the `.eml` files, asking the mail server — runs after the app has
 * opened. Offline, a mail server can keep a connection waiting until its
 * timeout; the organiser works meanwhile.
 */
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Member } from '../../shared/model/member';
import type { OutboxView } from '../../shared/outbox/views';
import { ORDERING_OPEN, pickupDay } from '../testing/pickup-day';
import { openBackend, type Backend } from '../backend';
import { call } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

/** A server that takes the connection and never says a word (an SMTP server greets first): the client waits. */
async function silentServer() {
  const sockets: Socket[] = [];
  let connected!: () => void;
  const reached = new Promise<void>((resolve) => (connected = resolve));
  const server = createServer((socket) => {
    sockets.push(socket);
    connected();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    reached,
    /** Drops every connection: the waiting client fails at once. */
    hangUp: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

const servers: { hangUp(): Promise<void> }[] = [];
const opened: Backend[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.hangUp()));
  // Closing waits for the round: after the hang-up it has ended.
  await Promise.all(opened.splice(0).map((app) => app.close()));
});

describe('the outbox at start-up', () => {
  it('lets the app open and serve the organiser while the mail server has not answered', async () => {
    const silent = await silentServer();
    servers.push(silent);
    const dataDir = await tempDir();
    const day = await pickupDay(dataDir);
    const chloe = await call<Member>(day.app, 'members.create', { name: 'Chloé Dupré', email: 'chloe@example.org' });
    await day.order(chloe, [{ product: day.bread, quantity: 2 }]);
    await call(day.app, 'mail.saveSettings', { host: '127.0.0.1', port: silent.port, secure: false, user: '', fromAddress: 'relais@example.org' });
    await call(day.app, 'distributions.closeEarly', { id: day.distribution.id });
    await day.app.close();

    // The real SMTP transport: the round at open connects and waits for a greeting that never comes.
    // openBackend as the app calls it (openApp would wait for that round).
    const app = await openBackend({ dataDir, now: () => ORDERING_OPEN, foldWhenIdleMs: false, log: () => undefined });
    opened.push(app);
    app.syncer.stop();
    app.freezer.stop();
    app.placer.stop();
    app.outbox.stop();
    await silent.reached;
    const waiting = await call<OutboxView>(app, 'outbox.list', {});
    expect(waiting.working).toBe(true);
    expect(waiting.messages.map((message) => message.status)).toEqual(['prepared', 'prepared']);
    expect(await call<Member>(app, 'members.create', { name: 'Zoé Martin', email: '' })).toMatchObject({ name: 'Zoé Martin' });

    // The server drops the line: the round ends, and the message waits for the next one.
    await silent.hangUp();
    await app.outbox.whenIdle();
    const after = await call<OutboxView>(app, 'outbox.list', {});
    expect(after).toMatchObject({ working: false, connection: { state: 'offline' } });
    expect(after.messages.map((message) => message.status)).toEqual(['prepared', 'prepared']);
  });
});

/**
 * Two organisers' copies, each with a mail server (issue 15): both prepare the
 * messages when ordering closes, one sends them — each message reaches its
 * recipient once — and the other shows them as sent from there.
 */
import { describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n/messages';
import type { OutboxView } from '../../shared/outbox/views';
import { fakeServer, SMTP } from '../testing/outbox-day';
import { call, type TestApp } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';
import { bothClaimOffline, later, syncBoth, twoCopies } from '../testing/two-sending-copies';
import type { TransportFactory } from './transport';

const tempDir = useTempDirs();

const outbox = (app: TestApp) => call<OutboxView>(app, 'outbox.list', {});
const folders = async () => ({ a: await tempDir(), b: await tempDir(), team: await tempDir() });

/** Both copies share one relay through a team folder, each with its own mail server settings; ordering still open. */
async function twoCopiesWithServer() {
  const server = fakeServer();
  const { a, b, distribution } = await twoCopies(await folders(), server.transport);
  await call(a, 'mail.saveSettings', SMTP);
  // The sync that confirms the first copy's claim to the sending role comes after it.
  later(a, b);
  await syncBoth(a, b);
  await call(b, 'mail.saveSettings', SMTP);
  return { a, b, server, distribution };
}

/** Two copies sharing one relay through a team folder, ordering open, both claiming the sending role while offline (the second's claim wins). */
async function bothClaimingOffline(transport: TransportFactory) {
  return bothClaimOffline(await folders(), SMTP, transport);
}

describe('two organisers’ copies with a mail server', () => {
  it('send each message once: the copy that got a mail server first sends, the other shows them as sent from there', async () => {
    const { a, b, server, distribution } = await twoCopiesWithServer();
    await call(a, 'distributions.closeEarly', { id: distribution.id });
    await syncBoth(a, b);
    // Each copy prepares the closing's messages itself (the outbox is not synced).
    await b.outbox.sweep();
    expect((await outbox(b)).messages).toHaveLength(4);

    for (const app of [b, a, b, a]) await call(app, 'outbox.sendNow', {});

    expect(server.received.map((mail) => mail.to[0]).sort()).toEqual(['chloe@example.org', 'ferme@example.org']);
    const onA = await outbox(a);
    expect(onA.sendingCopy).toBe('here');
    expect(onA.messages.filter((message) => message.status === 'sent').map((message) => message.toName).sort()).toEqual(['Chloé Dupré', 'Ferme du Bois']);
    const onB = await outbox(b);
    expect(onB).toMatchObject({ sendingCopy: 'elsewhere', connection: { state: 'otherCopy' } });
    expect(onB.messages.every((message) => message.status === 'prepared')).toBe(true);
  });

  it('moves the sending to the other copy for what is prepared from then on, without sending the earlier messages again', async () => {
    const { a, b, server, distribution } = await twoCopiesWithServer();
    await call(a, 'distributions.closeEarly', { id: distribution.id });
    await call(a, 'outbox.sendNow', {});
    await syncBoth(a, b);
    await b.outbox.sweep();
    expect(server.received).toHaveLength(2);

    // The first laptop is going away: the organiser sends from the second one.
    b.clock.advance(60_000);
    expect((await call<OutboxView>(b, 'mail.sendFromHere', {})).sendingCopy).toBe('here');
    await call(b, 'outbox.sendNow', {});
    await syncBoth(a, b);
    await call(a, 'outbox.sendNow', {});
    expect(server.received).toHaveLength(2);
    expect((await outbox(a)).sendingCopy).toBe('elsewhere');
  });

  it('sends what the old copy left unsent only when the organiser asks, each message once', async () => {
    const { a, b, server, distribution } = await twoCopiesWithServer();
    // The first laptop closes ordering and goes away before sending anything.
    await call(a, 'distributions.closeEarly', { id: distribution.id });
    await syncBoth(a, b);
    await b.outbox.sweep();
    b.clock.advance(60_000);
    await call(b, 'mail.sendFromHere', {});
    // Its claim to the role goes through the team folder (the first laptop is away): confirmed.
    later(b);
    await call(b, 'sync.now', {});
    await call(b, 'outbox.sendNow', {});
    // The outbox does not sync: the second copy cannot tell they were not sent, so it sends nothing by itself and says so.
    expect(server.received).toHaveLength(0);
    expect((await outbox(b)).waitingFromBefore).toBe(2);

    const after = await call<OutboxView>(b, 'mail.sendWaitingHere', {});
    await b.outbox.whenIdle();
    await call(b, 'outbox.sendNow', {});
    expect(server.received.map((mail) => mail.to[0]).sort()).toEqual(['chloe@example.org', 'ferme@example.org']);
    expect(after.sendingCopy).toBe('here');
    expect((await outbox(b)).waitingFromBefore).toBe(0);
  });

  it('take the sending role both while offline: neither sends before a sync has kept its claim, then one sends each message once', async () => {
    const server = fakeServer();
    const { a, b, distribution } = await bothClaimingOffline(server.transport);
    expect((await outbox(a)).sendingCopy).toBe('here');
    expect((await outbox(b)).sendingCopy).toBe('here');

    await call(a, 'distributions.closeEarly', { id: distribution.id });
    const waiting = await call<OutboxView>(a, 'outbox.sendNow', {});
    expect(server.received).toHaveLength(0);
    expect(waiting.connection).toEqual({ state: 'awaitingRole' });

    later(a, b);
    await syncBoth(a, b);
    await b.outbox.sweep();
    // The same message has the same id (and Message-ID header) on both copies: what each sent can be compared.
    const ids = async (app: TestApp) => (await outbox(app)).messages.map((message) => message.id).sort();
    expect(await ids(b)).toEqual(await ids(a));
    for (const app of [a, b, a, b]) await call(app, 'outbox.sendNow', {});
    expect(server.received.map((mail) => mail.to[0]).sort()).toEqual(['chloe@example.org', 'ferme@example.org']);
    const roles = [(await outbox(a)).sendingCopy, (await outbox(b)).sendingCopy].sort();
    expect(roles).toEqual(['elsewhere', 'here']);
  });

  it('take the sending role both while offline, both send: the copy whose claim lost lists what it sent after the other’s claim, until dismissed', async () => {
    const server = fakeServer();
    // The farm's server is busy for a while: the first copy sends its message later, by hand.
    const busy = new Set(['ferme@example.org']);
    const transport: TransportFactory = (settings) => {
      const inner = server.transport(settings);
      return { ...inner, send: async (envelope, raw) => (busy.has(envelope.to[0]!) ? Promise.reject(Object.assign(new Error('4.3.2 try later'), { responseCode: 451 })) : inner.send(envelope, raw)) };
    };
    const { a, b, distribution } = await bothClaimingOffline(transport);

    // The first copy syncs alone: its claim is confirmed, it sends.
    await call(a, 'distributions.closeEarly', { id: distribution.id });
    later(a, b);
    await call(a, 'sync.now', {});
    await call(a, 'outbox.sendNow', {});
    expect(server.received.map((mail) => mail.to[0])).toEqual(['chloe@example.org']);

    // The second syncs later, wins, and sends the same messages.
    later(a, b);
    busy.clear();
    await call(b, 'sync.now', {});
    await call(b, 'outbox.sendNow', {});
    expect((await outbox(b)).sendingCopy).toBe('here');
    // The first, not synced again, sends one more.
    const farm = (await outbox(a)).messages.find((message) => message.toEmail === 'ferme@example.org')!;
    await call(a, 'outbox.retry', { id: farm.id });
    await call(a, 'outbox.sendNow', {});
    expect(server.received.map((mail) => mail.to[0]).sort()).toEqual(['chloe@example.org', 'chloe@example.org', 'ferme@example.org', 'ferme@example.org']);

    // Its next sync shows it the other copy's claim: what it sent since is listed, and it sends no more.
    later(a, b);
    await call(a, 'sync.now', {});
    const onA = await call<OutboxView>(a, 'outbox.sendNow', {});
    expect(onA.sendingCopy).toBe('elsewhere');
    const other = b.workspace.store.deviceId;
    expect(onA.doubled).toMatchObject({ by: other });
    expect(onA.doubled?.messages.map((message) => [message.toName, message.toEmail])).toEqual([
      ['Chloé Dupré', 'chloe@example.org'],
      ['Ferme du Bois', 'ferme@example.org'],
    ]);
    expect(onA.doubled?.messages.every((message) => message.subject.includes('Panier d’Été'))).toBe(true);
    expect(translate('fr', 'outbox.doubled', { count: 2, device: other })).toBe(
      `Deux ordinateurs ont envoyé les messages du relais : 2 messages envoyés d’ici après que la copie ${other} a pris l’envoi ont peut-être été envoyés deux fois.`,
    );
    await call(b, 'sync.now', {});
    expect((await call<OutboxView>(b, 'outbox.sendNow', {})).doubled).toBeNull();
    expect(server.received).toHaveLength(4);

    // Kept until the organiser dismisses it, and not listed again by the next syncs.
    await call(a, 'sync.now', {});
    expect((await call<OutboxView>(a, 'outbox.sendNow', {})).doubled?.messages).toHaveLength(2);
    expect((await call<OutboxView>(a, 'mail.dismissDoubled', {})).doubled).toBeNull();
    later(a, b);
    await call(a, 'sync.now', {});
    expect((await call<OutboxView>(a, 'outbox.sendNow', {})).doubled).toBeNull();
  });

  it('stop sending at once when a sync during a round gives the role to the other copy, and list what went', async () => {
    const server = fakeServer();
    // What happens on this copy while the server takes a message: a sync, here.
    let whileSending: (() => Promise<unknown>) | null = null;
    const transport: TransportFactory = (settings) => {
      const inner = server.transport(settings);
      return {
        ...inner,
        send: async (envelope, raw) => {
          await inner.send(envelope, raw);
          const then = whileSending;
          whileSending = null;
          await then?.();
        },
      };
    };
    const { a, b, distribution } = await bothClaimingOffline(transport);
    await call(a, 'distributions.closeEarly', { id: distribution.id });
    later(a, b);
    await call(a, 'sync.now', {});
    // The second copy's later claim reaches the folder and wins; the first learns of it after its first message.
    await call(b, 'sync.now', {});
    later(a, b);
    whileSending = () => call(a, 'sync.now', {});
    await call(a, 'outbox.sendNow', {});

    expect(server.received).toHaveLength(1);
    const onA = await call<OutboxView>(a, 'outbox.sendNow', {});
    expect(onA.messages.filter((message) => message.toEmail !== '').map((message) => message.status).sort()).toEqual(['prepared', 'sent']);
    expect(onA.doubled?.messages.map((message) => message.toEmail)).toEqual(server.received.map((mail) => mail.to[0]));
  });
});

/**
 * The outbox tests' relay (issue 15): two producers, two members' orders, ordering
 * open, and a mail server stand-in that records what it is handed or fails as told.
 */
import type { MailTransport, TransportFactory } from '../outbox/transport';
import { ORDERING_OPEN, pickupDay, type PickupDay } from './pickup-day';
import { call, openApp, type TestApp } from './service-calls';

/** A mail server stand-in: records what it is handed, or fails as told. */
export function fakeServer() {
  const received: { to: string[]; raw: string }[] = [];
  const behaviour = { offline: false, failWith: null as null | { message: string; responseCode: number } };
  const transport: TransportFactory = (): MailTransport => ({
    verify: async () => {
      if (behaviour.offline) throw new Error('getaddrinfo ENOTFOUND smtp.example.org');
    },
    send: async (envelope, raw) => {
      if (behaviour.failWith) throw Object.assign(new Error(behaviour.failWith.message), { responseCode: behaviour.failWith.responseCode });
      received.push({ to: envelope.to, raw: raw.toString('utf8') });
    },
    close: () => undefined,
  });
  return { received, behaviour, transport };
}

export const SMTP = { host: 'smtp.example.org', port: 587, secure: false, user: 'relais', password: 'secret', fromAddress: 'relais@example.org' };

/** A relay with two producers and two members' orders, ordering open (pickup-day.ts). */
export async function dayWithOrders(dataDir: string, transport?: TransportFactory): Promise<PickupDay & { app: TestApp }> {
  const day = await pickupDay(dataDir);
  let app = day.app;
  if (transport) {
    await app.close();
    app = await openApp(dataDir, ORDERING_OPEN, transport);
  }
  const setup = { ...day, app };
  const chloe = await call<{ id: string }>(app, 'members.create', { name: 'Chloé Dupré', email: 'chloe@example.org' });
  const marc = await call<{ id: string }>(app, 'members.create', { name: 'Marc Lenoir', email: '' });
  for (const [member, lines] of [
    [chloe, [{ product: day.carrots, quantity: 2 }, { product: day.bread, quantity: 1 }]],
    [marc, [{ product: day.carrots, quantity: 1 }]],
  ] as const) {
    let order = await call<{ id: string }>(app, 'orders.open', { distributionId: day.distribution.id, memberId: member.id });
    for (const line of lines) order = await call<{ id: string }>(app, 'orders.addLine', { orderId: order.id, productId: line.product.id, quantity: line.quantity });
  }
  await call(app, 'producers.update', { id: day.carrots.producerId, changes: { email: 'ferme@example.org' } });
  // Accents in the relay's name put them in every subject.
  await call(app, 'relay.update', { name: 'Panier d’Été' });
  return setup;
}

/**
 * When the outbox works (issue 15): at the next closing or reminder, at once on
 * a change that may prepare something, every minute only while messages wait
 * for a server that did not answer — never every minute for nothing. The waits
 * it asks for are recorded, not slept.
 */
import { describe, expect, it, vi } from 'vitest';
import type { OutboxView } from '../../shared/outbox/views';
import { dayWithOrders, fakeServer, SMTP } from '../testing/outbox-day';
import { recordedTimer } from '../testing/recorded-timer';
import { call, type TestApp } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';
import type { TransportFactory } from './transport';
import { Outbox } from './outbox';
import { prepareClosing } from './prepare';

vi.mock('./prepare', async (importOriginal) => {
  const original = await importOriginal<typeof import('./prepare')>();
  return { ...original, prepareClosing: vi.fn(original.prepareClosing) };
});

const tempDir = useTempDirs();
const MINUTE = 60_000;

/** A second outbox on the app's store (the app's own is stopped in tests), whose waits are recorded. */
async function watchedOutbox(app: TestApp, transport?: TransportFactory) {
  const { timer, pending, fire } = recordedTimer();
  const outbox = await Outbox.open({ dataDir: app.dataDir, store: () => app.workspace.store, now: app.clock.now, active: () => true, transport, timer });
  await outbox.whenIdle();
  /** The time comes: the wait asked for runs its round. */
  const elapse = async () => {
    if (!fire()) throw new Error('no wait was asked for');
    await outbox.whenIdle();
  };
  return { outbox, pending, elapse };
}

const count = async (app: TestApp) => (await call<OutboxView>(app, 'outbox.list', {})).total;

describe('when the outbox works', () => {
  it('wakes at the closing and at the reminder, and looks only once a quarter of an hour when nothing is due', async () => {
    const { app, distribution } = await dayWithOrders(await tempDir());
    const closing = Date.parse(distribution.closesAt);
    const { outbox, pending, elapse } = await watchedOutbox(app);
    // Closing in fourteen hours: nothing to do before, a look in a quarter of an hour.
    expect(pending()).toEqual([15 * MINUTE]);

    // The relay asks for a reminder two hours before the close: a change that wakes it, then a wait till then.
    await call(app, 'relay.update', { reminderHours: 2 });
    expect(pending()).toEqual([0]);
    app.clock.set(new Date(closing - 2 * 3_600_000 - 5 * MINUTE));
    await elapse();
    expect(pending()).toEqual([5 * MINUTE]);
    app.clock.set(new Date(closing - 2 * 3_600_000));
    await elapse();
    // Chloé's reminder (Marc has no address).
    expect(await count(app)).toBe(1);
    expect(pending()).toEqual([15 * MINUTE]);

    app.clock.set(new Date(closing - 3 * MINUTE));
    await elapse();
    expect(pending()).toEqual([3 * MINUTE]);
    app.clock.set(new Date(closing));
    await elapse();
    expect(await count(app)).toBe(5);
    // The round froze the rates at the close, a change: one more round, which prepares nothing, then the quarter-hour look.
    expect(pending()).toEqual([0]);
    await elapse();
    expect(await count(app)).toBe(5);
    expect(pending()).toEqual([15 * MINUTE]);
    // A change still wakes it (the round its own freeze asked for used to be cancelled, and no change woke it again).
    await call(app, 'relay.update', { name: 'Relais des Tilleuls' });
    expect(pending()).toEqual([0]);
    await outbox.close();
  });

  it('prepares at once a closing that arrives as a change (another copy closed it), without waiting for a timer', async () => {
    const { app, distribution } = await dayWithOrders(await tempDir());
    const { outbox, pending, elapse } = await watchedOutbox(app);
    const store = app.workspace.store;
    // What a sync from the copy that closed ordering writes here.
    await store.transact((tx) => void tx.put('distribution', { ...tx.get('distribution', distribution.id)!, closedEarlyAt: app.clock.now().toISOString() }));
    expect(pending()).toEqual([0]);
    await elapse();
    expect(await count(app)).toBe(4);
    await outbox.close();
  });

  it('tries again every minute only while messages wait for a mail server that did not answer', async () => {
    const server = fakeServer();
    const { app, distribution } = await dayWithOrders(await tempDir(), server.transport);
    await call(app, 'mail.saveSettings', SMTP);
    server.behaviour.offline = true;
    await call(app, 'distributions.closeEarly', { id: distribution.id });
    const { outbox, pending, elapse } = await watchedOutbox(app, server.transport);
    expect(pending()).toEqual([MINUTE]);
    server.behaviour.offline = false;
    app.clock.advance(MINUTE);
    await elapse();
    expect(server.received).toHaveLength(2);
    expect(pending()).toEqual([15 * MINUTE]);
    await outbox.close();
  });

  it('composes a distribution closed again with nothing new once, not at every round', async () => {
    const { app, distribution } = await dayWithOrders(await tempDir());
    await call(app, 'distributions.closeEarly', { id: distribution.id });
    app.clock.advance(MINUTE);
    await call(app, 'distributions.reopen', { id: distribution.id });
    app.clock.advance(MINUTE);
    await call(app, 'distributions.closeEarly', { id: distribution.id });
    vi.mocked(prepareClosing).mockClear();
    for (let round = 0; round < 5; round += 1) {
      app.clock.advance(MINUTE);
      await app.outbox.sweep();
    }
    expect(vi.mocked(prepareClosing).mock.calls.length).toBeLessThanOrEqual(1);
    expect(await count(app)).toBe(4);
  });
});

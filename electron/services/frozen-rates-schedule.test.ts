/**
 * When the rate freezer works (issue 15): at the next close among the
 * distributions, at once on a change that may move it (typed here or merged
 * from another copy), and otherwise only once a quarter of an hour for a
 * laptop that slept through its timer — never every minute for nothing. The
 * waits it asks for are recorded, not slept.
 */
import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../shared/model/distribution';
import { ORDERING_OPEN, pickupDay } from '../testing/pickup-day';
import { call, type TestApp } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';
import { watchedSweeper } from '../testing/watched-sweeper';
import { startFreezing } from './frozen-rates';

const tempDir = useTempDirs();
const MINUTE = 60_000;
/** Wednesday 4 March 2026, 23:59 Brussels: ordering for Friday closes by the clock. */
const CLOSES = new Date('2026-03-04T22:59:00.000Z');

/** A second freezer on the app's store (the app's own is stopped in tests), whose waits are recorded. */
async function watchedFreezer(app: TestApp) {
  const { sweeper: freezer, pending, elapse: round, logged } = await watchedSweeper(app, startFreezing);
  /** The time comes: the wait asked for runs its round, and the rounds its own freeze calls for (a freeze is a change). */
  const elapse = async () => {
    let ran = await round();
    while (ran && pending().every((ms) => ms === 0)) ran = await round();
  };
  return { freezer, pending, elapse, logged };
}

const ratesOf = (app: TestApp, distribution: { id: string }): Distribution['rates'] => app.workspace.store.get('distribution', distribution.id)!.rates;

describe('when the rate freezer works', () => {
  it('waits for the close, freezes at it, and otherwise looks only once a quarter of an hour', async () => {
    const { app, distribution } = await pickupDay(await tempDir());
    const { freezer, pending, elapse, logged } = await watchedFreezer(app);
    // Closing in fourteen hours: a look in a quarter of an hour, never a sweep every minute.
    expect(pending()).toEqual([15 * MINUTE]);

    app.clock.set(new Date(CLOSES.getTime() - 10 * MINUTE));
    await elapse();
    expect(pending()).toEqual([10 * MINUTE]);
    expect(ratesOf(app, distribution)).toBeNull();

    app.clock.set(CLOSES);
    await elapse();
    expect(ratesOf(app, distribution)).toMatchObject({ hostCommissionBp: 835, serviceFeeBp: 1165, frozenAt: CLOSES.toISOString() });
    // Nothing left to close: the quarter-hour look only.
    expect(pending()).toEqual([15 * MINUTE]);
    expect(logged).toEqual([]);
    // Its own freeze woke it once; it still wakes on the next change (a note here).
    await call(app, 'distributions.update', { id: distribution.id, changes: { notes: 'Apporter des sacs' } });
    expect(pending()).toEqual([0]);
    freezer.stop();
    expect(pending()).toEqual([]);
  });

  it('wakes at once when a distribution is moved to close sooner, and freezes at its new close', async () => {
    const { app, distribution } = await pickupDay(await tempDir());
    const { freezer, pending, elapse } = await watchedFreezer(app);
    // 10:05 in Brussels: five minutes after ORDERING_OPEN.
    await call(app, 'distributions.update', { id: distribution.id, changes: { closes: { date: '2026-03-04', time: '10:05' } } });
    expect(pending()).toEqual([0]);
    await elapse();
    expect(pending()).toEqual([5 * MINUTE]);

    app.clock.set(new Date(ORDERING_OPEN.getTime() + 5 * MINUTE));
    await elapse();
    expect(ratesOf(app, distribution)).toMatchObject({ frozenAt: app.clock.now().toISOString() });
    freezer.stop();
  });

  it('wakes at once when another copy’s change to the close is merged by sync', async () => {
    const { app, distribution } = await pickupDay(await tempDir());
    const { freezer, pending, elapse } = await watchedFreezer(app);
    const laptop = '0b6f7c62-7d3c-4c4e-9a59-2a9f1f6c0d11';
    const at = new Date(ORDERING_OPEN.getTime() + MINUTE).toISOString();
    const closes = new Date(ORDERING_OPEN.getTime() + 7 * MINUTE).toISOString();
    const merged = await app.workspace.store.merge(
      [{ at: `${at}-0000-${laptop}`, device: laptop, entity: 'distribution', entityId: distribution.id, fields: { closesAt: closes } }],
      'team',
    );
    expect(merged.applied).toHaveLength(1);
    expect(pending()).toEqual([0]);
    await elapse();
    expect(pending()).toEqual([7 * MINUTE]);
    freezer.stop();
  });

  it('tries again in a minute, not at once, after a sweep that could not write', async () => {
    const { app, distribution } = await pickupDay(await tempDir());
    app.clock.set(new Date(CLOSES.getTime() + MINUTE));
    const store = app.workspace.store;
    const transact = store.transact.bind(store);
    let full = true;
    store.transact = ((work) => (full ? Promise.reject(new Error('disk full')) : transact(work))) as typeof store.transact;
    const { freezer, pending, elapse, logged } = await watchedFreezer(app);
    expect(logged).toHaveLength(1);
    expect(pending()).toEqual([MINUTE]);
    full = false;
    await elapse();
    expect(ratesOf(app, distribution)).not.toBeNull();
    expect(pending()).toEqual([15 * MINUTE]);
    freezer.stop();
  });
});

/**
 * A second sweeper on a test app's store (the app's own rate freezer and standing-orders placer are stopped
 * in tests), whose waits are recorded, not slept, and whose errors are kept (electron/scheduling/sweeper.ts).
 */
import type { Sweeper } from '../scheduling/sweeper';
import type { Timer } from '../scheduling/wake';
import type { Store } from '../store/store';
import { recordedTimer } from './recorded-timer';
import type { TestApp } from './service-calls';

/** `startFreezing` or `startPlacing`. */
type StartSweeping = (store: () => Store | null, now: () => Date, active: () => boolean, log: (error: unknown) => void, timer: Timer) => Promise<Sweeper>;

export async function watchedSweeper(app: TestApp, start: StartSweeping) {
  const { timer, pending, fire } = recordedTimer();
  const logged: unknown[] = [];
  let rounds: Promise<void> = Promise.resolve();
  const sweeper = await start(() => app.workspace.store, app.clock.now, () => true, (error) => logged.push(error), timer);
  /** The time comes: the wait asked for runs its round, which is over on return. False when no wait was pending. */
  const elapse = async (): Promise<boolean> => {
    if (!fire()) return false;
    // The round runs its sweep in the background: a transaction after it waits for it, as the store runs one at a time.
    rounds = rounds.then(() => app.workspace.store.transact(() => undefined));
    await rounds;
    return true;
  };
  return { sweeper, pending, elapse, logged };
}

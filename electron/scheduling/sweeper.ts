/**
 * A sweep that runs once now, then again at the next moment something falls due (a close, an opening), at the
 * latest a quarter of an hour later, and at once on a change of the kinds it watches, typed or merged by sync:
 * the rate freezer and the standing-orders placer, never every minute for nothing (issue 15).
 */
import type { EntityKind } from '../../shared/model/change';
import type { Store, Transaction } from '../store/store';
import { realTimer, Wake, type Timer } from './wake';

export interface Sweeper {
  /** One sweep now, then the wait till the next moment due set again (the timer's work; tests call it when their clock has moved). */
  sweep(): Promise<void>;
  stop(): void;
}

/**
 * The longest wait: a sleeping laptop's timer runs late by the length of its sleep, and one set days ahead would
 * act long after the moment, so the sweeper looks again every quarter of an hour, as the outbox does.
 */
const LONGEST_WAIT_MS = 15 * 60_000;
/** After a sweep that could not write (a full disk): again in a minute, not at once (the moment is past) nor a quarter of an hour later. */
const RETRY_MS = 60_000;

export interface SweepPlan {
  store: () => Store | null;
  now: () => Date;
  /** Whether this copy sweeps at all (a producer's copy receives the organiser's freezes and orders by sync). */
  active: () => boolean;
  /** The work, in one transaction; skipped when `needed` says there is nothing to do (an idle app writes nothing). */
  work: (tx: Transaction, now: Date) => void;
  needed?: (store: Store) => boolean;
  /** The next moment due, in ms since the epoch; null = none to come. */
  next: (store: Store, now: Date) => number | null;
  waking: ReadonlySet<EntityKind>;
  log: (error: unknown) => void;
  timer?: Timer;
}

export async function startSweeping(plan: SweepPlan): Promise<Sweeper> {
  const { store, now, active } = plan;
  let failed = false;
  const run = async () => {
    const current = store();
    if (current === null || !active() || (plan.needed && !plan.needed(current))) return;
    try {
      await current.transact((tx) => plan.work(tx, now()));
      failed = false;
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  const schedule = () => {
    const current = store();
    wake.watch(current);
    const at = now().getTime();
    const due = current !== null && active() ? plan.next(current, now()) : null;
    wake.in(Math.min(at + (failed ? RETRY_MS : LONGEST_WAIT_MS), due ?? Infinity) - at);
  };
  const sweep = async () => {
    try {
      await run();
    } finally {
      schedule();
    }
  };
  const wake = new Wake(plan.timer ?? realTimer, () => void sweep().catch(plan.log), plan.waking);
  // A sweep that cannot write must not keep the app from opening: the next one, or the next change, does the work.
  await sweep().catch(plan.log);
  return { sweep, stop: () => wake.stop() };
}

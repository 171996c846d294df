/**
 * Freezing a distribution's rates when its ordering closes (issue 15).
 *
 * Closing by hand freezes in the same transaction (distributions.ts). Closing by
 * the clock has no operation of its own, so the rates are frozen by whichever
 * comes first: the sweep at open and every minute after (`startFreezing`), or
 * any change of the relay's settings, which freezes every distribution whose
 * ordering has closed *before* the new rates are written. The relay's rates
 * cannot change between a closing and its freeze without passing through here.
 */
import type { Distribution } from '../../shared/model/distribution';
import type { RelaySettings } from '../../shared/model/relay';
import { freezeRates, orderingHasClosed } from '../../shared/settlement/rates';
import type { Store, Transaction } from '../store/store';
import { readRelay } from './relay';

/**
 * The distribution with its rates frozen if its ordering has closed. Never
 * unfreezes: a copy whose clock is behind must not undo another copy's freeze
 * (only reopening, in distributions.ts, gives a distribution back to the relay's rates).
 */
export function frozenIfClosed(distribution: Distribution, relay: RelaySettings, now: Date): Distribution {
  if (distribution.rates !== null || !orderingHasClosed(distribution, now)) return distribution;
  return { ...distribution, rates: freezeRates(relay, now.toISOString()) };
}

/** Stages the freeze of every distribution whose ordering has closed since the last sweep, at the relay's rates as `tx` holds them. */
export function freezeClosed(tx: Transaction, now: Date): number {
  const relay = readRelay(tx);
  let frozen = 0;
  for (const distribution of tx.all('distribution')) {
    if (distribution.rates !== null) continue;
    const next = frozenIfClosed(distribution, relay, now);
    if (next === distribution) continue;
    tx.put('distribution', next);
    frozen += 1;
  }
  return frozen;
}

export interface Freezer {
  /** One sweep now (the timer's work; tests call it when their clock has moved). */
  sweep(): Promise<void>;
  stop(): void;
}

const SWEEP_MS = 60_000;

/**
 * Sweeps once now, then every minute while the app runs. `active` says whether
 * this copy freezes at all: a producer's copy receives the organiser's freeze by sync.
 */
export async function startFreezing(
  store: () => Store | null,
  now: () => Date,
  active: () => boolean,
  log: (error: unknown) => void = console.error,
): Promise<Freezer> {
  const sweep = async () => {
    const current = store();
    if (current === null || !active()) return;
    await current.transact((tx) => freezeClosed(tx, now()));
  };
  // A sweep that cannot write (a full disk) must not keep the app from opening: the next one, or the next settings change, freezes.
  await sweep().catch(log);
  const timer = setInterval(() => void sweep().catch(log), SWEEP_MS);
  timer.unref?.();
  return { sweep, stop: () => clearInterval(timer) };
}

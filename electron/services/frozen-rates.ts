/**
 * Freezing a distribution's rates when its ordering closes (issue 15).
 *
 * Closing by hand freezes in the same transaction (distributions.ts). Closing by
 * the clock has no operation of its own, so the rates are frozen by whichever
 * comes first: the sweep at open and at each distribution's close after
 * (`startFreezing`), the outbox's round at that close (outbox.ts), or any
 * change of the relay's settings, which freezes every distribution whose
 * ordering has closed *before* the new rates are written. The relay's rates
 * cannot change between a closing and its freeze without passing through here.
 */
import type { Distribution } from '../../shared/model/distribution';
import type { RelaySettings } from '../../shared/model/relay';
import { freezeRates, orderingHasClosed } from '../../shared/settlement/rates';
import type { EntityKind } from '../../shared/model/change';
import type { Store, Transaction } from '../store/store';
import { startSweeping, type Sweeper } from '../scheduling/sweeper';
import type { Timer } from '../scheduling/wake';
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

/** When the next distribution's ordering closes with its rates still the relay's, in ms since the epoch; null = none to come. */
export function nextClose(store: Store, now: Date): number | null {
  let next: number | null = null;
  for (const distribution of store.all('distribution')) {
    if (distribution.rates !== null || distribution.closedEarlyAt !== null) continue;
    const closes = Date.parse(distribution.closesAt);
    // One already closed and not frozen is the sweep's, not a wait's: a sweep that failed must not be retried at once, forever.
    if (closes > now.getTime() && (next === null || closes < next)) next = closes;
  }
  return next;
}

export type Freezer = Sweeper;

/** A distribution planned, moved, closed early or reopened, typed here or merged by sync, or the relay's settings: the next close may differ. */
const FREEZER_WAKING: ReadonlySet<EntityKind> = new Set<EntityKind>(['distribution', 'relay']);

/**
 * Sweeps once now, then at the next close among distributions (issue 15), never every minute for nothing.
 * `active` says whether this copy freezes at all: a producer's copy receives the organiser's freeze by sync.
 */
export function startFreezing(
  store: () => Store | null,
  now: () => Date,
  active: () => boolean,
  log: (error: unknown) => void = console.error,
  timer?: Timer,
): Promise<Freezer> {
  return startSweeping({ store, now, active, log, timer, work: freezeClosed, next: nextClose, waking: FREEZER_WAKING });
}

/**
 * Frozen rates (issue 15): a distribution keeps the commission and fee rates
 * (and the currency) in force when its ordering closed, so changing the fee in
 * Réglages never rewrites what a past distribution owed. Until the settlement
 * is declared done, the organiser may set other rates on that distribution,
 * with a reason kept beside each change; the last change is in force.
 */
import type { Distribution, FrozenRates, RateChange } from '../model/distribution';
import type { RelaySettings } from '../model/relay';
import type { DistributionSettlement } from './distribution';
import type { FeeRates } from './fees';

type RelayTerms = Pick<RelaySettings, 'hostCommissionBp' | 'serviceFeeBp' | 'currency'>;
type RateFields = Pick<Distribution, 'rates' | 'rateChanges' | 'settledAt'>;

/** Ordering has closed, by the clock or by the organiser's hand. A cancelled distribution closes like any other. */
export function orderingHasClosed(distribution: Pick<Distribution, 'closesAt' | 'closedEarlyAt'>, now: Date): boolean {
  return distribution.closedEarlyAt !== null || now.getTime() >= Date.parse(distribution.closesAt);
}

export function freezeRates(relay: RelayTerms, at: string): FrozenRates {
  return { hostCommissionBp: relay.hostCommissionBp, serviceFeeBp: relay.serviceFeeBp, currency: relay.currency, frozenAt: at };
}

/**
 * The rates a distribution should hold at `now` after the organiser edited it:
 * frozen from the relay once ordering has closed; back to following the relay
 * when ordering is reopened, unless the organiser set rates by hand (that
 * decision and its reason stay) or the settlement is done.
 * Returns the same object when nothing is to change.
 */
export function withRatesInForce<D extends Pick<Distribution, 'closesAt' | 'closedEarlyAt'> & RateFields>(distribution: D, relay: RelayTerms, now: Date): D {
  const closed = orderingHasClosed(distribution, now);
  if (closed && distribution.rates === null) return { ...distribution, rates: freezeRates(relay, now.toISOString()) };
  const byHand = distribution.rateChanges.length > 0 || distribution.settledAt !== null;
  if (!closed && distribution.rates !== null && !byHand) return { ...distribution, rates: null };
  return distribution;
}

/** Whose rates a settlement uses: the relay's (ordering not closed), frozen at the closing, or set by hand on the distribution. */
export type RatesSource = 'relay' | 'frozen' | 'changed';

/** The rates a distribution's settlement uses, and where they come from. */
export interface SettlementRates extends FeeRates {
  currency: RelaySettings['currency'];
  source: RatesSource;
  /** When ordering closed and the relay's rates were taken; null while it has not. */
  frozenAt: string | null;
  changes: RateChange[];
  settledAt: string | null;
}

/** The settlement as the screen gets it: the figures, and the rates they were computed with. */
export interface SettlementView extends DistributionSettlement {
  rates: SettlementRates;
}

export function settlementRates(distribution: RateFields, relay: RelayTerms): SettlementRates {
  const { rates, rateChanges, settledAt } = distribution;
  const last = rateChanges.at(-1);
  const base = rates ?? relay;
  const inForce = last ? last.to : base;
  const source: RatesSource = last ? 'changed' : rates ? 'frozen' : 'relay';
  return {
    hostCommissionBp: inForce.hostCommissionBp,
    serviceFeeBp: inForce.serviceFeeBp,
    currency: base.currency,
    source,
    frozenAt: rates?.frozenAt ?? null,
    changes: rateChanges,
    settledAt,
  };
}

export type RateChangeRefusal = 'notFrozen' | 'settled' | 'unchanged';

/** Why the rates of a distribution cannot be set to `to`, or null when they can. */
export function rateChangeRefusal(distribution: RateFields, to: FeeRates): RateChangeRefusal | null {
  if (distribution.settledAt !== null) return 'settled';
  if (distribution.rates === null) return 'notFrozen';
  const current = settlementRates(distribution, distribution.rates);
  if (current.hostCommissionBp === to.hostCommissionBp && current.serviceFeeBp === to.serviceFeeBp) return 'unchanged';
  return null;
}

/** The distribution's changes by hand after one more, kept with its reason. Call only when `rateChangeRefusal` is null. */
export function withRateChange(distribution: RateFields & { rates: FrozenRates }, to: FeeRates, reason: string, at: string): RateChange[] {
  const current = settlementRates(distribution, distribution.rates);
  const from = { hostCommissionBp: current.hostCommissionBp, serviceFeeBp: current.serviceFeeBp };
  return [...distribution.rateChanges, { at, from, to: { hostCommissionBp: to.hostCommissionBp, serviceFeeBp: to.serviceFeeBp }, reason }];
}

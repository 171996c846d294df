/**
 * Frozen rates (issue 15): a distribution keeps the commission and fee rates
 * (and the currency) in force when its ordering closed, so changing the fee in
 * Réglages never rewrites what a past distribution owed. Until the settlement
 * is declared done, the organiser may change them on that distribution, with a
 * reason kept beside the change.
 */
import type { Distribution, FrozenRates } from '../model/distribution';
import type { RelaySettings } from '../model/relay';
import type { DistributionSettlement } from './distribution';
import type { FeeRates } from './fees';

type RelayTerms = Pick<RelaySettings, 'hostCommissionBp' | 'serviceFeeBp' | 'currency'>;

/** Ordering has closed, by the clock or by the organiser's hand. A cancelled distribution closes like any other. */
export function orderingHasClosed(distribution: Pick<Distribution, 'closesAt' | 'closedEarlyAt'>, now: Date): boolean {
  return distribution.closedEarlyAt !== null || now.getTime() >= Date.parse(distribution.closesAt);
}

export function freezeRates(relay: RelayTerms, at: string): FrozenRates {
  return { hostCommissionBp: relay.hostCommissionBp, serviceFeeBp: relay.serviceFeeBp, currency: relay.currency, frozenAt: at, changes: [] };
}

/**
 * The rates a distribution should hold at `now` after the organiser edited it:
 * frozen from the relay once ordering has closed; back to following the relay
 * when ordering is reopened, unless the organiser changed them by hand (that
 * decision and its reason stay) or the settlement is done.
 * Returns the same object when nothing is to change.
 */
export function withRatesInForce<D extends Pick<Distribution, 'closesAt' | 'closedEarlyAt' | 'rates' | 'settledAt'>>(distribution: D, relay: RelayTerms, now: Date): D {
  const { rates } = distribution;
  const closed = orderingHasClosed(distribution, now);
  if (closed && rates === null) return { ...distribution, rates: freezeRates(relay, now.toISOString()) };
  if (!closed && rates !== null && rates.changes.length === 0 && distribution.settledAt === null) return { ...distribution, rates: null };
  return distribution;
}

/** The rates a distribution's settlement uses, and whether they are its own or still the relay's. */
export interface SettlementRates extends FeeRates {
  currency: RelaySettings['currency'];
  /** null: ordering has not closed, the relay's current rates apply and may still change. */
  frozenAt: string | null;
  changes: FrozenRates['changes'];
  settledAt: string | null;
}

/** The settlement as the screen gets it: the figures, and the rates they were computed with. */
export interface SettlementView extends DistributionSettlement {
  rates: SettlementRates;
}

export function settlementRates(distribution: Pick<Distribution, 'rates' | 'settledAt'>, relay: RelayTerms): SettlementRates {
  const own = distribution.rates;
  if (own === null) return { ...pickTerms(relay), frozenAt: null, changes: [], settledAt: distribution.settledAt };
  return { ...pickTerms(own), frozenAt: own.frozenAt, changes: own.changes, settledAt: distribution.settledAt };
}

function pickTerms(terms: RelayTerms): RelayTerms {
  return { hostCommissionBp: terms.hostCommissionBp, serviceFeeBp: terms.serviceFeeBp, currency: terms.currency };
}

export type RateChangeRefusal = 'notFrozen' | 'settled' | 'unchanged';

/** Why the rates of a distribution cannot be changed to `to`, or null when they can. */
export function rateChangeRefusal(distribution: Pick<Distribution, 'rates' | 'settledAt'>, to: FeeRates): RateChangeRefusal | null {
  if (distribution.settledAt !== null) return 'settled';
  if (distribution.rates === null) return 'notFrozen';
  if (distribution.rates.hostCommissionBp === to.hostCommissionBp && distribution.rates.serviceFeeBp === to.serviceFeeBp) return 'unchanged';
  return null;
}

/** The frozen rates after a change by hand, the change kept with its reason. Call only when `rateChangeRefusal` is null. */
export function changedRates(rates: FrozenRates, to: FeeRates, reason: string, at: string): FrozenRates {
  const from = { hostCommissionBp: rates.hostCommissionBp, serviceFeeBp: rates.serviceFeeBp };
  const next = { hostCommissionBp: to.hostCommissionBp, serviceFeeBp: to.serviceFeeBp };
  return { ...rates, ...next, changes: [...rates.changes, { at, from, to: next, reason }] };
}

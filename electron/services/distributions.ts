/**
 * Weekly distributions: planned one by one or as a series, with their
 * ordering window in the relay's time zone, closed early, reopened or
 * cancelled by the organiser. Status is always derived from the clock.
 */
import { randomUUID } from 'node:crypto';
import { UserError } from '../../shared/contract/errors';
import type { DistributionView } from '../../shared/catalogue/views';
import { localInstant, type LocalDate, type LocalTime } from '../../shared/distributions/calendar';
import { distributionStatus, orderingWindow, seriesDates, type SeriesPlan } from '../../shared/distributions/schedule';
import type { Distribution, DistributionStatus } from '../../shared/model/distribution';
import { withRatesInForce } from '../../shared/settlement/rates';
import { distributionFile } from '../store/entities';
import type { Store, Transaction } from '../store/store';
import { orderCount } from './ordered';
import { readRelay } from './relay';
import { prepareClosing } from '../outbox/prepare';
import { prepareDistributionCancelled, prepareDistributionRestored } from '../outbox/cancelled';

export interface LocalMoment {
  date: LocalDate;
  time: LocalTime;
}

export interface DistributionDraft {
  pickupDate: LocalDate;
  pickupStart: LocalTime;
  pickupEnd: LocalTime;
  /** Left out: the relay's default ordering window. */
  opens?: LocalMoment;
  closes?: LocalMoment;
  notes: string;
}

export function existingDistribution(source: Store | Transaction, id: string): Distribution {
  const distribution = source.get('distribution', id);
  if (!distribution) throw new UserError('error.distributionNotFound');
  return distribution;
}

/** Cancelled, or its pickup is over: stock and orders are history now. */
export function isFinished(distribution: Distribution, now: Date, timeZone: string): boolean {
  return isFinishedStatus(distributionStatus(distribution, now, timeZone));
}

/** The same, for a caller that needs the status for more than this (worked out once: a time-zone lookup each). */
export function isFinishedStatus(status: DistributionStatus): boolean {
  return status === 'cancelled' || status === 'distributed';
}

export function distributionView(source: Store | Transaction, distribution: Distribution, now: Date, timeZone: string): DistributionView {
  // A distribution of years ago whose file is still unread is counted from the store's index, not read for a list.
  const unread = source.unreadSummary(distributionFile(distribution.id));
  return {
    ...distribution,
    status: distributionStatus(distribution, now, timeZone),
    offerCount: unread?.offerCount ?? source.inFile('offer', distributionFile(distribution.id)).filter((offer) => offer.withdrawnAt === null).length,
    orderCount: unread?.orderCount ?? orderCount(source, distribution.id),
  };
}

/** The ordering window must open before it closes, and close before the pickup starts. */
function checkWindow(pickupDate: LocalDate, pickupStart: LocalTime, opensAt: string, closesAt: string, timeZone: string): void {
  if (opensAt >= closesAt) throw new UserError('error.windowOpensAfterClose');
  if (closesAt > localInstant(pickupDate, pickupStart, timeZone)) throw new UserError('error.windowClosesAfterPickup');
}

function planned(tx: Transaction, draft: DistributionDraft, seriesId: string | null, at: string): Distribution {
  const relay = readRelay(tx);
  const window = orderingWindow(draft.pickupDate, relay.orderingWindow, relay.timeZone);
  const opensAt = draft.opens ? localInstant(draft.opens.date, draft.opens.time, relay.timeZone) : window.opensAt;
  const closesAt = draft.closes ? localInstant(draft.closes.date, draft.closes.time, relay.timeZone) : window.closesAt;
  checkWindow(draft.pickupDate, draft.pickupStart, opensAt, closesAt, relay.timeZone);
  return {
    id: randomUUID(),
    pickupDate: draft.pickupDate,
    pickupStart: draft.pickupStart,
    pickupEnd: draft.pickupEnd,
    opensAt,
    closesAt,
    closedEarlyAt: null,
    cancelledAt: null,
    seriesId,
    notes: draft.notes,
    rates: null,
    rateChanges: [],
    settledAt: null,
    createdAt: at,
    updatedAt: at,
  };
}

export interface SeriesDraft extends SeriesPlan {
  pickupStart: LocalTime;
  pickupEnd: LocalTime;
}

export function distributionsService(store: () => Store, now: () => Date) {
  const view = (source: Store | Transaction, distribution: Distribution) =>
    distributionView(source, distribution, now(), readRelay(source).timeZone);

  /** Every distribution written here holds the rates its ordering state calls for: frozen the moment ordering closes (issue 15). */
  const save = (tx: Transaction, distribution: Distribution) => tx.put('distribution', withRatesInForce(distribution, readRelay(tx), now()));

  const change = (id: string, edit: (distribution: Distribution, tx: Transaction) => Partial<Distribution>, after?: (saved: Distribution, tx: Transaction) => Promise<unknown>) =>
    store().transact(async (tx) => {
      const distribution = existingDistribution(tx, id);
      const saved = save(tx, { ...distribution, ...edit(distribution, tx), updatedAt: now().toISOString() });
      await after?.(saved, tx);
      return view(tx, saved);
    });

  return {
    'distributions.list': async ({ from, to, includeCancelled }: { from?: LocalDate; to?: LocalDate; includeCancelled: boolean }) => {
      const source = store();
      return source
        .all('distribution')
        .filter((d) => (from === undefined || d.pickupDate >= from) && (to === undefined || d.pickupDate <= to))
        .filter((d) => includeCancelled || d.cancelledAt === null)
        .sort((a, b) => a.pickupDate.localeCompare(b.pickupDate) || a.pickupStart.localeCompare(b.pickupStart))
        .map((distribution) => view(source, distribution));
    },

    'distributions.get': async ({ id }: { id: string }) => view(store(), existingDistribution(store(), id)),

    'distributions.create': (draft: DistributionDraft) =>
      store().transact((tx) => view(tx, save(tx, planned(tx, draft, null, now().toISOString())))),

    'distributions.createSeries': (draft: SeriesDraft) =>
      store().transact((tx) => {
        const dates = seriesDates(draft);
        if (dates.length === 0) throw new UserError('error.seriesEmpty');
        const seriesId = randomUUID();
        const at = now().toISOString();
        return dates.map((pickupDate) =>
          view(tx, save(tx, planned(tx, { pickupDate, pickupStart: draft.pickupStart, pickupEnd: draft.pickupEnd, notes: '' }, seriesId, at))),
        );
      }),

    'distributions.update': ({ id, changes }: { id: string; changes: Partial<DistributionDraft> }) =>
      change(id, (distribution, tx) => {
        const { timeZone } = readRelay(tx);
        const next = { ...distribution, ...changes };
        // The contract compares the two times only when both are sent; one alone is checked against the stored other.
        if (next.pickupEnd <= next.pickupStart) {
          throw new UserError('error.invalidInput', undefined, [{ path: 'changes.pickupEnd', key: 'validation.endBeforeStart' }]);
        }
        const opensAt = changes.opens ? localInstant(changes.opens.date, changes.opens.time, timeZone) : distribution.opensAt;
        const closesAt = changes.closes ? localInstant(changes.closes.date, changes.closes.time, timeZone) : distribution.closesAt;
        checkWindow(next.pickupDate, next.pickupStart, opensAt, closesAt, timeZone);
        // A new closing in the future reopens ordering: not once the settlement is settled (as reopen).
        if (distribution.settledAt !== null && changes.closes && closesAt > now().toISOString()) throw new UserError('error.distributionSettled');
        return { pickupDate: next.pickupDate, pickupStart: next.pickupStart, pickupEnd: next.pickupEnd, notes: next.notes, opensAt, closesAt };
      }),

    'distributions.closeEarly': ({ id }: { id: string }) =>
      change(id, (distribution, tx) => {
        if (distributionStatus(distribution, now(), readRelay(tx).timeZone) !== 'open') throw new UserError('error.distributionNotOpen');
        return { closedEarlyAt: now().toISOString() };
      },
      // The producers' order sheets and the members' confirmations, in the same step as the closing (issue 15);
      // closing by the clock prepares them at the outbox's next sweep (electron/outbox/outbox.ts).
      (saved, tx) => prepareClosing(tx, saved, store().deviceId, now()),
      ),

    /** Reopens ordering; after the planned close, the organiser gives a new closing moment. */
    'distributions.reopen': ({ id, closes }: { id: string; closes?: LocalMoment }) =>
      change(id, (distribution, tx) => {
        const { timeZone } = readRelay(tx);
        if (distribution.cancelledAt !== null) throw new UserError('error.distributionCancelled');
        // Its settlement is done and the producers paid: more orders would make it wrong.
        if (distribution.settledAt !== null) throw new UserError('error.distributionSettled');
        const closesAt = closes ? localInstant(closes.date, closes.time, timeZone) : distribution.closesAt;
        if (closesAt <= now().toISOString()) throw new UserError('error.reopenNeedsClosing');
        checkWindow(distribution.pickupDate, distribution.pickupStart, distribution.opensAt, closesAt, timeZone);
        return { closedEarlyAt: null, closesAt };
      }),

    /** A distribution with orders is cancelled only when the organiser has confirmed it. */
    'distributions.cancel': ({ id, confirmed }: { id: string; confirmed: boolean }) =>
      change(id, (distribution, tx) => {
        const orders = orderCount(tx, distribution.id);
        if (orders > 0 && !confirmed) throw new UserError('error.cancelHasOrders', { count: orders });
        return { cancelledAt: distribution.cancelledAt ?? now().toISOString() };
      },
      // Members and producers are told in the same step (issue 15): nothing to pay, nothing to deliver.
      async (saved, tx) => prepareDistributionCancelled(tx, saved, store().deviceId, now()),
      ),

    'distributions.restore': ({ id }: { id: string }) => {
      let cancelledAt: string | null = null;
      return change(
        id,
        (distribution) => {
          cancelledAt = distribution.cancelledAt;
          return { cancelledAt: null };
        },
        // Whoever may have read that it was cancelled hears it is back, in the same step (issue 15).
        async (saved, tx) => (cancelledAt === null ? 0 : prepareDistributionRestored(tx, saved, store().deviceId, cancelledAt, now())),
      );
    },
  };
}

/**
 * Standing orders (abonnements) and "same as last week" (issue 12). A
 * standing order is placed in each distribution when its ordering opens:
 * by the sweep at app open and at each opening after, or on a change that may
 * make one due (`startPlacing`, like the rate freezer), or at once when the
 * organiser asks on the orders page.
 */
import { randomUUID } from 'node:crypto';
import { UserError } from '../../shared/contract/errors';
import { isOrderingOpen } from '../../shared/distributions/schedule';
import type { StandingCadence, StandingLine, StandingOrder } from '../../shared/model/standing-order';
import { todayIn } from '../../shared/distributions/calendar';
import { isActive } from '../../shared/orders/totals';
import { standingStatus, type PlacementView, type RepeatResult, type StandingOrderView } from '../../shared/standing/views';
import { distributionFile } from '../store/entities';
import type { EntityKind } from '../../shared/model/change';
import type { Store, Transaction } from '../store/store';
import { startSweeping, type Sweeper } from '../scheduling/sweeper';
import type { Timer } from '../scheduling/wake';
import { existingDistribution } from './distributions';
import { checkEditable } from './orders';
import { memberOrder, placeBasket, placeDue } from './standing-placement';
import { readRelay } from './relay';

function existingStanding(tx: Store | Transaction, id: string): StandingOrder {
  const standingOrder = tx.get('standingOrder', id);
  if (!standingOrder) throw new UserError('error.standingOrderNotFound');
  return standingOrder;
}

function checkLines(tx: Transaction, lines: readonly StandingLine[]): void {
  for (const line of lines) {
    const product = tx.get('product', line.productId);
    if (!product) throw new UserError('error.productNotFound');
    if (product.archivedAt !== null) throw new UserError('error.productArchived', { name: product.name });
  }
}

/** A series is the distributions made together: one of them must still be there to follow (a cancelled one counts: it may be restored). */
function checkSeries(tx: Transaction, seriesId: string | null | undefined): void {
  if (seriesId === null || seriesId === undefined) return;
  if (!tx.all('distribution').some((distribution) => distribution.seriesId === seriesId)) throw new UserError('error.seriesNotFound');
}

function standingView(source: Store | Transaction, standingOrder: StandingOrder): StandingOrderView {
  return {
    standingOrder,
    status: standingStatus(standingOrder),
    lines: standingOrder.lines.map((line) => ({ ...line, productName: source.get('product', line.productId)?.name ?? '?' })),
  };
}

export function standingOrdersService(store: () => Store, now: () => Date) {
  const stamp = () => now().toISOString();

  const change = (id: string, edit: (standingOrder: StandingOrder, tx: Transaction) => Partial<StandingOrder>) =>
    store().transact((tx) => {
      const standingOrder = existingStanding(tx, id);
      // Stopped is for good: a new standing order is made instead, so the history says when each basket ran.
      if (standingOrder.stoppedAt !== null) throw new UserError('error.standingOrderStopped');
      return standingView(tx, tx.put('standingOrder', { ...standingOrder, ...edit(standingOrder, tx), updatedAt: stamp() }));
    });

  return {
    'standingOrders.list': async ({ memberId }: { memberId: string }) => {
      const source = store();
      // An unknown member is refused like in every change, not answered with an empty list that reads as "no standing order".
      if (!source.get('member', memberId)) throw new UserError('error.memberNotFound');
      return source
        .all('standingOrder')
        .filter((standingOrder) => standingOrder.memberId === memberId)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map((standingOrder) => standingView(source, standingOrder));
    },

    'standingOrders.create': (input: { memberId: string; lines: StandingLine[]; seriesId: string | null; cadence: StandingCadence; until: string | null }) =>
      store().transact((tx) => {
        const { memberId, lines, seriesId, cadence, until } = input;
        // The series starts today (relay time): every other week counts from this week's distribution.
        const from = todayIn(readRelay(tx).timeZone, now());
        if (until !== null && until < from) throw new UserError('error.standingUntilPast');
        const member = tx.get('member', memberId);
        if (!member) throw new UserError('error.memberNotFound');
        if (member.archivedAt !== null) throw new UserError('error.memberArchived', { name: member.name });
        checkLines(tx, lines);
        checkSeries(tx, seriesId);
        const standingOrder = tx.put('standingOrder', {
          id: randomUUID(),
          memberId,
          seriesId,
          lines,
          cadence,
          from,
          until,
          pausedAt: null,
          stoppedAt: null,
          createdAt: stamp(),
          updatedAt: stamp(),
        });
        // Ordering already open: this week's basket is placed now, as it would have been at the opening.
        placeDue(tx, now());
        return standingView(tx, standingOrder);
      }),

    'standingOrders.setLines': (input: { id: string; lines: StandingLine[]; seriesId?: string | null; cadence?: StandingCadence; until?: string | null }) =>
      change(input.id, (standingOrder, tx) => {
        const { lines, seriesId, cadence, until } = input;
        checkLines(tx, lines);
        checkSeries(tx, seriesId);
        if (until !== undefined && until !== null && until < todayIn(readRelay(tx).timeZone, now())) throw new UserError('error.standingUntilPast');
        return {
          lines,
          ...(seriesId !== undefined && { seriesId }),
          ...(cadence !== undefined && { cadence, from: standingOrder.from ?? standingOrder.createdAt.slice(0, 10) }),
          ...(until !== undefined && { until }),
        };
      }),

    'standingOrders.pause': ({ id }: { id: string }) => change(id, (standingOrder) => ({ pausedAt: standingOrder.pausedAt ?? stamp() })),

    'standingOrders.resume': ({ id }: { id: string }) => change(id, () => ({ pausedAt: null })),

    'standingOrders.stop': ({ id }: { id: string }) => change(id, () => ({ stoppedAt: stamp() })),

    /** The distribution's placements with lines that could not be placed, for the orders page. */
    'standingOrders.placements': async ({ distributionId }: { distributionId: string }) => {
      const source = store();
      existingDistribution(source, distributionId);
      return source
        .inFile('standingPlacement', distributionFile(distributionId))
        .filter((placement) => placement.unplaced.length > 0)
        .map((placement): PlacementView => ({
          memberId: placement.memberId,
          memberName: source.get('member', placement.memberId)?.name ?? '?',
          orderId: placement.orderId,
          unplaced: placement.unplaced,
        }))
        .sort((a, b) => a.memberName.localeCompare(b.memberName));
    },

    /** Places now what is due in this distribution (its offers were entered after it opened); placed ones are left as they are. */
    'standingOrders.place': ({ distributionId }: { distributionId: string }) =>
      store().transact((tx) => {
        const distribution = existingDistribution(tx, distributionId);
        if (!isOrderingOpen(distribution, now(), readRelay(tx).timeZone)) throw new UserError('error.orderingClosed');
        return { placed: placeDue(tx, now(), distributionId) };
      }),

    /** "Same as last week": the member's order in the latest earlier distribution, copied into this one within stock. */
    'orders.repeatLast': ({ distributionId, memberId }: { distributionId: string; memberId: string }) =>
      store().transact((tx): RepeatResult => {
        const distribution = existingDistribution(tx, distributionId);
        const member = tx.get('member', memberId);
        if (!member) throw new UserError('error.memberNotFound');
        const previous = tx
          .all('distribution')
          .filter((candidate) => candidate.cancelledAt === null && candidate.pickupDate < distribution.pickupDate)
          .sort((a, b) => b.pickupDate.localeCompare(a.pickupDate) || b.pickupStart.localeCompare(a.pickupStart))
          .map((candidate) => ({ candidate, order: memberOrder(tx, candidate.id, memberId) }))
          .find(({ order }) => order !== undefined && isActive(order) && order.lines.length > 0);
        if (!previous?.order) throw new UserError('error.noPreviousOrder', { name: member.name });
        const current = memberOrder(tx, distributionId, memberId);
        // The same rules as typing the lines: ordering open (or a late order), not cancelled, not a counter sale.
        checkEditable(tx, current ?? { distributionId, late: false, cancelledAt: null, counter: false }, now());
        const basket = previous.order.lines.map((line) => ({ productId: line.productId, quantity: line.quantity }));
        const placed = placeBasket(tx, distributionId, member, basket, now());
        return {
          orderId: placed.order?.id ?? null,
          fromPickupDate: previous.candidate.pickupDate,
          placed: placed.place.length,
          unplaced: placed.unplaced,
        };
      }),
  };
}

export type Placer = Sweeper;

/** A standing order that may still be placed somewhere: neither stopped nor paused. */
const running = (store: Store) => store.all('standingOrder').some((standingOrder) => standingOrder.stoppedAt === null && standingOrder.pausedAt === null);

/**
 * When the next distribution's ordering opens, in ms since the epoch; null = none to come, or no standing order
 * to place. One open already is the sweep's: placed at once, or, without offers yet, at its first offer (a change).
 */
export function nextOpening(store: Store, now: Date): number | null {
  if (!running(store)) return null;
  let next: number | null = null;
  for (const distribution of store.all('distribution')) {
    if (distribution.cancelledAt !== null || distribution.closedEarlyAt !== null) continue;
    const opens = Date.parse(distribution.opensAt);
    if (opens > now.getTime() && (next === null || opens < next)) next = opens;
  }
  return next;
}


/**
 * What may make a standing order due sooner, typed here or merged by sync: a distribution planned, moved or
 * reopened; its first offer; a standing order made, resumed or changed; a member restored from the archive.
 * The placer's own writes (orders, placements) wake nothing.
 */
const PLACER_WAKING: ReadonlySet<EntityKind> = new Set<EntityKind>(['distribution', 'offer', 'standingOrder', 'member']);

/**
 * Places due standing orders once now, then at the next opening among distributions, never every minute for nothing.
 * `active`: only an organiser's copy places them (a producer's copy holds no orders).
 */
export function startPlacing(
  store: () => Store | null,
  now: () => Date,
  active: () => boolean,
  log: (error: unknown) => void = console.error,
  timer?: Timer,
): Promise<Placer> {
  // Nothing to place: no transaction at all, so an idle app writes nothing.
  return startSweeping({ store, now, active, log, timer, work: placeDue, needed: running, next: nextOpening, waking: PLACER_WAKING });
}

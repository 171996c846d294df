/**
 * Placing a wanted basket in a distribution: a standing order when ordering
 * opens, or a member's last order ("same as last week"). Within the stock,
 * read and written in the caller's transaction, like `orders.addLine`; lines
 * already in the member's order count towards the basket, so placing the same
 * basket twice adds nothing.
 */
import type { Distribution } from '../../shared/model/distribution';
import type { Member } from '../../shared/model/member';
import type { Order } from '../../shared/model/order';
import type { StandingLine, StandingOrder, StandingPlacement } from '../../shared/model/standing-order';
import { isOrderingOpen } from '../../shared/distributions/schedule';
import { isActive } from '../../shared/orders/totals';
import { allUnplaced, planPlacement, type PlacementPlan } from '../../shared/standing/placement';
import { placementId } from '../../shared/standing/placement-id';
import { scheduledFor } from '../../shared/standing/schedule';
import { distributionFile } from '../store/entities';
import type { Transaction } from '../store/store';
import { offersOf } from './offers';
import { ordersOf, orderedByProduct } from './ordered';
import { openOrder, withUnits } from './orders';
import { readRelay } from './relay';

export function memberOrder(tx: Transaction, distributionId: string, memberId: string): Order | undefined {
  return ordersOf(tx, distributionId).find((order) => order.memberId === memberId && !order.counter);
}

/** What is still missing from the member's order for the basket to be whole. */
function stillWanted(basket: readonly StandingLine[], order: Order | undefined): StandingLine[] {
  const have = new Map<string, number>();
  for (const line of order?.lines ?? []) have.set(line.productId, (have.get(line.productId) ?? 0) + line.quantity);
  const wanted = new Map<string, number>();
  for (const line of basket) wanted.set(line.productId, (wanted.get(line.productId) ?? 0) + line.quantity);
  return [...wanted].flatMap(([productId, quantity]) => {
    const missing = quantity - (have.get(productId) ?? 0);
    return missing > 0 ? [{ productId, quantity: missing }] : [];
  });
}

export interface Placed extends PlacementPlan {
  order: Order | null;
}

/** Places the basket in the member's order (created if needed); the caller has checked the distribution takes orders. */
export function placeBasket(tx: Transaction, distributionId: string, member: Member, basket: readonly StandingLine[], at: Date): Placed {
  const productName = (productId: string) => tx.get('product', productId)?.name ?? null;
  const existing = memberOrder(tx, distributionId, member.id);
  // The member cancelled this week's order: the basket does not bring it back.
  if (existing && !isActive(existing)) return { order: existing, place: [], unplaced: allUnplaced(basket, 'orderCancelled', productName) };
  const plan = planPlacement(stillWanted(basket, existing), {
    offers: offersOf(tx, distributionId).filter((offer) => offer.withdrawnAt === null),
    ordered: orderedByProduct(tx, distributionId),
    productName,
  });
  if (plan.place.length === 0) return { order: existing ?? null, ...plan };
  let order = openOrder(tx, distributionId, member, false, at);
  for (const line of plan.place) order = { ...order, lines: withUnits(tx, order, line.productId, line.quantity, at) };
  return { order: tx.put('order', { ...order, updatedAt: at.toISOString() }), ...plan };
}

/** Whether this standing order goes into this distribution at all. */
export function appliesTo(standingOrder: StandingOrder, distribution: Distribution): boolean {
  return standingOrder.stoppedAt === null && standingOrder.pausedAt === null && scheduledFor(standingOrder, distribution);
}

/**
 * Places the standing order in the distribution once: the placement record,
 * in the distribution's file, says it was (across restarts; and its id, derived
 * from the pair, is the same on every copy). Returns null when there is
 * nothing to do.
 */
export function placeStanding(tx: Transaction, standingOrder: StandingOrder, distribution: Distribution, at: Date): StandingPlacement | null {
  const id = placementId(standingOrder.id, distribution.id);
  if (tx.get('standingPlacement', id)) return null;
  if (!appliesTo(standingOrder, distribution)) return null;
  const member = tx.get('member', standingOrder.memberId);
  // An archived member orders nothing; their standing order waits (restoring the member brings it back).
  if (!member || member.archivedAt !== null) return null;
  const placed = placeBasket(tx, distribution.id, member, standingOrder.lines, at);
  return tx.put('standingPlacement', {
    id,
    standingOrderId: standingOrder.id,
    distributionId: distribution.id,
    memberId: member.id,
    orderId: placed.order?.id ?? null,
    unplaced: placed.unplaced,
    placedAt: at.toISOString(),
  });
}

/**
 * Ordering is open and something is on sale: the moment a standing order is
 * placed. A distribution opened before its offers were entered waits for
 * its first offer, so its baskets are not all refused as "not offered".
 */
export function readyForStanding(tx: Transaction, distribution: Distribution, at: Date): boolean {
  if (!isOrderingOpen(distribution, at, readRelay(tx).timeZone)) return false;
  return tx.inFile('offer', distributionFile(distribution.id)).some((offer) => offer.withdrawnAt === null);
}

/** Places every standing order due in the distributions open now; returns how many placements were written. */
export function placeDue(tx: Transaction, at: Date, only?: string): number {
  const standing = tx.all('standingOrder').filter((standingOrder) => standingOrder.stoppedAt === null && standingOrder.pausedAt === null);
  if (standing.length === 0) return 0;
  let written = 0;
  for (const distribution of tx.all('distribution')) {
    if ((only !== undefined && distribution.id !== only) || !readyForStanding(tx, distribution, at)) continue;
    for (const standingOrder of standing) if (placeStanding(tx, standingOrder, distribution, at)) written += 1;
  }
  return written;
}

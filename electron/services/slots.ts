/**
 * Pickup slots of a distribution, and placing orders in them. Every change
 * that places orders reads the slots' counts and writes inside one
 * transaction, so two calls racing for the last place in a slot cannot both
 * get it. A full slot takes an order only by the organiser's explicit
 * override, and the order then shows it (`slotOverride`).
 */
import { randomUUID } from 'node:crypto';
import { UserError } from '../../shared/contract/errors';
import type { LocalTime } from '../../shared/distributions/calendar';
import type { Distribution } from '../../shared/model/distribution';
import type { Order } from '../../shared/model/order';
import type { PickupSlot, SlotFields } from '../../shared/model/slot';
import { isActive } from '../../shared/orders/totals';
import type { OrderView } from '../../shared/orders/views';
import { assignSlot, assignSlots, hasRoom, type SlotLoad } from '../../shared/slots/assign';
import { generateSlots } from '../../shared/slots/generate';
import { rebalance } from '../../shared/slots/rebalance';
import { bySlotTime } from '../../shared/slots/times';
import type { SlotView } from '../../shared/slots/views';
import { distributionFile } from '../store/entities';
import type { Store, Transaction } from '../store/store';
import { existingDistribution, isFinished } from './distributions';
import { orderView, ordersOf } from './ordered';

/** The orders a slot plans: active, and not counter sales (issue 7), which are handed over when sold and never wait for a slot. */
const toHandOver = (order: Order): boolean => isActive(order) && !order.counter;
import { readRelay } from './relay';

type Source = Store | Transaction;

/** The distribution's slots in the order of the day. */
export function slotsOf(source: Source, distributionId: string): PickupSlot[] {
  return source.inFile('slot', distributionFile(distributionId)).sort(bySlotTime);
}

/** Active orders by slot: a cancelled order frees its place. */
function orderCounts(orders: readonly Order[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const order of orders) {
    if (isActive(order) && order.slotId !== null) counts.set(order.slotId, (counts.get(order.slotId) ?? 0) + 1);
  }
  return counts;
}

function loadsOf(source: Source, distributionId: string): (PickupSlot & SlotLoad)[] {
  const counts = orderCounts(ordersOf(source, distributionId));
  return slotsOf(source, distributionId).map((slot) => ({ ...slot, count: counts.get(slot.id) ?? 0 }));
}

export function slotViews(source: Source, distributionId: string): SlotView[] {
  return loadsOf(source, distributionId).map(({ count, ...slot }) => ({ ...slot, orderCount: count }));
}

const preferredTime = (source: Source, order: Pick<Order, 'memberId'>): LocalTime | null =>
  (order.memberId === null ? null : source.get('member', order.memberId)?.preferredPickupTime) ?? null;

/** The slot a new order takes: the member's preferred time or the nearest with room; null without slots or when all are full. */
export function slotFor(tx: Transaction, distributionId: string, preferred: LocalTime | null): string | null {
  return assignSlot(preferred, loadsOf(tx, distributionId));
}

/** A restored order keeps its slot if it still has room; otherwise it takes one as a new order would. */
export function slotOnRestore(tx: Transaction, order: Order): Pick<Order, 'slotId' | 'slotPinned' | 'slotOverride'> {
  const loads = loadsOf(tx, order.distributionId); // the order is still cancelled here, so it is not counted
  const current = loads.find((slot) => slot.id === order.slotId);
  if (current && hasRoom(current)) return { slotId: current.id, slotPinned: order.slotPinned, slotOverride: false };
  return { slotId: assignSlot(preferredTime(tx, order), loads), slotPinned: false, slotOverride: false };
}

function existingSlot(source: Source, id: string): PickupSlot {
  const slot = source.get('slot', id);
  if (!slot) throw new UserError('error.slotNotFound');
  return slot;
}

/** Slots are planned until the pickup is over; a cancelled or past distribution's slots are history. */
function plannable(tx: Transaction, distributionId: string, at: Date): Distribution {
  const distribution = existingDistribution(tx, distributionId);
  if (isFinished(distribution, at, readRelay(tx).timeZone)) throw new UserError('error.slotsFinished', { date: distribution.pickupDate });
  return distribution;
}

/** A slot ends after it starts, fits in the pickup hours and overlaps no other slot (so a preferred time names one slot). */
function checkTimes(tx: Transaction, distribution: Distribution, slot: Pick<PickupSlot, 'start' | 'end'>, exceptId?: string): void {
  if (slot.end <= slot.start) throw new UserError('error.slotEndBeforeStart', { start: slot.start });
  if (slot.start < distribution.pickupStart || slot.end > distribution.pickupEnd) {
    throw new UserError('error.slotOutsideWindow', { pickupStart: distribution.pickupStart, pickupEnd: distribution.pickupEnd });
  }
  const other = slotsOf(tx, distribution.id).find((candidate) => candidate.id !== exceptId && candidate.start < slot.end && slot.start < candidate.end);
  if (other) throw new UserError('error.slotOverlaps', { start: other.start, end: other.end });
}

export function slotsService(store: () => Store, now: () => Date) {
  const stamp = () => now().toISOString();
  const place = (tx: Transaction, order: Order, fields: Partial<Order>) => tx.put('order', { ...order, ...fields, updatedAt: stamp() });
  const newSlot = (distributionId: string, fields: SlotFields): PickupSlot => ({
    id: randomUUID(),
    distributionId,
    ...fields,
    createdAt: stamp(),
    updatedAt: stamp(),
  });

  /** Cancelled orders that pointed at removed slots forget them; restoring such an order finds it a slot anew. */
  const releaseCancelled = (tx: Transaction, orders: readonly Order[], removed: ReadonlySet<string>) => {
    for (const order of orders) {
      if (!isActive(order) && order.slotId !== null && removed.has(order.slotId)) {
        place(tx, order, { slotId: null, slotPinned: false, slotOverride: false });
      }
    }
  };

  return {
    'slots.list': async ({ distributionId }: { distributionId: string }) => {
      existingDistribution(store(), distributionId);
      return slotViews(store(), distributionId);
    },

    /** Cuts the pickup window into slots, replacing the slots there are — refused once any of them holds orders. */
    'slots.generate': ({ distributionId, minutes, capacity }: { distributionId: string; minutes: number; capacity: number }) =>
      store().transact((tx) => {
        const distribution = plannable(tx, distributionId, now());
        const existing = new Set(slotsOf(tx, distributionId).map((slot) => slot.id));
        const orders = ordersOf(tx, distributionId);
        const held = orders.filter((order) => isActive(order) && order.slotId !== null && existing.has(order.slotId)).length;
        if (held > 0) throw new UserError('error.slotsHaveOrders', { count: held });
        releaseCancelled(tx, orders, existing);
        for (const id of existing) tx.remove('slot', id);
        for (const fields of generateSlots(distribution.pickupStart, distribution.pickupEnd, minutes, capacity)) {
          tx.put('slot', newSlot(distributionId, fields));
        }
        return slotViews(tx, distributionId);
      }),

    'slots.add': ({ distributionId, ...fields }: SlotFields & { distributionId: string }) =>
      store().transact((tx) => {
        checkTimes(tx, plannable(tx, distributionId, now()), fields);
        const slot = tx.put('slot', newSlot(distributionId, fields));
        return { ...slot, orderCount: 0 };
      }),

    /** Changes a slot's hours or capacity; its capacity cannot go below the orders it holds. */
    'slots.update': ({ id, changes }: { id: string; changes: Partial<SlotFields> }) =>
      store().transact((tx) => {
        const slot = existingSlot(tx, id);
        const distribution = plannable(tx, slot.distributionId, now());
        const next = { ...slot, ...changes, updatedAt: stamp() };
        checkTimes(tx, distribution, next, id);
        const count = orderCounts(ordersOf(tx, slot.distributionId)).get(id) ?? 0;
        if (next.capacity < count) throw new UserError('error.slotCapacityBelowOrders', { count, capacity: next.capacity });
        return { ...tx.put('slot', next), orderCount: count };
      }),

    /**
     * Removes a slot. Its orders must go somewhere: `moveTo` names the slot,
     * which takes them within its room, or beyond it with `override` (those
     * beyond then show the override). Pins are kept: an order the organiser
     * placed by hand stays out of "rebalance".
     */
    'slots.remove': ({ id, moveTo, override }: { id: string; moveTo: string | null; override: boolean }) =>
      store().transact((tx) => {
        const slot = existingSlot(tx, id);
        plannable(tx, slot.distributionId, now());
        const orders = ordersOf(tx, slot.distributionId).sort((a, b) => a.basketNumber - b.basketNumber);
        const moving = orders.filter((order) => isActive(order) && order.slotId === id);
        if (moving.length > 0) {
          if (moveTo === null) throw new UserError('error.slotHasOrders', { count: moving.length });
          if (moveTo === id) throw new UserError('error.slotMoveToSame');
          const target = existingSlot(tx, moveTo);
          if (target.distributionId !== slot.distributionId) throw new UserError('error.slotOtherDistribution');
          const room = Math.max(0, target.capacity - (orderCounts(orders).get(moveTo) ?? 0));
          if (moving.length > room && !override) {
            throw new UserError('error.slotNoRoom', { start: target.start, end: target.end, room, count: moving.length });
          }
          moving.forEach((order, i) => place(tx, order, { slotId: moveTo, slotOverride: i >= room }));
        }
        releaseCancelled(tx, orders, new Set([id]));
        tx.remove('slot', id);
        return { moved: moving.length, slots: slotViews(tx, slot.distributionId) };
      }),

    /** Spreads the orders evenly; orders placed by hand stay where they are, and no slot is filled past its capacity. */
    'slots.rebalance': ({ distributionId }: { distributionId: string }) =>
      store().transact((tx) => {
        plannable(tx, distributionId, now());
        // By basket number: within a slot, the last to order are the first to move.
        const orders = ordersOf(tx, distributionId).filter(toHandOver).sort((a, b) => a.basketNumber - b.basketNumber);
        const moves = rebalance(orders, slotsOf(tx, distributionId));
        const byId = new Map(orders.map((order) => [order.id, order]));
        for (const move of moves) place(tx, byId.get(move.orderId)!, { slotId: move.to, slotOverride: false });
        return { moved: moves.length, slots: slotViews(tx, distributionId) };
      }),

    /** Gives every active order without a slot one (preferred time, or the nearest with room); returns those still without: all full. */
    'orders.assignSlots': ({ distributionId }: { distributionId: string }) =>
      store().transact((tx) => {
        plannable(tx, distributionId, now());
        const known = new Set(slotsOf(tx, distributionId).map((slot) => slot.id));
        const orders = ordersOf(tx, distributionId).filter(toHandOver).sort((a, b) => a.basketNumber - b.basketNumber);
        const waiting = orders.filter((order) => order.slotId === null || !known.has(order.slotId));
        const placed = assignSlots(
          waiting.map((order) => ({ id: order.id, preferred: preferredTime(tx, order) })),
          loadsOf(tx, distributionId),
        );
        let assigned = 0;
        const withoutSlot: OrderView[] = [];
        for (const order of waiting) {
          const slotId = placed.get(order.id) ?? null;
          if (slotId === null) {
            withoutSlot.push(orderView(tx, order.slotId === null ? order : place(tx, order, { slotId: null, slotPinned: false, slotOverride: false })));
            continue;
          }
          place(tx, order, { slotId, slotPinned: false, slotOverride: false });
          assigned += 1;
        }
        return { assigned, withoutSlot };
      }),

    /** The organiser moves an order by hand: it is pinned (rebalance leaves it), and a full slot takes it only with `override`. */
    'orders.moveToSlot': ({ orderId, slotId, override }: { orderId: string; slotId: string; override: boolean }) =>
      store().transact((tx) => {
        const order = tx.get('order', orderId);
        if (!order) throw new UserError('error.orderNotFound');
        if (!isActive(order)) throw new UserError('error.orderCancelled');
        plannable(tx, order.distributionId, now());
        const slot = existingSlot(tx, slotId);
        if (slot.distributionId !== order.distributionId) throw new UserError('error.slotOtherDistribution');
        if (order.slotId === slotId) return place(tx, order, { slotPinned: true });
        const full = (orderCounts(ordersOf(tx, order.distributionId)).get(slotId) ?? 0) >= slot.capacity;
        if (full && !override) throw new UserError('error.slotFull', { capacity: slot.capacity, start: slot.start, end: slot.end });
        return place(tx, order, { slotId, slotPinned: true, slotOverride: full });
      }),
  };
}

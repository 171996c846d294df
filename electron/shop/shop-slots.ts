/**
 * The pickup slot a member chose on their page (issue 16), applied at the
 * relay's sync as the organiser would apply it, under the app's slot rule: a
 * slot never takes more orders than its capacity (only the organiser's
 * explicit override does that, never a member).
 *
 * What an organiser expects when the chosen slot is full: the order is still
 * taken — the member wanted the food, and the stock is the scarce thing, not
 * the hour — and the member is told the slot was refused. An order that
 * already held a slot keeps it (a member asking to move must not lose the
 * place they had); a new order takes the slot with room nearest the time the
 * member chose, or none when every slot is full, exactly as the app places a
 * new order (services/slots.ts `slotFor`), where the organiser's "without a
 * slot" list shows it.
 *
 * A slot the member chose is pinned, like one the organiser moved an order to
 * by hand: "rebalance" does not move it, since the member was promised it.
 */
import type { LocalTime } from '../../shared/distributions/calendar';
import type { Order } from '../../shared/model/order';
import type { StatusSlot } from '../../shared/shop/documents';
import { assignSlot, hasRoom, type SlotLoad } from '../../shared/slots/assign';
import type { Transaction } from '../store/store';
import { slotViews } from '../services/slots';

export interface SlotChoice {
  /** The member's order as writePlan left it (active). */
  order: Order;
  /** Whether the order was active before this sync: only then does it hold a place the member keeps. */
  wasActive: boolean;
  /** The slot the member chose; null = no preference. */
  chosen: string | null;
  preferredTime: LocalTime | null;
}

export interface SlotOutcome {
  slot: StatusSlot | null;
  slotRefused: StatusSlot | null;
}

const loads = (tx: Transaction, distributionId: string): SlotLoad[] =>
  slotViews(tx, distributionId).map((slot) => ({ id: slot.id, start: slot.start, end: slot.end, capacity: slot.capacity, count: slot.orderCount }));

const named = (slot: Pick<SlotLoad, 'id' | 'start' | 'end'> | undefined): StatusSlot | null =>
  slot ? { slotId: slot.id, start: slot.start, end: slot.end } : null;

/**
 * Applies the choices of one distribution in the order given (first submitted,
 * first served). Orders new to this sync first give back the slot writePlan
 * gave them provisionally, so that placement cannot take the place an earlier
 * member chose.
 */
export function applySlotChoices(tx: Transaction, distributionId: string, choices: readonly SlotChoice[], at: string): SlotOutcome[] {
  // A distribution without slots (most relays): nothing to place, and no count of every order per choice.
  if (slotViews(tx, distributionId).length === 0) {
    return choices.map((choice) => ({ slot: null, slotRefused: choice.chosen === null ? null : { slotId: choice.chosen, start: '', end: '' } }));
  }
  const settled = (choice: SlotChoice) => choice.wasActive && (choice.chosen === null || choice.chosen === choice.order.slotId);
  const orders = choices.map((choice) =>
    settled(choice) || choice.order.slotId === null ? choice.order : tx.put('order', { ...choice.order, slotId: null, slotPinned: false, slotOverride: false, updatedAt: at }),
  );
  return choices.map((choice, index) => {
    let order = tx.get('order', orders[index]!.id)!;
    const slots = loads(tx, distributionId);
    if (settled(choice)) return { slot: named(slots.find((slot) => slot.id === order.slotId)), slotRefused: null };
    const chosen = slots.find((slot) => slot.id === choice.chosen);
    if (chosen && hasRoom(chosen)) {
      order = tx.put('order', { ...order, slotId: chosen.id, slotPinned: true, slotOverride: false, updatedAt: at });
    } else if (order.slotId === null) {
      const slotId = assignSlot(chosen?.start ?? choice.preferredTime, slots);
      if (slotId !== null) order = tx.put('order', { ...order, slotId, slotPinned: false, slotOverride: false, updatedAt: at });
    }
    const refused = choice.chosen !== null && order.slotId !== choice.chosen;
    return {
      slot: named(slots.find((slot) => slot.id === order.slotId)),
      // A chosen slot the relay removed meanwhile is named by its id alone: the page shows it as unknown.
      slotRefused: refused ? (named(chosen) ?? { slotId: choice.chosen!, start: '', end: '' }) : null,
    };
  });
}

import type { PickupSlot } from '../model/slot';

/** A slot as the screens show it: with the number of (active) orders it holds. */
export interface SlotView extends PickupSlot {
  orderCount: number;
}

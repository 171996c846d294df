/**
 * What the slots screen works from: the distribution (its pickup hours), its
 * slots with their counts and its active orders. Every change reloads all
 * three, so the counts on screen are always the store's.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DistributionView } from '../../../../shared/catalogue/views';
import type { AppError } from '../../../../shared/contract/errors';
import type { ListedOrder } from '../../../../shared/orders/views';
import type { SlotView } from '../../../../shared/slots/views';
import { call } from '../../client';

export interface SlotsPlan {
  distribution: DistributionView | null;
  slots: SlotView[] | null;
  orders: ListedOrder[] | null;
  error: AppError | null;
}

const LOADING: SlotsPlan = { distribution: null, slots: null, orders: null, error: null };

export function useSlotsPlan(distributionId: string): SlotsPlan & { reload: () => Promise<void> } {
  const [plan, setPlan] = useState<SlotsPlan>(LOADING);

  const read = useCallback(async () => {
    const [distribution, slots, orders] = await Promise.all([
      call('distributions.get', { id: distributionId }),
      call('slots.list', { distributionId }),
      call('orders.list', { distributionId, includeCancelled: false }),
    ]);
    const error = [distribution, slots, orders].find((outcome) => !outcome.ok);
    return (current: SlotsPlan): SlotsPlan => ({
      distribution: distribution.ok ? distribution.value : current.distribution,
      slots: slots.ok ? slots.value : current.slots,
      orders: orders.ok ? orders.value : current.orders,
      error: error && !error.ok ? error.error : null,
    });
  }, [distributionId]);

  useEffect(() => {
    let live = true;
    void read().then((next) => {
      if (live) setPlan(next);
    });
    return () => {
      live = false;
    };
  }, [read]);

  const reload = useCallback(async () => setPlan(await read()), [read]);
  return { ...plan, reload };
}

/** Orders grouped under their slot's id; an order whose slot is gone (or never given) is under null. */
export function ordersBySlot(slots: readonly SlotView[], orders: readonly ListedOrder[]): Map<string | null, ListedOrder[]> {
  const known = new Set(slots.map((slot) => slot.id));
  const groups = new Map<string | null, ListedOrder[]>([[null, []], ...slots.map((slot) => [slot.id, []] as [string, ListedOrder[]])]);
  const sorted = [...orders].sort((a, b) => a.order.basketNumber - b.order.basketNumber);
  for (const view of sorted) {
    const slotId = view.order.slotId !== null && known.has(view.order.slotId) ? view.order.slotId : null;
    groups.get(slotId)!.push(view);
  }
  return groups;
}

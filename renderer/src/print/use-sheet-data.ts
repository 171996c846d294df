/**
 * What the distribution sheets print from: the distribution, its offers (each
 * product's producer, unit and pack), its active orders and its pickup slots,
 * read once when the page opens.
 */
import { useEffect, useState } from 'react';
import type { DistributionView, OfferRow } from '../../../shared/catalogue/views';
import type { AppError } from '../../../shared/contract/errors';
import type { OrderView } from '../../../shared/orders/views';
import type { SlotView } from '../../../shared/slots/views';
import { call } from '../client';
import type { CounterAccount } from '../../../shared/accounts/counter';
import { useDistribution } from '../distributions/use-distribution';

export interface SheetData {
  distribution: DistributionView;
  offers: OfferRow[];
  orders: OrderView[];
  slots: SlotView[];
  /** What each order leaves to pay or in credit (issue 7), by order id. */
  accounts: Record<string, CounterAccount>;
}

export function useSheetData(distributionId: string): { data: SheetData | null; error: AppError | null } {
  const { distribution, offers, error: distributionError } = useDistribution(distributionId);
  const [orders, setOrders] = useState<OrderView[] | null>(null);
  const [slots, setSlots] = useState<SlotView[] | null>(null);
  const [accounts, setAccounts] = useState<Record<string, CounterAccount> | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    void call('orders.list', { distributionId, includeCancelled: false }).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setOrders(outcome.value);
      else setError((current) => current ?? outcome.error);
    });
    void call('accounts.forDistribution', { distributionId }).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setAccounts(outcome.value);
      else setError((current) => current ?? outcome.error);
    });
    void call('slots.list', { distributionId }).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setSlots(outcome.value);
      else setError((current) => current ?? outcome.error);
    });
    return () => {
      live = false;
    };
  }, [distributionId]);

  const data = distribution && offers && orders && slots && accounts ? { distribution, offers, orders, slots, accounts } : null;
  return { data, error: distributionError ?? error };
}

/**
 * One order as the editor needs it: the order and its member, its
 * distribution (whose status says whether it may change) and the offers with
 * their remaining stock. After a change the editor puts the server's answer in
 * place and reads the offers again, so the stock it shows is never stale.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DistributionView, OfferRow } from '../../../shared/catalogue/views';
import type { AppError } from '../../../shared/contract/errors';
import type { Order } from '../../../shared/model/order';
import { orderTotal } from '../../../shared/orders/totals';
import type { OrderView } from '../../../shared/orders/views';
import { call } from '../client';
import { useLatestAnswer } from '../latest-answer';

export interface LoadedOrder {
  view: OrderView | null;
  distribution: DistributionView | null;
  offers: OfferRow[] | null;
  error: AppError | null;
  /** Puts a changed order in place (its total computed again from its lines). */
  replaceOrder: (order: Order) => void;
  /** Reads the offers again; resolves to the new rows (null when the read failed). */
  refreshOffers: () => Promise<OfferRow[] | null>;
  /** Reads the distribution again: its status may have changed while the editor was open. */
  refreshDistribution: () => Promise<void>;
}

export function useOrder(orderId: string): LoadedOrder {
  const [view, setView] = useState<OrderView | null>(null);
  const [distribution, setDistribution] = useState<DistributionView | null>(null);
  const [offers, setOffers] = useState<OfferRow[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const order = await call('orders.get', { orderId });
      if (!live) return;
      if (!order.ok) return setError(order.error);
      const distributionId = order.value.order.distributionId;
      const [loadedDistribution, loadedOffers] = await Promise.all([
        call('distributions.get', { id: distributionId }),
        call('offers.forDistribution', { distributionId }),
      ]);
      if (!live) return;
      if (!loadedDistribution.ok) return setError(loadedDistribution.error);
      setView(order.value);
      setDistribution(loadedDistribution.value);
      setOffers(loadedOffers.ok ? loadedOffers.value : []);
      if (!loadedOffers.ok) setError(loadedOffers.error);
    })();
    return () => {
      live = false;
    };
  }, [orderId]);

  const distributionId = view?.order.distributionId;

  const replaceOrder = useCallback((order: Order) => {
    setView((current) => (current ? { ...current, order, totalCents: orderTotal(order) } : current));
  }, []);

  // Answers can arrive out of order on a busy machine: an older read never replaces a newer one.
  const offerAnswers = useLatestAnswer();
  const refreshOffers = useCallback(async () => {
    if (!distributionId) return null;
    const place = offerAnswers.ask();
    const outcome = await call('offers.forDistribution', { distributionId });
    if (!outcome.ok || !offerAnswers.keep(place)) return null;
    setOffers(outcome.value);
    return outcome.value;
  }, [distributionId, offerAnswers]);

  const refreshDistribution = useCallback(async () => {
    if (!distributionId) return;
    const outcome = await call('distributions.get', { id: distributionId });
    if (outcome.ok) setDistribution(outcome.value);
  }, [distributionId]);

  return { view, distribution, offers, error, replaceOrder, refreshOffers, refreshDistribution };
}

/**
 * One distribution with its orders (cancelled ones included, to show them
 * marked) and its offers, which name the producer of each product. Read when
 * the page opens; coming back from an order opens the page afresh.
 */
import { useEffect, useState } from 'react';
import type { DistributionView, OfferRow } from '../../../shared/catalogue/views';
import type { AppError } from '../../../shared/contract/errors';
import type { ListedOrder } from '../../../shared/orders/views';
import { call } from '../client';

export interface DistributionOrders {
  distribution: DistributionView | null;
  orders: ListedOrder[] | null;
  offers: OfferRow[] | null;
  error: AppError | null;
}

const LOADING: DistributionOrders = { distribution: null, orders: null, offers: null, error: null };

/** `version`: read again when it changes (standing orders placed from the page). */
export function useDistributionOrders(distributionId: string, version = 0): DistributionOrders {
  const [loaded, setLoaded] = useState<DistributionOrders>(LOADING);

  useEffect(() => {
    let live = true;
    void Promise.all([
      call('distributions.get', { id: distributionId }),
      call('orders.list', { distributionId, includeCancelled: true }),
      call('offers.forDistribution', { distributionId }),
    ]).then(([distribution, orders, offers]) => {
      if (!live) return;
      const error = [distribution, orders, offers].find((outcome) => !outcome.ok);
      setLoaded((current) => ({
        distribution: distribution.ok ? distribution.value : current.distribution,
        orders: orders.ok ? orders.value : current.orders,
        offers: offers.ok ? offers.value : current.offers,
        error: error && !error.ok ? error.error : null,
      }));
    });
    return () => {
      live = false;
    };
  }, [distributionId, version]);

  return loaded;
}

/**
 * One distribution and its offers, read when the page opens. After an action
 * the page puts the server's answer in place (`replace`) rather than reading
 * again: what shows is what was written.
 */
import { useEffect, useState } from 'react';
import type { DistributionView, OfferRow } from '../../../shared/catalogue/views';
import type { AppError } from '../../../shared/contract/errors';
import { call } from '../client';

export interface LoadedDistribution {
  distribution: DistributionView | null;
  offers: OfferRow[] | null;
  error: AppError | null;
  replace: (distribution: DistributionView) => void;
}

export function useDistribution(id: string): LoadedDistribution {
  const [distribution, setDistribution] = useState<DistributionView | null>(null);
  const [offers, setOffers] = useState<OfferRow[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    void call('distributions.get', { id }).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setDistribution(outcome.value);
      else setError(outcome.error);
    });
    void call('offers.forDistribution', { distributionId: id }).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setOffers(outcome.value);
      else setError((current) => current ?? outcome.error);
    });
    return () => {
      live = false;
    };
  }, [id]);

  return { distribution, offers, error, replace: setDistribution };
}

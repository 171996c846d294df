/**
 * The counter's picture of one distribution, always as the disk has it:
 * every change at the counter reads checkin.day again (`reload`), so what
 * shows is what was written, never a guess made in the screen. The offers
 * name each product's producer, for the items grouped by producer.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DistributionView, OfferRow } from '../../../../shared/catalogue/views';
import type { CheckinDay } from '../../../../shared/checkin/day';
import type { AppError } from '../../../../shared/contract/errors';
import { call } from '../../client';

export interface CheckinDayState {
  distribution: DistributionView | null;
  day: CheckinDay | null;
  offers: OfferRow[];
  error: AppError | null;
}

export function useCheckinDay(distributionId: string) {
  const [state, setState] = useState<CheckinDayState>({ distribution: null, day: null, offers: [], error: null });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    void Promise.all([
      call('distributions.get', { id: distributionId }),
      call('checkin.day', { distributionId }),
      call('offers.forDistribution', { distributionId }),
    ]).then(([distribution, day, offers]) => {
      if (!live) return;
      const failed = [distribution, day, offers].find((outcome) => !outcome.ok);
      setState((current) => ({
        distribution: distribution.ok ? distribution.value : current.distribution,
        day: day.ok ? day.value : current.day,
        offers: offers.ok ? offers.value : current.offers,
        error: failed && !failed.ok ? failed.error : null,
      }));
    });
    return () => {
      live = false;
    };
  }, [distributionId, version]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  return { ...state, version, reload };
}

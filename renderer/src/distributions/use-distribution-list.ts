/**
 * The season as the list shows it: coming distributions (with the last two
 * weeks, whose pickup sheets and settlements are still being looked at), past
 * ones, or all. A slower answer to an older filter must not overwrite a newer one.
 */
import { useEffect, useState } from 'react';
import type { DistributionView } from '../../../shared/catalogue/views';
import type { AppError } from '../../../shared/contract/errors';
import type { InputOf } from '../../../shared/contract/operations';
import { addDays, type LocalDate } from '../../../shared/distributions/calendar';
import { call } from '../client';

export type Period = 'coming' | 'past' | 'all';

/** How far back "coming" reaches. */
export const RECENT_DAYS = 14;

export interface DistributionList {
  /** null until the first answer; afterwards the last good list stays while the next one loads. */
  distributions: DistributionView[] | null;
  error: AppError | null;
}

export function periodRange(period: Period, today: LocalDate): InputOf<'distributions.list'> {
  switch (period) {
    case 'coming':
      return { from: addDays(today, -RECENT_DAYS) };
    case 'past':
      return { to: addDays(today, -1) };
    default:
      return {};
  }
}

export function useDistributionList(period: Period, includeCancelled: boolean, today: LocalDate, version: number): DistributionList {
  const [list, setList] = useState<DistributionList>({ distributions: null, error: null });

  useEffect(() => {
    let live = true;
    void call('distributions.list', { ...periodRange(period, today), includeCancelled }).then((outcome) => {
      if (!live) return;
      setList((current) =>
        outcome.ok
          ? // The most recent first when looking back.
            { distributions: period === 'past' ? [...outcome.value].reverse() : outcome.value, error: null }
          : { distributions: current.distributions, error: outcome.error },
      );
    });
    return () => {
      live = false;
    };
  }, [period, includeCancelled, today, version]);

  return list;
}

import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { dayMonthYear, weekdayName } from '../../../shared/i18n/format';
import type { I18n } from '../i18n/i18n-context';
import { distributionSeries, type DistributionSeries } from '../../../shared/standing/series';
import { call } from '../client';

/** Every distribution series (over or not), read once per screen; null while they are read. */
export function useDistributionSeries(): { series: DistributionSeries[] | null; error: AppError | null } {
  const [read, setRead] = useState<{ series: DistributionSeries[] | null; error: AppError | null }>({ series: null, error: null });
  useEffect(() => {
    let live = true;
    void call('distributions.list', { includeCancelled: false }).then((outcome) => {
      if (!live) return;
      setRead(outcome.ok ? { series: distributionSeries(outcome.value), error: null } : { series: null, error: outcome.error });
    });
    return () => {
      live = false;
    };
  }, []);
  return read;
}

/** "Le vendredi, 17:00–19:00, du 6 mars 2026 au 26 juin 2026 (17 distributions)": a series by what its distributions share. */
export function seriesLabel({ t, language }: Pick<I18n, 't' | 'language'>, series: DistributionSeries): string {
  return t('standing.series.label', {
    weekday: weekdayName(language, series.first),
    start: series.pickupStart,
    end: series.pickupEnd,
    first: dayMonthYear(language, series.first),
    last: dayMonthYear(language, series.last),
    count: series.count,
  });
}

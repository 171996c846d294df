import { useEffect, useState } from 'react';
import { PageError } from '../forms/PageError';
import { Pager } from '../forms/Pager';
import { usePage } from '../forms/use-page';
import { StatusMessage, type Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { PageHeading } from '../shell/PageHeading';
import { DistributionDialog } from './DistributionDialog';
import { SeasonList } from './SeasonList';
import { SeasonToolbar } from './SeasonToolbar';
import { SeriesDialog } from './SeriesDialog';
import { useDistributionList, type Period } from './use-distribution-list';
import { useToday } from './use-today';

type Planning = 'one' | 'series' | null;

/** The season: every distribution by month, and the two ways to plan more. */
export function SeasonPage() {
  const { t } = useI18n();
  const today = useToday();
  const [period, setPeriod] = useState<Period>('coming');
  const [includeCancelled, setIncludeCancelled] = useState(false);
  const [version, setVersion] = useState(0);
  const list = useDistributionList(period, includeCancelled, today, version);
  const [planning, setPlanning] = useState<Planning>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const planned = (next: Notice) => {
    setPlanning(null);
    setNotice(next);
    setVersion((current) => current + 1);
  };

  const distributions = list.distributions;
  const page = usePage(distributions ?? [], `${period}:${includeCancelled}`);
  useEffect(() => {
    if (version > 0 && document.activeElement === document.body) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [distributions, version]);

  return (
    <>
      <div className="page-head">
        <PageHeading>{t('distributions.title')}</PageHeading>
        <div className="page-head-actions">
          <button type="button" className="button button-primary" onClick={() => setPlanning('one')}>
            {t('distributions.new')}
          </button>
          <button type="button" className="button" onClick={() => setPlanning('series')}>
            {t('distributions.series.open')}
          </button>
        </div>
      </div>
      <StatusMessage notice={notice} />
      <PageError error={list.error} />
      <SeasonToolbar period={period} onPeriod={setPeriod} includeCancelled={includeCancelled} onIncludeCancelled={setIncludeCancelled} />
      <p className="list-count" aria-live="polite">
        {distributions && t('distributions.count', { count: distributions.length })}
      </p>
      {distributions === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : distributions.length === 0 ? (
        <p className="empty-state">{t(period === 'past' ? 'distributions.emptyPast' : 'distributions.empty')}</p>
      ) : (
        <>
          <SeasonList distributions={page.rows} />
          <Pager page={page} />
        </>
      )}
      {planning === 'one' && (
        <DistributionDialog today={today} onClose={() => setPlanning(null)} onSaved={(_saved, next) => planned(next)} />
      )}
      {planning === 'series' && (
        <SeriesDialog today={today} onClose={() => setPlanning(null)} onSaved={(_created, next) => planned(next)} />
      )}
    </>
  );
}

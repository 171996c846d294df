import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { useReadyApp } from '../app/ready-app-context';
import { useDistribution } from '../distributions/use-distribution';
import { PageError } from '../forms/PageError';
import { StatusMessage, type Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';
import { PageHeading } from '../shell/PageHeading';
import { shortDay } from '../stock/day-label';
import { CatalogueSheet } from './CatalogueSheet';
import type { GroupBy } from './catalogue-sections';
import { PrintToolbar } from './PrintToolbar';

type SheetState = 'loading' | 'ready' | 'failed';

/**
 * `#/print/catalogue/<distributionId>/<groupBy>`: the preview on screen, and
 * the page the hidden print window (electron/print.ts) and the tests print.
 * The sheet says when it can be printed with data-print-state, once its data
 * is in and the fonts are loaded, so no PDF is taken of a half-drawn page.
 */
export function CataloguePrint({ distributionId, initialGroupBy }: { distributionId: string; initialGroupBy: GroupBy }) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const { distribution, offers, error } = useDistribution(distributionId);
  const [groupBy, setGroupBy] = useState<GroupBy>(initialGroupBy);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const [fontsReady, setFontsReady] = useState(false);

  useEffect(() => {
    let live = true;
    void document.fonts.ready.then(() => {
      if (live) setFontsReady(true);
    });
    return () => {
      live = false;
    };
  }, []);

  const loaded = distribution !== null && offers !== null;
  const state: SheetState = error ? 'failed' : loaded && fontsReady ? 'ready' : 'loading';

  function regroup(next: GroupBy) {
    setGroupBy(next);
    // Kept in the address, without a history entry, so a reload prints the same layout.
    history.replaceState(null, '', areaHref('print', 'catalogue', distributionId, next));
  }

  const title = distribution
    ? `${t('print.catalogue')} — ${shortDay(language, distribution.pickupDate)}`
    : t('print.catalogue');

  return (
    <>
      <div className="print-screen-only">
        <p className="print-back">
          <a href={areaHref('print')}>{t('print.backToList')}</a>
        </p>
        <div className="page-head">
          <PageHeading>{title}</PageHeading>
        </div>
        <StatusMessage notice={notice} />
        <PageError error={actionError ?? error} />
        <PrintToolbar
          job={{ view: 'catalogue', id: distributionId, options: { groupBy } }}
          groupBy={groupBy}
          onGroupBy={regroup}
          disabled={state !== 'ready'}
          onNotice={(next) => {
            setNotice(next);
            setActionError(null);
          }}
          onError={setActionError}
        />
      </div>
      <section className="print-preview" aria-labelledby="print-preview-title">
        <h2 id="print-preview-title" className="print-screen-only print-preview-title">
          {t('print.preview')}
        </h2>
        <article className="print-sheet" data-print-state={state} aria-busy={state === 'loading'}>
          {distribution && offers ? (
            <CatalogueSheet relay={relay} distribution={distribution} offers={offers} groupBy={groupBy} />
          ) : (
            !error && <p className="muted print-screen-only">{t('app.loading')}</p>
          )}
        </article>
      </section>
    </>
  );
}


import { useEffect, useState, type ReactNode } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { InputOf } from '../../../shared/contract/operations';
import { PageError } from '../forms/PageError';
import { StatusMessage, type Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';
import { PageHeading } from '../shell/PageHeading';
import { PrintToolbar } from './PrintToolbar';
import { loadAppFonts } from '../fonts';

type SheetState = 'loading' | 'ready' | 'failed';

interface PrintFrameProps {
  title: string;
  /** The print job as sent: options may be left to the contract's defaults. */
  job: InputOf<'print.pdf'>;
  /** True once every piece of data the sheet needs is in. */
  loaded: boolean;
  error: AppError | null;
  /** Layout choices shown in the toolbar. */
  options?: ReactNode;
  /** The sheet, drawn once `loaded`. */
  children: ReactNode;
}

/**
 * One printable document's page, `#/print/<view>/<id>/…`: the preview on
 * screen, and the page the hidden print window (electron/print.ts) and the
 * tests print. The sheet says when it can be printed with data-print-state,
 * once its data is in and the fonts are loaded, so no PDF is taken of a
 * half-drawn page.
 */
export function PrintFrame({ title, job, loaded, error, options, children }: PrintFrameProps) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const [fontsReady, setFontsReady] = useState(false);

  useEffect(() => {
    let live = true;
    void loadAppFonts().then(() => {
      if (live) setFontsReady(true);
    });
    return () => {
      live = false;
    };
  }, []);

  const state: SheetState = error ? 'failed' : loaded && fontsReady ? 'ready' : 'loading';

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
          job={job}
          disabled={state !== 'ready'}
          onNotice={(next) => {
            setNotice(next);
            setActionError(null);
          }}
          onError={setActionError}
        >
          {options}
        </PrintToolbar>
      </div>
      <section className="print-preview" aria-labelledby="print-preview-title">
        <h2 id="print-preview-title" className="print-screen-only print-preview-title">
          {t('print.preview')}
        </h2>
        <article className="print-sheet" data-print-state={state} aria-busy={state === 'loading'}>
          {loaded ? children : !error && <p className="muted print-screen-only">{t('app.loading')}</p>}
        </article>
      </section>
    </>
  );
}

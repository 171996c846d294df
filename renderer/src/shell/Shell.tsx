import { Suspense, useMemo, type MouseEvent } from 'react';
import { useReadyApp } from '../app/ready-app-context';
import { StartupScreen } from '../app/StartupScreen';
import { useI18n } from '../i18n/i18n-context';
import {
  AccountsPage,
  CataloguePage,
  DistributionsPage,
  MembersPage,
  OrdersPage,
  PickupPage,
  PrintPage,
  ProducersPage,
  SettingsPage,
  StockPage,
  SyncPage,
  OutboxPage,
  TodayPage,
} from './area-pages';
import { areaOpen, CopyModeContext, defaultArea, type CopyMode } from '../sync/copy-mode';
import { NotOnProducerCopy } from '../sync/NotOnProducerCopy';
import { ProducerCopyBanner } from '../sync/ProducerCopyBanner';
import { useCopyModeLoader } from '../sync/use-copy-mode-loader';
import type { AreaId } from './areas';
import { AppNav } from './AppNav';
import { PageFocusContext } from './page-focus';
import { PageLoading } from './PageLoading';
import { SoonPage } from './SoonPage';
import { useHashRoute } from './use-hash-route';
import './shell.css';

const MAIN_ID = 'main';

function Page({ area, path }: { area: AreaId; path: string[] }) {
  switch (area) {
    case 'today':
      return <TodayPage />;
    case 'producers':
      return <ProducersPage />;
    case 'catalogue':
      return <CataloguePage />;
    case 'distributions':
      return <DistributionsPage path={path} />;
    case 'members':
      return <MembersPage />;
    case 'accounts':
      return <AccountsPage path={path} />;
    case 'orders':
      return <OrdersPage path={path} />;
    case 'pickup':
      return <PickupPage path={path} />;
    case 'stock':
      return <StockPage path={path} />;
    case 'print':
      return <PrintPage path={path} />;
    case 'sync':
      return <SyncPage path={path} />;
    case 'settings':
      return <SettingsPage />;
    case 'outbox':
      return <OutboxPage />;
    default:
      return <SoonPage area={area} />;
  }
}

/** A plain `#main` link would be read as a route; move the focus by hand instead. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById(MAIN_ID)?.focus();
}

/** The shell waits for this copy's role: a producer's copy must never flash the organiser's areas. */
export function Shell() {
  const { mode, refresh } = useCopyModeLoader();
  const copy = useMemo(() => (mode ? { mode, refresh } : null), [mode, refresh]);
  // The same loading line as at start-up: this is the last read before the first screen.
  if (!copy) return <StartupScreen error={null} onRetry={() => undefined} />;
  return (
    <CopyModeContext value={copy}>
      <ShellFrame mode={copy.mode} />
    </CopyModeContext>
  );
}

function ShellFrame({ mode }: { mode: CopyMode }) {
  const { t } = useI18n();
  const { relay, status } = useReadyApp();
  const route = useHashRoute(defaultArea(mode));

  return (
    <div className="shell">
      <a className="skip-link" href={`#${MAIN_ID}`} onClick={skipToMain}>
        {t('app.skipToContent')}
      </a>
      <header className="shell-header">
        <p className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </p>
        <p className="relay-name">{relay.name}</p>
        <ProducerCopyBanner mode={mode} />
        {status.interruptedRestore && (
          <p role="status" className="shell-banner">
            {t(status.interruptedRestore === 'finished' ? 'app.restoreFinished' : 'app.restoreUndone')}
          </p>
        )}
      </header>
      <AppNav current={route.area} open={(area) => areaOpen(mode, area)} />
      <main id={MAIN_ID} tabIndex={-1} className="shell-main">
        <PageFocusContext value={route.navigated}>
          {areaOpen(mode, route.area) ? (
            <Suspense fallback={<PageLoading />}>
              <Page key={route.area} area={route.area} path={route.path} />
            </Suspense>
          ) : (
            <NotOnProducerCopy key={route.area} area={route.area} />
          )}
        </PageFocusContext>
      </main>
    </div>
  );
}

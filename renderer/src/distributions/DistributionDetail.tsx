import { useEffect, useState } from 'react';
import type { DistributionView } from '../../../shared/catalogue/views';
import type { AppError } from '../../../shared/contract/errors';
import { useReadyApp } from '../app/ready-app-context';
import { call } from '../client';
import { ConfirmDialog } from '../dialog/ConfirmDialog';
import { PageError } from '../forms/PageError';
import { StatusMessage, type Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';
import { PageHeading } from '../shell/PageHeading';
import { DistributionActions, type DistributionAction } from './DistributionActions';
import { DistributionDialog } from './DistributionDialog';
import { DistributionFacts } from './DistributionFacts';
import { DistributionHub } from './DistributionHub';
import { DistributionOffers } from './DistributionOffers';
import { longDay } from '../../../shared/i18n/format';
import { ReopenDialog } from './ReopenDialog';
import { useDistribution } from './use-distribution';
import { useToday } from './use-today';

type Asking = { kind: 'edit' } | { kind: 'reopen' } | { kind: 'cancel' } | { kind: 'cancelWithOrders'; count: number } | null;

/** One distribution: its facts, what can be done with it now, and what is for sale. */
export function DistributionDetail({ id }: { id: string }) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const today = useToday();
  const loaded = useDistribution(id);
  const distribution = loaded.distribution;
  const [asking, setAsking] = useState<Asking>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [actionError, setActionError] = useState<AppError | null>(null);

  // An action can take away the button that had the focus (Fermer les commandes → Rouvrir): land on the heading, not on <body>.
  useEffect(() => {
    if (distribution && document.activeElement === document.body) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [distribution]);

  const back = (
    <p className="back-link">
      <a href={areaHref('distributions')}>{t('distributions.backToSeason')}</a>
    </p>
  );

  if (!distribution) {
    return (
      <>
        {back}
        {loaded.error ? (
          <>
            <PageHeading>{t('distributions.notFoundTitle')}</PageHeading>
            <PageError error={loaded.error} />
          </>
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </>
    );
  }

  const day = longDay(language, distribution.pickupDate);

  const done = (saved: DistributionView, key: Notice['key']) => {
    loaded.replace(saved);
    setAsking(null);
    setActionError(null);
    setNotice({ key, params: { day } });
  };

  async function run(action: Exclude<DistributionAction, 'edit' | 'cancel'>) {
    if (!distribution) return;
    if (action === 'reopen' && closingHasPassed(distribution)) {
      setAsking({ kind: 'reopen' });
      return;
    }
    setBusy(true);
    const outcome =
      action === 'closeEarly'
        ? await call('distributions.closeEarly', { id })
        : action === 'reopen'
          ? await call('distributions.reopen', { id })
          : await call('distributions.restore', { id });
    setBusy(false);
    if (outcome.ok) {
      done(outcome.value, NOTICES[action]);
    } else if (action === 'reopen' && outcome.error.key === 'error.reopenNeedsClosing') {
      setAsking({ kind: 'reopen' });
    } else {
      setNotice(null);
      setActionError(outcome.error);
    }
  }

  /** First without confirmation: a distribution with orders comes back with their count, and the organiser is asked again. */
  async function cancel(confirmed: boolean) {
    setBusy(true);
    const outcome = await call('distributions.cancel', { id, confirmed });
    setBusy(false);
    if (outcome.ok) {
      done(outcome.value, 'distributions.cancelledDone');
    } else if (outcome.error.key === 'error.cancelHasOrders' && !confirmed) {
      setAsking({ kind: 'cancelWithOrders', count: Number(outcome.error.params?.count ?? 0) });
    } else {
      setAsking(null);
      setNotice(null);
      setActionError(outcome.error);
    }
  }

  return (
    <>
      {back}
      <div className="page-head">
        <PageHeading>{t('distributions.detailTitle', { day })}</PageHeading>
      </div>
      <StatusMessage notice={notice} />
      <PageError error={actionError ?? loaded.error} />
      <section className="panel distribution-summary" aria-label={t('distributions.summary')}>
        <DistributionFacts distribution={distribution} timeZone={relay.timeZone} />
        <DistributionActions
          distribution={distribution}
          busy={busy}
          onAction={(action) => {
            if (action === 'edit') setAsking({ kind: 'edit' });
            else if (action === 'cancel') setAsking({ kind: 'cancel' });
            else void run(action);
          }}
        />
      </section>
      <DistributionHub distributionId={distribution.id} />
      <DistributionOffers distributionId={distribution.id} offers={loaded.offers} />

      {asking?.kind === 'edit' && (
        <DistributionDialog
          distribution={distribution}
          today={today}
          onClose={() => setAsking(null)}
          onSaved={(saved, next) => {
            loaded.replace(saved);
            setAsking(null);
            setActionError(null);
            setNotice(next);
          }}
        />
      )}
      {asking?.kind === 'reopen' && (
        <ReopenDialog
          distribution={distribution}
          today={today}
          onClose={() => setAsking(null)}
          onReopened={(saved) => done(saved, 'distributions.reopenedDone')}
        />
      )}
      {asking?.kind === 'cancel' && (
        <ConfirmDialog
          title={t('distributions.cancelTitle')}
          body={t('distributions.cancelConfirm', { day })}
          confirmLabel={t('distributions.cancelYes')}
          busy={busy}
          busyLabel={t('distributions.cancelling')}
          onConfirm={() => void cancel(false)}
          onCancel={() => setAsking(null)}
        />
      )}
      {asking?.kind === 'cancelWithOrders' && (
        <ConfirmDialog
          title={t('distributions.cancelOrdersTitle')}
          body={t('distributions.cancelOrdersConfirm', { day, count: asking.count })}
          confirmLabel={t('distributions.cancelAnyway')}
          busy={busy}
          busyLabel={t('distributions.cancelling')}
          onConfirm={() => void cancel(true)}
          onCancel={() => setAsking(null)}
        />
      )}
    </>
  );
}

const NOTICES = {
  closeEarly: 'distributions.closedEarlyDone',
  reopen: 'distributions.reopenedDone',
  restore: 'distributions.restoredDone',
} as const satisfies Record<Exclude<DistributionAction, 'edit' | 'cancel'>, Notice['key']>;

/** Reopening after the planned close needs a new closing moment; the server has the last word, this only asks first. */
function closingHasPassed(distribution: DistributionView): boolean {
  return Date.parse(distribution.closesAt) <= Date.now();
}

import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { formatDay, longDay } from '../../../shared/i18n/format';
import type { StandingOrderView } from '../../../shared/standing/views';
import { call } from '../client';
import { ConfirmDialog } from '../dialog/ConfirmDialog';
import { PageError } from '../forms/PageError';
import type { Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { StandingOrderDialog } from './StandingOrderDialog';
import { seriesLabel, useDistributionSeries } from './use-series';

type Action = 'pause' | 'resume' | 'stop';
const DONE = { pause: 'standing.paused', resume: 'standing.resumed', stop: 'standing.stopped' } as const;

/**
 * On the member's page: their standing orders (abonnements), created, edited,
 * paused and stopped here. What was done is said in the page's own status region (`onNotice`).
 */
export function StandingOrderPanel({ memberId, onNotice }: { memberId: string; onNotice: (notice: Notice) => void }) {
  const i18n = useI18n();
  const { t, language, timeZone } = i18n;
  const { series } = useDistributionSeries();
  const [standing, setStanding] = useState<StandingOrderView[] | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<AppError | null>(null);
  const [editing, setEditing] = useState<{ view?: StandingOrderView } | null>(null);
  const [stopping, setStopping] = useState<StandingOrderView | null>(null);

  useEffect(() => {
    let live = true;
    void call('standingOrders.list', { memberId }).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setStanding(outcome.value);
      else setError(outcome.error);
    });
    return () => {
      live = false;
    };
  }, [memberId, version]);

  const act = async (action: Action, id: string) => {
    const outcome = await call(`standingOrders.${action}`, { id });
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    onNotice({ key: DONE[action] });
    setStopping(null);
    setVersion((v) => v + 1);
  };
  /** Which distributions it follows: all, or a series by its days (every one of its days cancelled: it says so). */
  const followed = (seriesId: string | null) => {
    if (seriesId === null) return t('standing.series.all');
    const found = series?.find((each) => each.seriesId === seriesId);
    if (found) return seriesLabel(i18n, found);
    return series === null ? '…' : t('standing.series.gone');
  };
  const current = standing?.filter((view) => view.status !== 'stopped') ?? [];

  return (
    <section aria-labelledby="standing-title">
      <div className="page-head">
        <h2 id="standing-title">{t('standing.title')}</h2>
        {standing !== null && current.length === 0 && (
          <button type="button" className="button" onClick={() => setEditing({})}>
            {t('standing.create')}
          </button>
        )}
      </div>
      <p className="muted">{t('standing.intro')}</p>
      <PageError error={error} />
      {standing !== null && current.length === 0 && <p className="empty-state">{t('standing.none')}</p>}
      {current.map((view) => (
        <div key={view.standingOrder.id} className="standing-order">
          <p>
            <strong>{t(`standing.status.${view.status}`)}</strong> · {t('standing.since', { date: formatDay(language, view.standingOrder.createdAt, timeZone) })}
          </p>
          <p>
            {followed(view.standingOrder.seriesId)} · {t(`standing.cadence.${view.standingOrder.cadence}`)}
            {view.standingOrder.until !== null && ` · ${t('standing.untilDay', { date: longDay(language, view.standingOrder.until) })}`}
          </p>
          <ul aria-label={t('standing.lines')}>
            {view.lines.map((line) => (
              <li key={line.productId}>
                {line.productName} × {line.quantity}
              </li>
            ))}
          </ul>
          <div className="order-actions">
            <button type="button" className="button" onClick={() => setEditing({ view })}>
              {t('standing.edit')}
            </button>
            {view.status === 'active' ? (
              <button type="button" className="button" onClick={() => void act('pause', view.standingOrder.id)}>
                {t('standing.pause')}
              </button>
            ) : (
              <button type="button" className="button" onClick={() => void act('resume', view.standingOrder.id)}>
                {t('standing.resume')}
              </button>
            )}
            <button type="button" className="button button-danger-outline" onClick={() => setStopping(view)}>
              {t('standing.stop')}
            </button>
          </div>
        </div>
      ))}
      {editing && (
        <StandingOrderDialog
          memberId={memberId}
          editing={editing.view ? { ...editing.view.standingOrder } : undefined}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onNotice({ key: 'standing.saved' });
            setVersion((v) => v + 1);
          }}
        />
      )}
      {stopping && (
        <ConfirmDialog
          title={t('standing.stop')}
          body={t('standing.stopConfirm')}
          confirmLabel={t('standing.stop')}
          busy={false}
          busyLabel={t('standing.stop')}
          onConfirm={() => void act('stop', stopping.standingOrder.id)}
          onCancel={() => setStopping(null)}
        />
      )}
    </section>
  );
}

import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { PlacementView } from '../../../shared/standing/views';
import { call } from '../client';
import { PageError } from '../forms/PageError';
import { StatusMessage, type Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';
import { unplacedText } from './unplaced-text';

interface UnplacedStandingProps {
  distributionId: string;
  /** Ordering open: the organiser may place standing orders now (offers entered after the opening). */
  open: boolean;
  version: number;
  onPlaced: () => void;
}

/**
 * On a distribution's orders page: the standing-order lines that could not be
 * placed (stock, no longer on sale, order cancelled), so the organiser can
 * call the member; and, while ordering is open, placing what is due now.
 */
export function UnplacedStanding({ distributionId, open, version, onPlaced }: UnplacedStandingProps) {
  const { t } = useI18n();
  const [placements, setPlacements] = useState<PlacementView[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void call('standingOrders.placements', { distributionId }).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setPlacements(outcome.value);
      else setError(outcome.error);
    });
    return () => {
      live = false;
    };
  }, [distributionId, version]);

  const place = async () => {
    setBusy(true);
    const outcome = await call('standingOrders.place', { distributionId });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    setNotice({ key: 'standing.placedNow', params: { count: outcome.value.placed } });
    onPlaced();
  };

  // Nothing left unplaced: no section, the orders list keeps the room (the sweep places new standing orders within a minute).
  if (placements.length === 0 && error === null && notice === null) return null;

  return (
    <section className="order-section" aria-labelledby="standing-unplaced-title">
      <div className="page-head">
        <h2 id="standing-unplaced-title">{t('standing.unplacedTitle')}</h2>
        {open && (
          <button type="button" className="button" disabled={busy} onClick={() => void place()}>
            {t('standing.placeNow')}
          </button>
        )}
      </div>
      <StatusMessage notice={notice} />
      <PageError error={error} />
      {placements.length === 0 ? (
        <p className="muted">{t('standing.noneUnplaced')}</p>
      ) : (
        <ul className="standing-unplaced">
          {placements.map((placement) => (
            <li key={placement.memberId}>
              {placement.orderId ? <a href={areaHref('orders', distributionId, placement.orderId)}>{placement.memberName}</a> : placement.memberName}
              <ul>
                {placement.unplaced.map((line) => (
                  <li key={line.productId}>{unplacedText(t, line)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

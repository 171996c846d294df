import { useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { formatDateTime } from '../../../shared/i18n/format';
import type { SetAside, SyncStatus } from '../../../shared/sync/status';
import { call } from '../client';
import { ConfirmDialog } from '../dialog/ConfirmDialog';
import { PageError } from '../forms/PageError';
import { useI18n } from '../i18n/i18n-context';
import { problemText } from './problem-text';

const isEmpty = (setAside: SetAside) => setAside.parked.length === 0 && setAside.parkedDropped === 0 && setAside.refused.length === 0 && setAside.refusedDropped === 0;

/**
 * What this copy held back from the other copies' files: changes waiting (counted
 * by reason) and what was refused (which copy, file, record, value, why), until
 * the organiser discards the list. Never a silent wait or a silent drop (issue 13).
 */
export function SetAsideSection({ setAside, onDiscarded }: { setAside: SetAside; onDiscarded: (status: SyncStatus) => void }) {
  const { t, language, timeZone } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function discard() {
    setBusy(true);
    const outcome = await call('sync.discardSetAside', {});
    setBusy(false);
    setAsking(false);
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    onDiscarded(outcome.value);
  }

  return (
    <section className="panel" aria-labelledby="sync-set-aside">
      <h2 id="sync-set-aside">{t('sync.setAside.title')}</h2>
      <p className="muted">{t('sync.setAside.intro')}</p>
      <PageError error={error} />
      {isEmpty(setAside) ? (
        <p className="empty-state">{t('sync.setAside.none')}</p>
      ) : (
        <>
          <ul className="sync-problems">
            {setAside.parked.map(({ reason, count }) => (
              <li key={reason}>
                <p className="sync-problem">{t(`sync.setAside.reason.${reason}`, { count })}</p>
              </li>
            ))}
            {setAside.parkedDropped > 0 && (
              <li>
                <p className="sync-problem">{t('sync.setAside.parkedDropped', { count: setAside.parkedDropped })}</p>
              </li>
            )}
          </ul>
          {(setAside.refused.length > 0 || setAside.refusedDropped > 0) && (
            <>
              <h3>{t('sync.setAside.refused', { count: setAside.refused.length + setAside.refusedDropped })}</h3>
              <ul className="sync-problems sync-refused">
                {[...setAside.refused].reverse().map((entry, index) => (
                  <li key={index}>
                    <p className="sync-problem">{problemText(t, entry)}</p>
                    <p className="muted">{t('sync.setAside.where', { level: t(`sync.level.${entry.level}`), at: formatDateTime(language, entry.at, timeZone) })}</p>
                  </li>
                ))}
              </ul>
              {setAside.refusedDropped > 0 && <p className="muted">{t('sync.setAside.refusedDropped', { count: setAside.refusedDropped })}</p>}
            </>
          )}
          <button type="button" className="button" onClick={() => setAsking(true)}>
            {t('sync.setAside.discard')}
          </button>
        </>
      )}
      {asking && (
        <ConfirmDialog
          title={t('sync.setAside.discardTitle')}
          body={t('sync.setAside.discardBody')}
          confirmLabel={t('sync.setAside.discard')}
          busy={busy}
          onConfirm={() => void discard()}
          onCancel={() => setAsking(false)}
        />
      )}
    </section>
  );
}

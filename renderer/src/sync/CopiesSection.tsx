import { useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { formatDateTime } from '../../../shared/i18n/format';
import type { Producer } from '../../../shared/model/producer';
import type { CopiesStatus, CopyView, SyncStatus } from '../../../shared/sync/status';
import { call } from '../client';
import { ConfirmDialog } from '../dialog/ConfirmDialog';
import { PageError } from '../forms/PageError';
import { useI18n } from '../i18n/i18n-context';

/**
 * This copy's code and the roster (issue 13): on the organiser's copy that keeps
 * it, the copies waiting for approval with their code, approved by comparing it
 * with the code on the copy's own screen; on the others, whether they are approved.
 */
export function CopiesSection({
  copies,
  producers,
  onChanged,
}: {
  copies: CopiesStatus;
  producers: readonly Producer[];
  onChanged: (change: 'approved' | 'removed', status: SyncStatus) => void;
}) {
  const { t, language, timeZone } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  /** The copy the organiser asked to remove, until confirmed or cancelled. */
  const [removing, setRemoving] = useState<CopyView | null>(null);

  const roleText = (copy: CopyView) => {
    if (copy.role === 'organiser') return t('sync.copies.asOrganiser');
    const producer = producers.find((candidate) => candidate.id === copy.producerId);
    return producer ? t('sync.copies.asProducer', { producer: producer.name }) : t('sync.copies.unknownProducer');
  };

  async function approve(device: string) {
    setBusy(device);
    const outcome = await call('sync.approveCopy', { device });
    setBusy(null);
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    onChanged('approved', outcome.value);
  }

  async function remove(device: string) {
    setBusy(device);
    const outcome = await call('sync.removeCopy', { device });
    setBusy(null);
    setRemoving(null);
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    onChanged('removed', outcome.value);
  }

  return (
    <section className="panel" aria-labelledby="sync-copies">
      <h2 id="sync-copies">{t('sync.copies.title')}</h2>
      <dl className="facts">
        <dt>{t('sync.copies.myCode')}</dt>
        <dd>
          <code className="copy-code" data-testid="my-copy-code">
            {copies.code}
          </code>
        </dd>
      </dl>
      {!copies.keeper && <p>{copies.approved && copies.keeperCode ? t('sync.copies.approvedMe', { code: copies.keeperCode }) : t('sync.copies.waitingMe')}</p>}
      {!copies.keeper && copies.firstTrust && (
        <p className="muted" data-testid="first-trust">
          {t('sync.copies.firstTrust', { date: formatDateTime(language, copies.firstTrust.at, timeZone), code: copies.firstTrust.code })}
        </p>
      )}
      {copies.keeper && (
        <>
          <p className="muted">{t('sync.copies.keeperIntro')}</p>
          <PageError error={error} />
          <h3>{copies.awaiting.length > 0 ? t('sync.copies.awaiting', { count: copies.awaiting.length }) : t('sync.copies.noneAwaiting')}</h3>
          {copies.awaiting.length > 0 && (
            <ul className="sync-problems sync-awaiting">
              {copies.awaiting.map((copy) => (
                <li key={copy.device}>
                  <p>
                    {t('sync.copies.device', { device: copy.device })} — {roleText(copy)} — {copy.code === null ? t('sync.copies.noKey') : t('sync.copies.code', { code: copy.code })}
                  </p>
                  {copy.code !== null && (
                    <button type="button" className="button" disabled={busy !== null} onClick={() => void approve(copy.device)}>
                      {t('sync.copies.approve', { code: copy.code })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('sync.copies.approved')}</h3>
          <ul className="sync-roster">
            {copies.roster.map((copy) => (
              <li key={copy.device}>
                {t('sync.copies.device', { device: copy.device })} — {roleText(copy)} — {t('sync.copies.code', { code: copy.code ?? '' })}
                {copy.code !== copies.code && (
                  <>
                    {' '}
                    <button type="button" className="button" disabled={busy !== null} onClick={() => setRemoving(copy)}>
                      {t('sync.copies.remove', { code: copy.code ?? '' })}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {removing && (
        <ConfirmDialog
          title={t('sync.copies.removeTitle', { code: removing.code ?? '' })}
          body={t('sync.copies.removeBody', { device: removing.device, role: roleText(removing) })}
          confirmLabel={t('sync.copies.removeConfirm')}
          busy={busy !== null}
          onConfirm={() => void remove(removing.device)}
          onCancel={() => setRemoving(null)}
        />
      )}
    </section>
  );
}

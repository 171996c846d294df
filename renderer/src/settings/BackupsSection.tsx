import { useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { BackupInfo } from '../../../shared/contract/results';
import { formatDateTime } from '../../../shared/i18n/format';
import { newestFirst } from '../backups/backup-order';
import { useBackups } from '../backups/use-backups';
import { call } from '../client';
import { ConfirmDialog } from '../dialog/ConfirmDialog';
import { PageError } from '../forms/PageError';
import type { Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';

interface BackupsSectionProps {
  onNotice: (notice: Notice) => void;
  /** A restore replaced the data: everything on screen must be read again. */
  onRestored: (notice: Notice) => Promise<void>;
}

export function BackupsSection({ onNotice, onRestored }: BackupsSectionProps) {
  const { t, language, timeZone } = useI18n();
  const [version, setVersion] = useState(0);
  const { backups, error: listError, dailyFailed } = useBackups(version);
  const [creating, setCreating] = useState(false);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function create() {
    setCreating(true);
    const outcome = await call('backups.create', {});
    setCreating(false);
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    setVersion((current) => current + 1);
    onNotice({ key: 'backups.created' });
  }

  async function restore(backup: BackupInfo) {
    setBusy(true);
    const outcome = await call('backups.restore', { id: backup.id });
    if (!outcome.ok) {
      setBusy(false);
      setRestoring(null);
      return setError(outcome.error);
    }
    setError(null);
    setVersion((current) => current + 1);
    await onRestored({ key: 'backups.restored', instants: { date: backup.createdAt } });
    setBusy(false);
    setRestoring(null);
  }

  return (
    <section className="panel" aria-labelledby="settings-backups">
      <div className="panel-head">
        <h2 id="settings-backups">{t('backups.title')}</h2>
        <button type="button" className="button" onClick={() => void create()} disabled={creating}>
          {creating ? t('backups.creating') : t('backups.create')}
        </button>
      </div>
      <p className="field-hint">{t('backups.help')}</p>
      <PageError error={error ?? listError} />
      {dailyFailed && (
        <p role="alert" className="page-error">
          {t('backups.dailyFailed', { date: formatDateTime(language, dailyFailed.at, timeZone), detail: dailyFailed.detail })}
        </p>
      )}
      {backups && backups.length === 0 && <p className="empty-state">{t('backups.empty')}</p>}
      {backups && backups.length > 0 && (
        <div className="table-frame">
          <table className="table">
            <caption className="visually-hidden">{t('backups.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backups.column.date')}</th>
                <th scope="col">{t('backups.column.kind')}</th>
                <th scope="col">{t('backups.column.files')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {newestFirst(backups).map((backup) => {
                const date = formatDateTime(language, backup.createdAt, timeZone);
                return (
                  <tr key={backup.id}>
                    <th scope="row">{date}</th>
                    <td>{t(`backups.kind.${backup.kind}`)}</td>
                    <td>
                      {t('backups.files', { count: backup.files.length })}
                      {!backup.readable && <strong className="badge badge-bad">{t('backups.unreadable')}</strong>}
                    </td>
                    <td className="row-actions">
                      {backup.readable && (
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={t('backups.restoreLabel', { date })}
                          onClick={() => setRestoring(backup)}
                        >
                          {t('backups.restore')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {restoring && (
        <ConfirmDialog
          title={t('backups.restoreTitle')}
          body={t('backups.restoreConfirm', { date: formatDateTime(language, restoring.createdAt, timeZone) })}
          confirmLabel={t('backups.restore')}
          busy={busy}
          busyLabel={t('backups.restoring')}
          onConfirm={() => void restore(restoring)}
          onCancel={() => setRestoring(null)}
        />
      )}
    </section>
  );
}

import { useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { BackupInfo } from '../../../shared/contract/results';
import { formatDateTime } from '../../../shared/i18n/format';
import type { RecoveryStatus } from '../app/app-state';
import { readableNewestFirst } from '../backups/backup-order';
import { useBackups } from '../backups/use-backups';
import { call } from '../client';
import { PageError } from '../forms/PageError';
import { useI18n } from '../i18n/i18n-context';
import './recovery.css';

interface RecoveryScreenProps {
  status: RecoveryStatus;
  /** Read the status again: ready → the app opens; still damaged → this screen names the next file. */
  onRestored: () => Promise<void>;
}

/**
 * Shown alone when a data file cannot be read: nothing else may run on
 * broken data. It says which file and why, and offers the newest readable
 * backup first — the one-click way back for an organiser on distribution day.
 */
export function RecoveryScreen({ status, onRestored }: RecoveryScreenProps) {
  const { t, language, timeZone } = useI18n();
  const { backups, error: listError } = useBackups(0);
  const [restoringId, setRestoringId] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const { problem } = status;
  const missing = problem.reason === 'missing';

  async function restore(backup: BackupInfo) {
    setRestoringId(backup.id);
    setError(null);
    const outcome = await call('backups.restore', { id: backup.id });
    if (!outcome.ok) {
      setRestoringId(null);
      return setError(outcome.error);
    }
    await onRestored();
    setRestoringId(null);
  }

  const readable = backups ? readableNewestFirst(backups) : [];
  const [latest, ...others] = readable;
  const restoreButton = (backup: BackupInfo, label: string, primary: boolean, ariaLabel?: string) => (
    <button
      type="button"
      className={primary ? 'button button-primary' : 'button'}
      aria-label={restoringId === backup.id ? undefined : ariaLabel}
      disabled={restoringId !== null}
      onClick={() => void restore(backup)}
    >
      {restoringId === backup.id ? t('backups.restoring') : label}
    </button>
  );

  return (
    <main className="recovery">
      <h1>{t(missing ? 'recovery.titleMissing' : 'recovery.title')}</h1>
      <p>{t(missing ? 'recovery.bodyMissing' : 'recovery.body', { file: problem.file })}</p>
      <p className="recovery-reason">{t(`recovery.reason.${problem.reason}`)}</p>
      <details className="recovery-detail">
        <summary>{t('recovery.detail')}</summary>
        <pre>{problem.detail}</pre>
      </details>

      <PageError error={error ?? listError} />

      {backups === null && !listError && <p role="status">{t('app.loading')}</p>}
      {backups !== null && latest === undefined && (
        <p className="recovery-none">
          {t(missing ? 'recovery.noBackupMissing' : 'recovery.noBackup', { dir: status.dataDir })}
        </p>
      )}
      {latest && <p className="recovery-rolls-back">{t('recovery.rollsBack')}</p>}
      {latest && (
        <div className="recovery-actions">
          {restoreButton(latest, t('recovery.restoreLatest', { date: formatDateTime(language, latest.createdAt, timeZone) }), true)}
        </div>
      )}
      {others.length > 0 && (
        <section aria-labelledby="recovery-others">
          <h2 id="recovery-others">{t('recovery.otherBackups')}</h2>
          <ul className="recovery-others">
            {others.map((backup) => {
              const date = formatDateTime(language, backup.createdAt, timeZone);
              return (
                <li key={backup.id}>
                  <span>
                    {date} — {t(`backups.kind.${backup.kind}`)}
                  </span>
                  {restoreButton(backup, t('backups.restore'), false, t('backups.restoreLabel', { date }))}
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </main>
  );
}

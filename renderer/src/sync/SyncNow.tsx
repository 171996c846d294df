import type { AppError } from '../../../shared/contract/errors';
import type { SyncProgress, SyncStatus } from '../../../shared/sync/status';
import { PageError } from '../forms/PageError';
import { useI18n, type I18n } from '../i18n/i18n-context';
import { conflictsHref } from './routes';
import { canSyncNow } from './sync-now-state';
import { summaryText, type SummaryLine } from './sync-summary';

interface SyncNowProps {
  status: SyncStatus;
  /** "Sync now" was asked here and has not answered yet. */
  inFlight: boolean;
  error: AppError | null;
  /** What the last sync asked here did with the online shop and the network. */
  summary: SummaryLine[];
  /** The online shop is set: syncing keeps it current even with no shared folder (issue 16). */
  shopConfigured: boolean;
  onSync: () => void;
}

function phaseText(t: I18n['t'], progress: SyncProgress | null): string {
  if (!progress) return t('sync.phase.starting');
  return t(`sync.phase.${progress.phase}`, { done: progress.done, total: progress.total });
}

/** The button, the progress of a sync (asked here or started by the timer), and the conflicts it left. */
export function SyncNow({ status, inFlight, error, summary, shopConfigured, onSync }: SyncNowProps) {
  const { t } = useI18n();
  const running = inFlight || status.running;
  const progress = status.progress;
  const nothingToSync = !canSyncNow({ folderCount: status.folders.length, shopConfigured });

  return (
    <section className="panel" aria-labelledby="sync-now">
      <h2 id="sync-now" className="visually-hidden">
        {t('sync.now')}
      </h2>
      <div className="sync-now-row">
        <button type="button" className="button button-primary" onClick={onSync} disabled={running || nothingToSync} aria-describedby={nothingToSync ? 'sync-now-hint' : undefined}>
          {running ? t('sync.running') : t('sync.now')}
        </button>
        {nothingToSync && (
          <p id="sync-now-hint" className="field-hint">
            {t('sync.nothingToSync')}
          </p>
        )}
      </div>
      <div aria-live="polite" className="sync-progress">
        {running && (
          <>
            <label htmlFor="sync-progress-bar">{phaseText(t, progress)}</label>
            {/* No total yet: an indeterminate bar, rather than a bar stuck at zero. */}
            {/* Files are counted as they are read; merging and writing are one step each, so the bar only says "busy". */}
            <progress
              id="sync-progress-bar"
              value={progress?.phase === 'reading' && progress.total > 0 ? progress.done : undefined}
              max={progress?.phase === 'reading' && progress.total > 0 ? progress.total : undefined}
            />
          </>
        )}
        {/* In the live region already in the page, so that screen readers announce it when the sync ends. */}
        {!running &&
          summary.map((line) => (
            <p key={line.key} className="sync-summary">
              {summaryText(t, line)}
            </p>
          ))}
      </div>
      <PageError error={error} />
      <p className="sync-conflicts">
        {status.conflicts > 0 ? (
          <a href={conflictsHref} className="sync-conflicts-link">
            {t('sync.conflicts.count', { count: status.conflicts })}
          </a>
        ) : (
          <>
            {t('sync.conflicts.none')} <a href={conflictsHref}>{t('sync.conflicts.open')}</a>
          </>
        )}
      </p>
    </section>
  );
}

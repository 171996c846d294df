import { formatDateTime } from '../../../shared/i18n/format';
import type { FolderStatus, SyncProblem, SyncProblemCode } from '../../../shared/sync/status';
import { useI18n } from '../i18n/i18n-context';
import { problemText } from './problem-text';

/** Problems that stop a folder from syncing at all: said as alerts, the others as notes. */
const BLOCKING: ReadonlySet<SyncProblemCode> = new Set(['folderMissing', 'notWritable', 'wrongLevel', 'newerFormat', 'damaged']);

function ProblemItem({ problem }: { problem: SyncProblem }) {
  const { t } = useI18n();
  const text = problemText(t, problem);
  return <li>{BLOCKING.has(problem.code) ? <p role="alert" className="sync-problem-blocking">{text}</p> : <p className="sync-problem">{text}</p>}</li>;
}

/** Each folder this copy syncs with: where it is, when it last synced, what waits to be sent, what went wrong. */
export function SyncFolders({ folders }: { folders: readonly FolderStatus[] }) {
  const { t, language, timeZone } = useI18n();
  return (
    <section className="panel" aria-labelledby="sync-folders">
      <h2 id="sync-folders">{t('sync.folders')}</h2>
      {folders.length === 0 && <p className="empty-state">{t('sync.noFolder')}</p>}
      {folders.map((folder) => {
        const headingId = `sync-folder-${folder.level}`;
        return (
          <section key={folder.level} className="sync-folder" aria-labelledby={headingId}>
            <h3 id={headingId}>{t(`sync.level.${folder.level}`)}</h3>
            <dl className="facts sync-facts">
              <dt>{t('sync.path')}</dt>
              <dd>
                <code className="path">{folder.folder}</code>
              </dd>
              <dt>{t('sync.lastSync')}</dt>
              <dd>{folder.lastSyncAt ? formatDateTime(language, folder.lastSyncAt, timeZone) : t('sync.never')}</dd>
              <dt>{t('sync.pending')}</dt>
              <dd>{folder.pending}</dd>
              <dt>{t('sync.problems')}</dt>
              <dd>
                {folder.problems.length === 0 ? (
                  t('sync.noProblem')
                ) : (
                  <ul className="sync-problems">
                    {folder.problems.map((problem, index) => (
                      <ProblemItem key={index} problem={problem} />
                    ))}
                  </ul>
                )}
              </dd>
            </dl>
          </section>
        );
      })}
    </section>
  );
}

import { useId } from 'react';
import type { ImportAction, ImportIssue, ImportPlan, ImportRowPlan } from '../../../shared/catalogue/import-plan';
import type { MessageKey } from '../../../shared/i18n/messages';
import { Dialog } from '../dialog/Dialog';
import { useI18n } from '../i18n/i18n-context';
import { IMPORT_COLUMN_LABELS } from './product-labels';

const ACTION_LABELS: Record<ImportAction, MessageKey> = {
  create: 'catalogue.import.action.create',
  update: 'catalogue.import.action.update',
  unchanged: 'catalogue.import.action.unchanged',
};

const COUNTS: { key: keyof ImportPlan['counts']; label: MessageKey }[] = [
  { key: 'producersCreated', label: 'catalogue.import.count.producersCreated' },
  { key: 'producersUpdated', label: 'catalogue.import.count.producersUpdated' },
  { key: 'productsCreated', label: 'catalogue.import.count.productsCreated' },
  { key: 'productsUpdated', label: 'catalogue.import.count.productsUpdated' },
  { key: 'rowsWithIssues', label: 'catalogue.import.count.rowsWithIssues' },
];

/** The rows the import will write something for: no problem, and something new or different. */
export function rowsToImport(plan: ImportPlan): number {
  if (plan.fileIssues.length > 0) return 0;
  return plan.rows.filter(
    (row) =>
      row.issues.length === 0 &&
      [row.productAction, row.producerAction].some((action) => action === 'create' || action === 'update'),
  ).length;
}

/** Why the import button is absent: everything already matches, or nothing could be read. */
function nothingToImport(plan: ImportPlan): MessageKey {
  const clean = plan.rows.filter((row) => row.issues.length === 0).length;
  if (clean === 0) return 'catalogue.import.nothing';
  return plan.counts.rowsWithIssues > 0 ? 'catalogue.import.upToDateExceptIssues' : 'catalogue.import.upToDate';
}

interface ImportPreviewProps {
  fileName: string;
  plan: ImportPlan;
  busy: boolean;
  onImport: () => void;
  onCancel: () => void;
}

/**
 * What a file would do, before anything is written: the counts, what is wrong
 * with the file as a whole, and every row with its line number, its action and
 * its problems. Only Import writes; Cancel and Escape leave the data as it was.
 */
export function ImportPreview({ fileName, plan, busy, onImport, onCancel }: ImportPreviewProps) {
  const { t } = useI18n();
  const titleId = useId();
  const rowsId = useId();
  const count = rowsToImport(plan);
  const blocked = plan.fileIssues.length > 0;

  const issueText = (issue: ImportIssue) => {
    const message = t(issue.key, issue.params);
    return issue.column ? t('form.issueLine', { field: t(IMPORT_COLUMN_LABELS[issue.column]), message }) : message;
  };

  return (
    <Dialog labelledBy={titleId} onClose={onCancel} busy={busy} className="dialog-import">
      <h2 id={titleId} className="dialog-title" tabIndex={-1} data-autofocus>
        {t('catalogue.import.title')}
      </h2>
      <div className="import-body">
        <p className="import-file">{t('catalogue.import.file', { name: fileName })}</p>
        {blocked ? (
          <div role="alert" className="error-summary">
            <p className="error-summary-title">{t('catalogue.import.fileIssues')}</p>
            <ul>
              {plan.fileIssues.map((issue, index) => (
                <li key={index}>{issueText(issue)}</li>
              ))}
            </ul>
          </div>
        ) : (
          <>
            <p>{t('catalogue.import.nothingWritten')}</p>
            <h3>{t('catalogue.import.summary')}</h3>
            <dl className="import-counts">
              {COUNTS.map(({ key, label }) => (
                <div key={key} className={key === 'rowsWithIssues' && plan.counts[key] > 0 ? 'import-count import-count-bad' : 'import-count'}>
                  <dt>{t(label)}</dt>
                  <dd>{plan.counts[key]}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
        {plan.unknownHeaders.length > 0 && (
          <p className="import-unknown">{t('catalogue.import.unknownHeaders', { columns: plan.unknownHeaders.join(', ') })}</p>
        )}
        {plan.rows.length > 0 && (
          <>
            <h3 id={rowsId}>{t('catalogue.import.rows')}</h3>
            <div className="table-frame">
              <table className="table import-table" aria-labelledby={rowsId}>
                <thead>
                  <tr>
                    <th scope="col" className="numeric">
                      {t('catalogue.import.column.line')}
                    </th>
                    <th scope="col">{t('catalogue.import.column.producer')}</th>
                    <th scope="col">{t('catalogue.import.column.product')}</th>
                    <th scope="col">{t('catalogue.import.column.action')}</th>
                    <th scope="col">{t('catalogue.import.column.issues')}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.rows.map((row, index) => (
                    <PreviewRow key={`${row.line}-${index}`} row={row} issueText={issueText} />
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        {!blocked && count === 0 && (
          <p className="import-nothing">{t(nothingToImport(plan))}</p>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        {count > 0 && (
          <button type="button" className="button button-primary" onClick={onImport} disabled={busy}>
            {busy ? t('catalogue.import.importing') : t('catalogue.import.confirm', { count })}
          </button>
        )}
      </div>
    </Dialog>
  );
}

function PreviewRow({ row, issueText }: { row: ImportRowPlan; issueText: (issue: ImportIssue) => string }) {
  const { t } = useI18n();
  const action = row.productAction ?? row.producerAction;
  const bad = row.issues.length > 0;
  return (
    <tr className={bad ? 'import-row-bad' : undefined}>
      <th scope="row" className="numeric">
        {row.line}
      </th>
      <td>
        {row.producerName}
        {(row.producerAction === 'create' || row.producerAction === 'update') && (
          <span className="import-note">{t(`catalogue.import.producerNote.${row.producerAction}`)}</span>
        )}
      </td>
      <td>{row.productName}</td>
      <td>
        <span className={`import-action import-action-${bad ? 'skipped' : (action ?? 'unchanged')}`}>
          {bad ? t('catalogue.import.action.skipped') : action ? t(ACTION_LABELS[action]) : t('common.none')}
        </span>
      </td>
      <td>
        {bad ? (
          <ul className="import-issues">
            {row.issues.map((issue, index) => (
              <li key={index}>{issueText(issue)}</li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('catalogue.import.noIssue')}</span>
        )}
      </td>
    </tr>
  );
}

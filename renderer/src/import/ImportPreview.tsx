import { useId, type ReactNode } from 'react';
import type { ColumnMapping, ImportAction, ImportIssue } from '../../../shared/csv/columns';
import type { MessageKey } from '../../../shared/i18n/messages';
import { Dialog } from '../dialog/Dialog';
import { useI18n } from '../i18n/i18n-context';
import { ColumnMappingTable } from './ColumnMappingTable';
import { ImportCounts } from './ImportCounts';
import { RowNotes } from './RowNotes';
import type { ShownPreview } from './CsvImportButton';
import type { ImportNamespace } from './import-namespace';
import './import.css';

/** What every importer's plan has: the problems of the file as a whole, and its rows. */
export interface PreviewPlan<R extends PreviewRow> {
  mappings: readonly ColumnMapping<string>[];
  fileIssues: readonly ImportIssue[];
  unknownHeaders: readonly string[];
  rows: readonly R[];
}

export interface PreviewRow {
  line: number;
  issues: readonly ImportIssue[];
  /** Values imported as read but worth a look ("2,5 €" read as 2,50 €): the row is imported, and says so. */
  warnings: readonly ImportIssue[];
}

export interface PreviewColumn<R> {
  header: MessageKey;
  cell: (row: R) => ReactNode;
}

interface ImportPreviewProps<R extends PreviewRow> extends Omit<ShownPreview<PreviewPlan<R>>, 'plan'> {
  namespace: ImportNamespace;
  plan: PreviewPlan<R>;
  /** The figures of "what the import will do"; `bad` ones stand out. */
  counts: readonly { label: MessageKey; value: number; bad?: boolean }[];
  /** The cells that say what a row is about, between its line and its action. */
  columns: readonly PreviewColumn<R>[];
  /** What a row does to each record it names, the one to show first (a product before its producer). */
  actions: (row: R) => readonly (ImportAction | null)[];
  /** How the file's columns are named in an issue ("prix : …"). */
  columnLabels: Readonly<Record<string, MessageKey>>;
}

/** The rows the import will write something for: no problem, and something new or different. */
export function rowsToImport<R extends PreviewRow>(plan: PreviewPlan<R>, actions: (row: R) => readonly (ImportAction | null)[]): number {
  if (plan.fileIssues.length > 0) return 0;
  return plan.rows.filter((row) => row.issues.length === 0 && actions(row).some((action) => action === 'create' || action === 'update')).length;
}

/**
 * What a file would do, before anything is written: the counts, what is wrong
 * with the file as a whole, and every row with its line number, its action and
 * its problems. Only Import writes; Cancel and Escape leave the data as it was.
 */
export function ImportPreview<R extends PreviewRow>(props: ImportPreviewProps<R>) {
  const { namespace, fileName, plan, counts, columns, actions, columnLabels, busy, onImport, onCancel, onRemap } = props;
  const { t } = useI18n();
  const titleId = useId();
  const rowsId = useId();
  const count = rowsToImport(plan, actions);
  const blocked = plan.fileIssues.length > 0;
  const clean = plan.rows.filter((row) => row.issues.length === 0).length;
  // Why the import button is absent: everything already matches, or nothing could be read.
  const nothingToImport =
    clean === 0 ? `${namespace}.nothing` as const : clean < plan.rows.length ? `${namespace}.upToDateExceptIssues` as const : `${namespace}.upToDate` as const;

  const issueText = (issue: ImportIssue) => {
    const message = t(issue.key, issue.params);
    const label = issue.column ? columnLabels[issue.column] : undefined;
    return label ? t('form.issueLine', { field: t(label), message }) : message;
  };

  return (
    <Dialog labelledBy={titleId} onClose={onCancel} busy={busy} className="dialog-import">
      <h2 id={titleId} className="dialog-title" tabIndex={-1} data-autofocus>
        {t(`${namespace}.title`)}
      </h2>
      {/* It scrolls when the file is long: focusable, so the keyboard can scroll it too. */}
      <div className="import-body" tabIndex={0} role="region" aria-labelledby={titleId}>
        <p className="import-file">{t(`${namespace}.file`, { name: fileName })}</p>
        {blocked ? (
          <div role="alert" className="error-summary">
            <p className="error-summary-title">{t(`${namespace}.fileIssues`)}</p>
            <ul>
              {plan.fileIssues.map((issue, index) => (
                <li key={index}>{issueText(issue)}</li>
              ))}
            </ul>
          </div>
        ) : (
          <>
            <p>{t(`${namespace}.nothingWritten`)}</p>
            <h3>{t(`${namespace}.summary`)}</h3>
            <ImportCounts counts={counts.map((count) => ({ ...count, label: t(count.label) }))} />
          </>
        )}
        {plan.unknownHeaders.length > 0 && (
          <p className="import-unknown">{t(`${namespace}.unknownHeaders`, { columns: plan.unknownHeaders.join(', ') })}</p>
        )}
        <ColumnMappingTable
          mappings={plan.mappings}
          fields={Object.entries(columnLabels).map(([value, label]) => ({ value, label: t(label) }))}
          busy={busy}
          onRemap={onRemap}
        />
        {plan.rows.length > 0 && (
          <>
            <h3 id={rowsId}>{t(`${namespace}.rows`)}</h3>
            <div className="table-frame">
              <table className="table import-table" aria-labelledby={rowsId}>
                <thead>
                  <tr>
                    <th scope="col" className="numeric">
                      {t(`${namespace}.column.line`)}
                    </th>
                    {columns.map((column) => (
                      <th key={column.header} scope="col">
                        {t(column.header)}
                      </th>
                    ))}
                    <th scope="col">{t(`${namespace}.column.action`)}</th>
                    <th scope="col">{t(`${namespace}.column.issues`)}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.rows.map((row, index) => {
                    const bad = row.issues.length > 0;
                    const action = actions(row).find((each) => each !== null) ?? null;
                    return (
                      <tr key={`${row.line}-${index}`} className={bad ? 'import-row-bad' : row.warnings.length > 0 ? 'import-row-warned' : undefined}>
                        <th scope="row" className="numeric">
                          {row.line}
                        </th>
                        {columns.map((column) => (
                          <td key={column.header}>{column.cell(row)}</td>
                        ))}
                        <td>
                          <span className={`import-action import-action-${bad ? 'skipped' : (action ?? 'unchanged')}`}>
                            {bad ? t(`${namespace}.action.skipped`) : action ? t(`${namespace}.action.${action}`) : t('common.none')}
                          </span>
                        </td>
                        <td>
                          <RowNotes
                            issues={row.issues.map(issueText)}
                            warnings={row.warnings.map((warning) => t(warning.key, warning.params))}
                            none={t(`${namespace}.noIssue`)}
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        )}
        {!blocked && count === 0 && <p className="import-nothing">{t(nothingToImport)}</p>}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        {count > 0 && (
          <button type="button" className="button button-primary" onClick={onImport} disabled={busy}>
            {busy ? t(`${namespace}.importing`) : t(`${namespace}.confirm`, { count })}
          </button>
        )}
      </div>
    </Dialog>
  );
}

import { useI18n } from '../i18n/i18n-context';

interface RowNotesProps {
  /** Why the row is left out (or a line of it refused), already worded. */
  issues: readonly string[];
  /** Values imported as read but worth a look ("2,5 €" read as 2,50 €), already worded. */
  warnings: readonly string[];
  /** Shown when there is neither: the row goes in as it is. */
  none?: string;
}

/** The problems and warnings of one previewed row, the same in every import's preview. */
export function RowNotes({ issues, warnings, none }: RowNotesProps) {
  const { t } = useI18n();
  return (
    <>
      {issues.length > 0 && (
        <ul className="import-issues">
          {issues.map((issue, index) => (
            <li key={index}>{issue}</li>
          ))}
        </ul>
      )}
      {issues.length === 0 && warnings.length === 0 && none !== undefined && <span className="muted">{none}</span>}
      {warnings.length > 0 && (
        <ul className="import-warnings" aria-label={t('import.warnings')}>
          {warnings.map((warning, index) => (
            <li key={index}>{warning}</li>
          ))}
        </ul>
      )}
    </>
  );
}

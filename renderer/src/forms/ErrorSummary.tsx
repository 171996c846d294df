import type { AppError } from '../../../shared/contract/errors';
import { useI18n } from '../i18n/i18n-context';

interface ErrorSummaryProps {
  error: AppError | null;
  /** The visible label of a field path, or undefined when the path is not one of the form's fields. */
  labelFor: (path: string) => string | undefined;
}

/** Why a save was refused, announced at once, with every field problem listed by its label. */
export function ErrorSummary({ error, labelFor }: ErrorSummaryProps) {
  const { t } = useI18n();
  if (!error) return null;
  const issues = error.issues ?? [];
  return (
    <div role="alert" className="error-summary">
      <p className="error-summary-title">{t(error.key, error.params)}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue, index) => {
            const message = t(issue.key, issue.params);
            const field = labelFor(issue.path);
            return <li key={index}>{field ? t('form.issueLine', { field, message }) : message}</li>;
          })}
        </ul>
      )}
    </div>
  );
}

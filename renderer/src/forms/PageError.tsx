import type { AppError } from '../../../shared/contract/errors';
import { useI18n } from '../i18n/i18n-context';

/** A refusal that belongs to no form (loading a list, archiving, a backup). */
export function PageError({ error }: { error: AppError | null }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p role="alert" className="page-error">
      {t(error.key, error.params)}
    </p>
  );
}

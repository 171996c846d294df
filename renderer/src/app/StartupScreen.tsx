import type { AppError } from '../../../shared/contract/errors';
import { useI18n } from '../i18n/i18n-context';
import './startup.css';

/** What shows before the data folder answers: a loading line, or why it did not and a way to try again. */
export function StartupScreen({ error, onRetry }: { error: AppError | null; onRetry: () => void }) {
  const { t } = useI18n();
  if (!error) {
    return (
      <main className="startup">
        <p role="status">{t('app.loading')}</p>
      </main>
    );
  }
  return (
    <main className="startup">
      <h1>{t('app.loadFailed')}</h1>
      <p role="alert">{t(error.key, error.params)}</p>
      <button type="button" className="button button-primary" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </main>
  );
}

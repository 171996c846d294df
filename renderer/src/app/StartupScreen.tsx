import type { AppError } from '../../../shared/contract/errors';
import { useI18n } from '../i18n/i18n-context';
import './startup.css';

/** What shows before the data folder answers: a loading line, or why it did not and what to do. */
export function StartupScreen({ error, onRetry }: { error: AppError | null; onRetry: () => void }) {
  const { t } = useI18n();
  if (!error) {
    return (
      <main className="startup">
        <p role="status">{t('app.loading')}</p>
      </main>
    );
  }
  // The browser host refuses a page opened without its per-launch token: the data is fine and
  // retrying cannot help; the link printed in the terminal does.
  if (error.key === 'error.unauthorized') {
    return (
      <main className="startup">
        <h1>{t('app.noToken.title')}</h1>
        <p>{t('app.noToken.body')}</p>
        <p>{t('app.noToken.restart')}</p>
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

import type { Warning } from '../../../shared/contract/results';
import { formatDateTime } from '../../../shared/i18n/format';
import { useI18n } from '../i18n/i18n-context';

/**
 * A message to show in a page's status region. Kept as keys and raw facts,
 * not text, so it follows a change of language — a restore can bring one back.
 */
export interface Notice extends Warning {
  /** Params that are ISO instants, formatted when shown. */
  instants?: Record<string, string>;
  warnings?: Warning[];
}

/**
 * The page's polite live region. It stays in the page even when empty:
 * screen readers only announce changes to a region they already know.
 */
export function StatusMessage({ notice }: { notice: Notice | null }) {
  const { t, language, timeZone } = useI18n();
  const params = { ...notice?.params };
  for (const [name, instant] of Object.entries(notice?.instants ?? {})) params[name] = formatDateTime(language, instant, timeZone);
  return (
    <div role="status" className={notice ? 'status-message' : 'status-message status-message-empty'}>
      {notice && (
        <>
          <p>{t(notice.key, params)}</p>
          {notice.warnings?.map((warning, index) => (
            <p key={index} className="status-warning">
              {t(warning.key, warning.params)}
            </p>
          ))}
        </>
      )}
    </div>
  );
}

import { useI18n } from '../i18n/i18n-context';
import { formatCount } from '../i18n/format-number';
import type { Page } from './use-page';

/**
 * "1–50 sur 1 500" and the two page buttons, under a long list. The buttons
 * stay focusable at either end (aria-disabled, not disabled), so pressing
 * Enter again on "Page suivante" at the last page does not lose the focus.
 * Nothing is drawn when the list fits on one page.
 */
export function Pager<T>({ page, label }: { page: Page<T>; label?: string }) {
  const { t, language } = useI18n();
  if (page.total <= page.pageSize) return null;
  const range = t('paging.range', {
    from: formatCount(language, page.start + 1),
    to: formatCount(language, page.start + page.rows.length),
    total: formatCount(language, page.total),
  });
  return (
    <nav className="pager" aria-label={label ?? t('paging.label')}>
      <button type="button" className="button button-small" aria-disabled={page.previous === null} onClick={() => page.previous?.()}>
        {t('paging.previous')}
      </button>
      <p className="pager-range" aria-live="polite">
        {range}
      </p>
      <button type="button" className="button button-small" aria-disabled={page.next === null} onClick={() => page.next?.()}>
        {t('paging.next')}
      </button>
    </nav>
  );
}

import { useI18n } from '../i18n/i18n-context';

/** While an area's code loads: said politely to a screen reader, not a blank page. */
export function PageLoading() {
  const { t } = useI18n();
  return (
    <p role="status" className="muted">
      {t('app.loading')}
    </p>
  );
}

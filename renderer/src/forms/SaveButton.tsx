import { useI18n } from '../i18n/i18n-context';

/** The form's submit button: disabled while the call is in flight, so one Enter saves once. */
export function SaveButton({ busy }: { busy: boolean }) {
  const { t } = useI18n();
  return (
    <button type="submit" className="button button-primary" disabled={busy}>
      {busy ? t('common.saving') : t('common.save')}
    </button>
  );
}

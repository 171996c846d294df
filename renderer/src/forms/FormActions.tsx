import { useI18n } from '../i18n/i18n-context';
import { SaveButton } from './SaveButton';

/** A form dialog's last row: Annuler, then Enregistrer; neither while the save is in flight. */
export function FormActions({ busy, onCancel }: { busy: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="dialog-actions">
      <button type="button" className="button" onClick={onCancel} disabled={busy}>
        {t('common.cancel')}
      </button>
      <SaveButton busy={busy} />
    </div>
  );
}

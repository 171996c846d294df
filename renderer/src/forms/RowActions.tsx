import type { MessageKey } from '../../../shared/i18n/messages';
import { useI18n } from '../i18n/i18n-context';

interface RowActionsProps {
  /** The record's name, in every button's accessible name ("Modifier Marie Dupont"). */
  name: string;
  archived: boolean;
  /** A restore is in flight for this row. */
  busy: boolean;
  /** "Modifier {name}", "Archiver {name}", "Restaurer {name}" in the feature's dictionary. */
  labels: { edit: MessageKey; archive: MessageKey; restore: MessageKey };
  onEdit: () => void;
  onArchive: () => void;
  onRestore: () => void;
}

/**
 * The last cell of a list row: edit, then archive or restore. Each button's
 * accessible name carries the record's name, so a screen-reader user tabbing
 * through the buttons knows which row they are on.
 */
export function RowActions({ name, archived, busy, labels, onEdit, onArchive, onRestore }: RowActionsProps) {
  const { t } = useI18n();
  return (
    <td className="row-actions">
      <button type="button" className="button button-small" aria-label={t(labels.edit, { name })} onClick={onEdit}>
        {t('common.edit')}
      </button>
      {archived ? (
        <button type="button" className="button button-small" aria-label={t(labels.restore, { name })} disabled={busy} onClick={onRestore}>
          {t('common.restore')}
        </button>
      ) : (
        <button type="button" className="button button-small" aria-label={t(labels.archive, { name })} onClick={onArchive}>
          {t('common.archive')}
        </button>
      )}
    </td>
  );
}

import type { MessageKey } from '../../../shared/i18n/messages';
import { ConfirmDialog } from '../dialog/ConfirmDialog';
import { useI18n } from '../i18n/i18n-context';
import type { ArchiveFlow } from './use-archive-flow';

interface ArchiveConfirmProps<T> {
  flow: ArchiveFlow<T>;
  /** "Archiver ce membre ?" and "Archiver « {name} » ? …" in the feature's dictionary. */
  title: MessageKey;
  body: MessageKey;
}

/** The question before an archive, while the flow is asking; Annuler has the focus, so Enter alone does not archive. */
export function ArchiveConfirm<T extends { id: string; name: string }>({ flow, title, body }: ArchiveConfirmProps<T>) {
  const { t } = useI18n();
  if (!flow.asking) return null;
  return (
    <ConfirmDialog
      title={t(title)}
      body={t(body, { name: flow.asking.name })}
      confirmLabel={t('common.archive')}
      busy={flow.busyId === flow.asking.id}
      onConfirm={flow.confirm}
      onCancel={flow.cancel}
    />
  );
}

import type { DistributionView } from '../../../shared/catalogue/views';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { DistributionStatus } from '../../../shared/model/distribution';
import { useI18n } from '../i18n/i18n-context';

export type DistributionAction = 'closeEarly' | 'reopen' | 'edit' | 'cancel' | 'restore';

/** What can be done in each status; the server checks again, this only avoids offering what it would refuse. */
const ACTIONS: Record<DistributionStatus, DistributionAction[]> = {
  upcoming: ['edit', 'cancel'],
  open: ['closeEarly', 'edit', 'cancel'],
  closed: ['reopen', 'edit', 'cancel'],
  distributed: ['edit'],
  cancelled: ['restore'],
};

const LABELS: Record<DistributionAction, MessageKey> = {
  closeEarly: 'distributions.closeEarly',
  reopen: 'distributions.reopen',
  edit: 'distributions.editAction',
  cancel: 'distributions.cancel',
  restore: 'distributions.restore',
};

interface DistributionActionsProps {
  distribution: DistributionView;
  busy: boolean;
  onAction: (action: DistributionAction) => void;
}

export function DistributionActions({ distribution, busy, onAction }: DistributionActionsProps) {
  const { t } = useI18n();
  return (
    <div className="distribution-actions" role="group" aria-label={t('common.actions')}>
      {ACTIONS[distribution.status].map((action) => (
        <button
          key={action}
          type="button"
          className={action === 'cancel' ? 'button button-danger-outline' : action === 'edit' ? 'button' : 'button button-primary'}
          disabled={busy}
          onClick={() => onAction(action)}
        >
          {t(LABELS[action])}
        </button>
      ))}
    </div>
  );
}

import type { DistributionStatus } from '../../../shared/model/distribution';
import type { MessageKey } from '../../../shared/i18n/messages';
import { useI18n } from '../i18n/i18n-context';

export const STATUS_LABELS: Record<DistributionStatus, MessageKey> = {
  upcoming: 'distributions.status.upcoming',
  open: 'distributions.status.open',
  closed: 'distributions.status.closed',
  distributed: 'distributions.status.distributed',
  cancelled: 'distributions.status.cancelled',
};

/**
 * The status in words, with a shape per status (dot, ring, strike-through)
 * besides the colour, so it reads in black and white. The hidden prefix makes
 * a screen reader say "Statut : Commandes ouvertes" rather than a bare phrase.
 */
export function StatusBadge({ status }: { status: DistributionStatus }) {
  const { t } = useI18n();
  return (
    <span className={`status-badge status-${status}`}>
      <span className="visually-hidden">{t('distributions.statusPrefix')}</span>
      {t(STATUS_LABELS[status])}
    </span>
  );
}

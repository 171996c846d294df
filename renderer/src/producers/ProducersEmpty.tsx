import type { ArchivedFilter } from '../../../shared/model/producer';
import { useI18n } from '../i18n/i18n-context';

/** An empty list says why it is empty, and what to do when there is nothing yet. */
export function ProducersEmpty({ query, archived }: { query: string; archived: ArchivedFilter }) {
  const { t } = useI18n();
  const text =
    query.trim() !== ''
      ? t('producers.noMatch', { query: query.trim() })
      : archived === 'archived'
        ? t('producers.noArchived')
        : t('producers.empty');
  return <p className="empty-state">{text}</p>;
}

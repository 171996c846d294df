import type { ArchivedFilter } from '../../../shared/model/producer';
import { useI18n } from '../i18n/i18n-context';

const FILTERS: { value: ArchivedFilter; label: 'producers.filter.active' | 'producers.filter.archived' | 'producers.filter.all' }[] = [
  { value: 'active', label: 'producers.filter.active' },
  { value: 'archived', label: 'producers.filter.archived' },
  { value: 'all', label: 'producers.filter.all' },
];

interface ProducersToolbarProps {
  query: string;
  onQuery: (query: string) => void;
  archived: ArchivedFilter;
  onArchived: (archived: ArchivedFilter) => void;
}

/** Search as you type, and which producers to show: the two ways an organiser narrows the list. */
export function ProducersToolbar({ query, onQuery, archived, onArchived }: ProducersToolbarProps) {
  const { t } = useI18n();
  return (
    <div className="toolbar">
      <div className="toolbar-search">
        <label htmlFor="producer-search">{t('producers.searchLabel')}</label>
        <input
          id="producer-search"
          type="search"
          value={query}
          placeholder={t('producers.searchPlaceholder')}
          autoComplete="off"
          onChange={(event) => onQuery(event.target.value)}
        />
      </div>
      <fieldset className="segmented">
        <legend>{t('producers.filter')}</legend>
        <div className="segmented-options">
          {FILTERS.map((filter) => (
            <label key={filter.value}>
              <input
                type="radio"
                name="producer-archived"
                value={filter.value}
                checked={archived === filter.value}
                onChange={() => onArchived(filter.value)}
              />
              <span>{t(filter.label)}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

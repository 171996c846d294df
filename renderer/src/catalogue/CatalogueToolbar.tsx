import type { MessageKey } from '../../../shared/i18n/messages';
import type { ArchivedFilter, Producer } from '../../../shared/model/producer';
import { useI18n } from '../i18n/i18n-context';

const ARCHIVED_FILTERS: { value: ArchivedFilter; label: MessageKey }[] = [
  { value: 'active', label: 'catalogue.filter.active' },
  { value: 'archived', label: 'catalogue.filter.archivedOnly' },
  { value: 'all', label: 'catalogue.filter.all' },
];

export interface CatalogueFilter {
  query: string;
  /** '' = every producer. */
  producerId: string;
  /** '' = every category. */
  category: string;
  archived: ArchivedFilter;
}

interface CatalogueToolbarProps {
  filter: CatalogueFilter;
  onFilter: (change: Partial<CatalogueFilter>) => void;
  producers: readonly Producer[];
  categories: readonly string[];
}

/** The four ways an organiser narrows the catalogue: a search, a producer, a category, and archived or not. */
export function CatalogueToolbar({ filter, onFilter, producers, categories }: CatalogueToolbarProps) {
  const { t } = useI18n();
  return (
    <div className="toolbar catalogue-toolbar">
      <div className="toolbar-search">
        <label htmlFor="catalogue-search">{t('catalogue.searchLabel')}</label>
        <input
          id="catalogue-search"
          type="search"
          value={filter.query}
          placeholder={t('catalogue.searchPlaceholder')}
          autoComplete="off"
          onChange={(event) => onFilter({ query: event.target.value })}
        />
      </div>
      <div className="toolbar-select">
        <label htmlFor="catalogue-producer">{t('catalogue.filter.producer')}</label>
        <select id="catalogue-producer" value={filter.producerId} onChange={(event) => onFilter({ producerId: event.target.value })}>
          <option value="">{t('catalogue.filter.allProducers')}</option>
          {producers.map((producer) => (
            <option key={producer.id} value={producer.id}>
              {producer.archivedAt ? t('catalogue.archivedOption', { name: producer.name }) : producer.name}
            </option>
          ))}
        </select>
      </div>
      <div className="toolbar-select">
        <label htmlFor="catalogue-category">{t('catalogue.filter.category')}</label>
        <select id="catalogue-category" value={filter.category} onChange={(event) => onFilter({ category: event.target.value })}>
          <option value="">{t('catalogue.filter.allCategories')}</option>
          {categories.map((category) => (
            <option key={category} value={category}>
              {category}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="segmented">
        <legend>{t('catalogue.filter.archived')}</legend>
        <div className="segmented-options">
          {ARCHIVED_FILTERS.map((option) => (
            <label key={option.value}>
              <input
                type="radio"
                name="catalogue-archived"
                value={option.value}
                checked={filter.archived === option.value}
                onChange={() => onFilter({ archived: option.value })}
              />
              <span>{t(option.label)}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

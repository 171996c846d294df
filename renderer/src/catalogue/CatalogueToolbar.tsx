import type { ArchivedFilter, Producer } from '../../../shared/model/producer';
import { ArchivedChoice, SearchField } from '../forms/ListFilters';
import { useI18n } from '../i18n/i18n-context';

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
      <SearchField
        id="catalogue-search"
        label={t('catalogue.searchLabel')}
        placeholder={t('catalogue.searchPlaceholder')}
        value={filter.query}
        onChange={(query) => onFilter({ query })}
      />
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
      <ArchivedChoice
        name="catalogue-archived"
        legend={t('catalogue.filter.archived')}
        labels={{ active: t('catalogue.filter.active'), archived: t('catalogue.filter.archivedOnly'), all: t('catalogue.filter.all') }}
        value={filter.archived}
        onChange={(archived) => onFilter({ archived })}
      />
    </div>
  );
}

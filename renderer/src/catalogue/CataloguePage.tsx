import { useMemo, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { formatMoney } from '../../../shared/i18n/format';
import type { Product } from '../../../shared/model/product';
import { useReadyApp } from '../app/ready-app-context';
import { call } from '../client';
import { ArchiveConfirm } from '../forms/ArchiveConfirm';
import { PageError } from '../forms/PageError';
import { StatusMessage } from '../forms/StatusMessage';
import { useArchiveFlow } from '../forms/use-archive-flow';
import { useHeadingFocusAfterChange, usePageChanges } from '../forms/use-page-changes';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';
import { PageHeading } from '../shell/PageHeading';
import { presetProducer, useCopyMode } from '../sync/copy-mode';
import { CatalogueToolbar, type CatalogueFilter } from './CatalogueToolbar';
import { CategoriesDialog } from './CategoriesDialog';
import { categoryChoices } from './categories';
import { CsvExport } from './CsvExport';
import { CsvImport } from './CsvImport';
import { ProductDialog } from './ProductDialog';
import { readPrice, readStock } from './product-draft';
import { ProductTable } from './ProductTable';
import { useCatalogueData, useProductList } from './use-catalogue';
import './catalogue.css';

type Editing = { product?: Product } | null;

export function CataloguePage() {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const { mode } = useCopyMode();
  // A producer's copy changes only its stock: its catalogue is the organiser's to edit.
  const readOnly = mode.role === 'producer';
  // A producer's copy opens on its own products.
  const [filter, setFilter] = useState<CatalogueFilter>(() => ({ query: '', producerId: presetProducer(mode) ?? '', category: '', archived: 'active' }));
  const { version, notice, setNotice, actionError, setActionError, changed } = usePageChanges();
  const list = useProductList(
    {
      query: filter.query,
      producerId: filter.producerId || undefined,
      category: filter.category || undefined,
      archived: filter.archived,
    },
    version,
  );
  const data = useCatalogueData(version);

  const [editing, setEditing] = useState<Editing>(null);
  const [categoriesOpen, setCategoriesOpen] = useState(false);

  const archiving = useArchiveFlow<Product>({
    archive: (product) => call('products.archive', { id: product.id }),
    restore: (product) => call('products.restore', { id: product.id }),
    notices: { archived: 'catalogue.archivedDone', restored: 'catalogue.restoredDone' },
    onChanged: changed,
    onError: setActionError,
  });

  const producers = data.producers;
  const producerNames = useMemo(() => new Map((producers ?? []).map((producer) => [producer.id, producer.name])), [producers]);
  const hasActiveProducer = (producers ?? []).some((producer) => producer.archivedAt === null);
  const categories = useMemo(() => categoryChoices(relay.categories, data.products), [relay.categories, data.products]);

  async function savePrice(product: Product, text: string): Promise<AppError | null> {
    const priceCents = readPrice(text);
    if (priceCents === null) return { key: 'catalogue.priceUnreadable' };
    const outcome = await call('products.update', { id: product.id, changes: { priceCents } });
    if (!outcome.ok) return outcome.error;
    const price = formatMoney(language, outcome.value.priceCents, relay.currency);
    changed({ key: 'catalogue.priceSaved', params: { name: product.name, price } });
    return null;
  }

  async function saveStock(product: Product, text: string): Promise<AppError | null> {
    const read = readStock(text);
    if (!read.ok) return { key: 'validation.number' };
    const outcome = await call('products.update', { id: product.id, changes: { defaultStock: read.value } });
    if (!outcome.ok) return outcome.error;
    const stock = outcome.value.defaultStock ?? t('catalogue.stockNone');
    changed({ key: 'catalogue.stockSaved', params: { name: product.name, stock } });
    return null;
  }

  const products = list.products;
  useHeadingFocusAfterChange(products, version);

  return (
    <>
      <div className="page-head">
        <PageHeading>{t('catalogue.title')}</PageHeading>
        <div className="catalogue-actions">
          {!readOnly && (
            <>
              <button type="button" className="button button-primary" onClick={() => setEditing({})} disabled={!hasActiveProducer}>
                {t('catalogue.new')}
              </button>
              <button type="button" className="button" onClick={() => setCategoriesOpen(true)}>
                {t('catalogue.categories.open')}
              </button>
              <CsvImport onNotice={setNotice} onError={setActionError} onImported={changed} />
            </>
          )}
          <CsvExport onNotice={setNotice} onError={setActionError} />
        </div>
      </div>
      <StatusMessage notice={notice} />
      <PageError error={actionError ?? list.error} />
      {producers !== null && producers.length === 0 ? (
        <div className="empty-state catalogue-no-producers">
          <p>{t('catalogue.noProducers')}</p>
          <a className="button" href={areaHref('producers')}>
            {t('catalogue.goToProducers')}
          </a>
        </div>
      ) : (
        <>
          {producers !== null && !hasActiveProducer && <p className="catalogue-note">{t('catalogue.noActiveProducer')}</p>}
          <CatalogueToolbar
            filter={filter}
            onFilter={(change) => setFilter((current) => ({ ...current, ...change }))}
            producers={producers ?? []}
            categories={categories}
          />
          <p className="list-count" aria-live="polite">
            {products && t('catalogue.count', { count: products.length })}
          </p>
          {products === null ? (
            <p className="muted">{t('app.loading')}</p>
          ) : products.length === 0 ? (
            <p className="empty-state">{emptyText(filter, t)}</p>
          ) : (
            <ProductTable
              products={products}
              producerName={(producerId) => producerNames.get(producerId) ?? ''}
              busyId={archiving.busyId}
              onEdit={(product) => setEditing({ product })}
              onArchive={archiving.ask}
              onRestore={archiving.restore}
              onSavePrice={savePrice}
              onSaveStock={saveStock}
              readOnly={readOnly}
            />
          )}
        </>
      )}
      {editing && (
        <ProductDialog
          product={editing.product}
          producers={producers ?? []}
          producerId={filter.producerId}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            changed(saved);
          }}
        />
      )}
      <ArchiveConfirm flow={archiving} title="catalogue.archiveTitle" body="catalogue.archiveConfirm" />
      {categoriesOpen && (
        <CategoriesDialog
          products={data.products}
          onChanged={(next) => {
            // A renamed or removed category may be the one the list is filtered on.
            setFilter((current) => ({ ...current, category: '' }));
            changed(next);
          }}
          onClose={() => setCategoriesOpen(false)}
        />
      )}
    </>
  );
}

/** An empty list says why it is empty, and what to do when there is nothing yet. */
function emptyText(filter: CatalogueFilter, t: ReturnType<typeof useI18n>['t']): string {
  if (filter.query.trim() !== '') return t('catalogue.noMatch', { query: filter.query.trim() });
  if (filter.producerId !== '' || filter.category !== '') return t('catalogue.noMatchFilters');
  if (filter.archived === 'archived') return t('catalogue.noArchived');
  return t('catalogue.empty');
}

import type { ReactNode } from 'react';
import type { OrderFilter, ProducerRef } from '../../../shared/orders/sales';
import { SearchField } from '../forms/ListFilters';
import { useI18n } from '../i18n/i18n-context';

interface OrdersFiltersProps {
  filter: OrderFilter;
  onFilter: (filter: OrderFilter) => void;
  producers: ProducerRef[];
  /** The products to choose from (only the chosen producer's when one is chosen). */
  products: { id: string; name: string }[];
  /** Shown at the end of the filters' row (how many orders, the sales): on the row's line, not one of its own. */
  children?: ReactNode;
}

/** Narrow the orders to a member (typed), or to those holding a producer's or a product's lines. */
export function OrdersFilters({ filter, onFilter, producers, products, children }: OrdersFiltersProps) {
  const { t } = useI18n();
  return (
    <div className="toolbar orders-filters">
      <SearchField
        id="orders-filter-member"
        label={t('orders.filter.member')}
        placeholder={t('orders.filter.memberPlaceholder')}
        value={filter.member}
        onChange={(member) => onFilter({ ...filter, member })}
      />
      <div className="field">
        <label htmlFor="orders-filter-producer">{t('orders.filter.producer')}</label>
        <select
          id="orders-filter-producer"
          value={filter.producerId ?? ''}
          // A product of another producer would match nothing: choosing a producer clears it.
          onChange={(event) => onFilter({ ...filter, producerId: event.target.value || null, productId: null })}
        >
          <option value="">{t('orders.filter.allProducers')}</option>
          {producers.map((producer) => (
            <option key={producer.id} value={producer.id}>
              {producer.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="orders-filter-product">{t('orders.filter.product')}</label>
        <select
          id="orders-filter-product"
          value={filter.productId ?? ''}
          onChange={(event) => onFilter({ ...filter, productId: event.target.value || null })}
        >
          <option value="">{t('orders.filter.allProducts')}</option>
          {products.map((product) => (
            <option key={product.id} value={product.id}>
              {product.name}
            </option>
          ))}
        </select>
      </div>
      {children}
    </div>
  );
}

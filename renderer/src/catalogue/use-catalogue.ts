/**
 * What the catalogue screen reads: the products matching the filters, asked
 * of the main process on every change (a slower answer to an older filter
 * must not overwrite a newer one, hence `live`), and every producer and
 * product, for names, filter choices and category usage.
 */
import { useEffect, useState } from 'react';
import type { ProductQuery } from '../../../shared/catalogue/rules';
import type { AppError } from '../../../shared/contract/errors';
import type { Producer } from '../../../shared/model/producer';
import type { Product } from '../../../shared/model/product';
import { call } from '../client';

export interface ProductList {
  /** null until the first answer; afterwards the last good list stays while the next one loads. */
  products: Product[] | null;
  error: AppError | null;
}

export function useProductList(filter: ProductQuery, version: number): ProductList {
  const [list, setList] = useState<ProductList>({ products: null, error: null });
  const { producerId, category, archived, query } = filter;

  useEffect(() => {
    let live = true;
    void call('products.list', { producerId, category, archived, query }).then((outcome) => {
      if (!live) return;
      setList((current) =>
        // A refusal before any list (a producer's copy whose producer has not arrived yet) shows the message over an empty list, not "loading" for ever.
        outcome.ok ? { products: outcome.value, error: null } : { products: current.products ?? [], error: outcome.error },
      );
    });
    return () => {
      live = false;
    };
  }, [producerId, category, archived, query, version]);

  return list;
}

export interface CatalogueData {
  /** null until loaded; archived producers included (their products still show). */
  producers: Producer[] | null;
  /** Every product, archived ones included: a category in use by any of them cannot be removed. */
  products: Product[];
}

export function useCatalogueData(version: number): CatalogueData {
  const [data, setData] = useState<CatalogueData>({ producers: null, products: [] });
  useEffect(() => {
    let live = true;
    void Promise.all([call('producers.list', { archived: 'all' }), call('products.list', { archived: 'all' })]).then(
      ([producers, products]) => {
        if (!live) return;
        setData((current) => ({
          producers: producers.ok ? producers.value : (current.producers ?? []),
          products: products.ok ? products.value : current.products,
        }));
      },
    );
    return () => {
      live = false;
    };
  }, [version]);
  return data;
}

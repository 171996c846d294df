import type { ArchivedFilter } from '../model/producer';
import type { Product } from '../model/product';
import { compareText, fold, matchesQuery } from '../text/normalise';

export interface ProductQuery {
  producerId?: string;
  category?: string;
  archived: ArchivedFilter;
  query?: string;
}

export function filterProducts(products: Iterable<Product>, { producerId, category, archived, query = '' }: ProductQuery): Product[] {
  const wantedCategory = category === undefined ? undefined : fold(category);
  const result: Product[] = [];
  for (const product of products) {
    if (producerId !== undefined && product.producerId !== producerId) continue;
    if (wantedCategory !== undefined && fold(product.category) !== wantedCategory) continue;
    if (archived === 'active' && product.archivedAt !== null) continue;
    if (archived === 'archived' && product.archivedAt === null) continue;
    if (!matchesQuery(query, [product.name, product.category, product.packDescription])) continue;
    result.push(product);
  }
  return result.sort((a, b) => compareText(a.name, b.name));
}

/** The same product of the same producer, whatever the accents or case: what a re-import updates. */
export function findSameProduct(products: Iterable<Product>, producerId: string, name: string): Product | undefined {
  const wanted = fold(name);
  for (const product of products) {
    if (product.producerId === producerId && fold(product.name) === wanted) return product;
  }
  return undefined;
}

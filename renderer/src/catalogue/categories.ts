/** Category names compare like the catalogue filter does: "Légumes" and "legumes" are one category. */
import type { Product } from '../../../shared/model/product';
import { compareText, fold } from '../../../shared/text/normalise';

export function sameCategory(a: string, b: string): boolean {
  return fold(a) === fold(b);
}

export function productsInCategory(products: readonly Product[], category: string): number {
  return products.filter((product) => sameCategory(product.category, category)).length;
}

/**
 * The relay's categories, then any other category products carry (an import
 * may bring new ones): every product stays reachable from the filter.
 */
export function categoryChoices(relayCategories: readonly string[], products: readonly Product[]): string[] {
  const extra: string[] = [];
  for (const product of products) {
    const known = [...relayCategories, ...extra].some((category) => sameCategory(category, product.category));
    if (!known) extra.push(product.category);
  }
  return [...relayCategories, ...extra.sort(compareText)];
}

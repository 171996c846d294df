/**
 * The rows of the printed weekly catalogue, in sections: by producer (the
 * members' habit: "what does the Ferme du Bois bring?") or by category, in the
 * order of the relay's category list (the organiser's order, like a shop's aisles).
 */
import type { OfferRow } from '../../../shared/catalogue/views';
import { compareText } from '../../../shared/text/normalise';

export type GroupBy = 'producer' | 'category';
export const GROUPINGS: readonly GroupBy[] = ['producer', 'category'];

export interface CatalogueSection {
  key: string;
  title: string;
  rows: OfferRow[];
}

export function isGroupBy(value: string | undefined): value is GroupBy {
  return GROUPINGS.includes(value as GroupBy);
}

function byName(a: OfferRow, b: OfferRow): number {
  return compareText(a.product.name, b.product.name) || compareText(a.producer.name, b.producer.name);
}

export function catalogueSections(rows: readonly OfferRow[], groupBy: GroupBy, categories: readonly string[] = []): CatalogueSection[] {
  const sections = new Map<string, CatalogueSection>();
  for (const row of rows) {
    const key = groupBy === 'producer' ? row.producer.id : row.product.category;
    const title = groupBy === 'producer' ? row.producer.name : row.product.category;
    const section = sections.get(key) ?? { key, title, rows: [] };
    section.rows.push(row);
    sections.set(key, section);
  }
  // A category the relay no longer lists (renamed, imported) goes after the listed ones, by name.
  const rank = (title: string) => {
    const index = categories.findIndex((category) => compareText(category, title) === 0);
    return index === -1 ? categories.length : index;
  };
  const ordered = [...sections.values()].sort((a, b) =>
    groupBy === 'category' ? rank(a.title) - rank(b.title) || compareText(a.title, b.title) : compareText(a.title, b.title),
  );
  for (const section of ordered) section.rows.sort(byName);
  return ordered;
}

/**
 * The product search of the order editor: "car" finds Carottes (accents and
 * case folded), and also every product of "Ferme des Carrières". Products
 * whose own name starts with what was typed come first, so the organiser's
 * usual Enter picks what they meant.
 */
import type { OfferRow } from '../../../shared/catalogue/views';
import { fold, matchesQuery } from '../../../shared/text/normalise';

/** How many products the list shows: enough to see alternatives, few enough to read with arrows. */
export const MAX_MATCHES = 12;

function rank(row: OfferRow, first: string): number {
  const name = fold(row.product.name);
  if (name.startsWith(first)) return 0;
  if (name.split(' ').some((word) => word.startsWith(first))) return 1;
  return 2;
}

export function searchOffers(rows: readonly OfferRow[], query: string, limit = MAX_MATCHES): OfferRow[] {
  const first = fold(query).split(' ')[0] ?? '';
  if (first === '') return [];
  return rows
    .filter((row) => matchesQuery(query, [row.product.name, row.producer.name]))
    .map((row, index) => ({ row, index, rank: rank(row, first) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, limit)
    .map(({ row }) => row);
}

/**
 * Which lines of a wanted basket (a standing order, or last week's order) can
 * be placed in a distribution now, and why the others cannot. Pure: the
 * service reads the offers and what is ordered, and writes the result in the
 * same transaction, so the stock rule is the one of `orders.addLine`
 * (shared/offers/stock.ts): never oversold.
 */
import type { Offer } from '../model/distribution';
import type { StandingLine, UnplacedLine } from '../model/standing-order';
import { remaining } from '../offers/stock';

export interface PlacementPlan {
  /** Units to add, per product, all within the remaining stock. */
  place: StandingLine[];
  unplaced: UnplacedLine[];
}

export interface PlacementFacts {
  /** The distribution's offers still on sale (withdrawn ones left out). */
  offers: readonly Pick<Offer, 'productId' | 'quantity'>[];
  /** Units already ordered per product in the distribution. */
  ordered: ReadonlyMap<string, number>;
  /** Product names for the unplaced list; a product unknown here is named by its id. */
  productName: (productId: string) => string | null;
}

export function planPlacement(wanted: readonly StandingLine[], facts: PlacementFacts): PlacementPlan {
  const taken = new Map(facts.ordered);
  const place: StandingLine[] = [];
  const unplaced: UnplacedLine[] = [];
  for (const line of mergeLines(wanted)) {
    const productName = facts.productName(line.productId) ?? line.productId;
    const offer = facts.offers.find((candidate) => candidate.productId === line.productId);
    if (!offer) {
      unplaced.push({ productId: line.productId, productName, wanted: line.quantity, placed: 0, reason: 'notOffered' });
      continue;
    }
    const left = remaining(offer, taken.get(line.productId) ?? 0);
    const quantity = left === null ? line.quantity : Math.max(0, Math.min(line.quantity, left));
    if (quantity > 0) {
      place.push({ productId: line.productId, quantity });
      taken.set(line.productId, (taken.get(line.productId) ?? 0) + quantity);
    }
    if (quantity < line.quantity) {
      unplaced.push({ productId: line.productId, productName, wanted: line.quantity, placed: quantity, reason: quantity === 0 ? 'outOfStock' : 'partial' });
    }
  }
  return { place, unplaced };
}

/** The same product twice in a basket is one wish of the summed quantity (an order has one line per product). */
function mergeLines(lines: readonly StandingLine[]): StandingLine[] {
  const byProduct = new Map<string, number>();
  for (const line of lines) byProduct.set(line.productId, (byProduct.get(line.productId) ?? 0) + line.quantity);
  return [...byProduct].map(([productId, quantity]) => ({ productId, quantity }));
}

/** Every wanted line refused for one reason (the member cancelled this week's order). */
export function allUnplaced(wanted: readonly StandingLine[], reason: UnplacedLine['reason'], productName: PlacementFacts['productName']): UnplacedLine[] {
  return mergeLines(wanted).map((line) => ({ productId: line.productId, productName: productName(line.productId) ?? line.productId, wanted: line.quantity, placed: 0, reason }));
}

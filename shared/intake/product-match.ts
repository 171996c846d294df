/**
 * Which product on sale a spreadsheet names. Members write a product's name
 * as the form shows it; when two producers sell a product of the same name,
 * the form says "Produit (Producteur)". Accents, case and apostrophes do not
 * count (fold). A name that fits several products is refused, never guessed.
 */
import { fold } from '../text/normalise';

/** A product on sale in the distribution, as the intake sees it. */
export interface IntakeOffer {
  productId: string;
  productName: string;
  producerName: string;
  unit: string;
  /** Per piece, or per kg when sold by weight. */
  priceCents: number;
  /** Sold by weight: the estimated grams of a piece, frozen on the line as orders.addLine does; null when sold by the unit. */
  pieceGrams?: number | null;
  /** The offer's stock; null = unlimited. */
  quantity: number | null;
}

export type ProductMatch =
  | { kind: 'offer'; offer: IntakeOffer }
  /** Several products on sale carry that name: the column or row must name the producer. */
  | { kind: 'ambiguous'; name: string; producers: string[] }
  /** A catalogue product that is not on sale in this distribution. */
  | { kind: 'notOnSale'; name: string }
  | { kind: 'none' };

export interface OfferIndex {
  byName: Map<string, IntakeOffer[]>;
  /** For the mapping step, where the organiser names the product a column feeds. */
  byId: Map<string, IntakeOffer>;
  /** Names of every catalogue product, on sale or not, folded. */
  catalogue: Set<string>;
}

export function offerIndex(offers: readonly IntakeOffer[], catalogueNames: readonly string[]): OfferIndex {
  const byName = new Map<string, IntakeOffer[]>();
  for (const offer of offers) {
    const key = fold(offer.productName);
    byName.set(key, [...(byName.get(key) ?? []), offer]);
  }
  return { byName, byId: new Map(offers.map((offer) => [offer.productId, offer])), catalogue: new Set(catalogueNames.map(fold)) };
}

/** A product by its name and, when given, its producer's name. */
export function matchProduct(index: OfferIndex, name: string, producer = ''): ProductMatch {
  const candidates = index.byName.get(fold(name)) ?? [];
  const wanted = fold(producer);
  const fitting = wanted === '' ? candidates : candidates.filter((offer) => fold(offer.producerName) === wanted);
  if (fitting.length === 1) return { kind: 'offer', offer: fitting[0]! };
  if (fitting.length > 1) return { kind: 'ambiguous', name, producers: fitting.map((offer) => offer.producerName) };
  if (candidates.length > 0) return { kind: 'ambiguous', name, producers: candidates.map((offer) => offer.producerName) };
  return index.catalogue.has(fold(name)) ? { kind: 'notOnSale', name } : { kind: 'none' };
}

// Google Forms exports a grid question as "Question [Row]": the row is the product.
const GRID_ROW = /\[([^\]]+)\]\s*$/;
const WITH_PRODUCER = /^(.*\S)\s*\(([^()]+)\)\s*$/;

/**
 * A column title of an online form's export: "Carottes", "Carottes (Ferme du Val)",
 * or "Votre commande [Carottes (Ferme du Val)]". A title in brackets that is no
 * producer ("Carottes (kg)") is the product's name with its unit.
 */
export function matchProductHeader(index: OfferIndex, title: string): ProductMatch {
  const text = (GRID_ROW.exec(title)?.[1] ?? title).trim();
  const whole = matchProduct(index, text);
  if (whole.kind === 'offer') return whole;
  const parts = WITH_PRODUCER.exec(text);
  if (parts) {
    const named = matchProduct(index, parts[1]!, parts[2]!);
    if (named.kind === 'offer') return named;
    const byNameOnly = matchProduct(index, parts[1]!);
    if (byNameOnly.kind !== 'none') return byNameOnly;
  }
  return whole;
}

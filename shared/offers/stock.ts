/**
 * Stock rules of an offer. Remaining = available − ordered, always computed,
 * never stored. An offer's quantity may never go below what is already
 * ordered: the refusal says how much is ordered.
 */
import { UserError } from '../contract/errors';
import type { Offer } from '../model/distribution';
import type { Product } from '../model/product';

/** null = unlimited. */
export function remaining(offer: Pick<Offer, 'quantity'>, ordered: number): number | null {
  return offer.quantity === null ? null : offer.quantity - ordered;
}

export function checkOfferQuantity(quantity: number | null, ordered: number, productName: string): void {
  if (quantity !== null && quantity < ordered) {
    throw new UserError('error.stockBelowOrdered', { product: productName, ordered, quantity });
  }
}

/** True when `wanted` more units can still be sold. */
export function canSell(offer: Pick<Offer, 'quantity'>, ordered: number, wanted: number): boolean {
  const left = remaining(offer, ordered);
  return left === null || wanted <= left;
}

export function offerPrice(offer: Pick<Offer, 'priceCents'>, product: Pick<Product, 'priceCents'>): number {
  return offer.priceCents ?? product.priceCents;
}

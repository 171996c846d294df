import { z } from 'zod';
import { id, instant, requiredText, text } from './fields';
import type { Country } from './relay';

/** Sale units; quantities ordered are whole sale units ("2 × barquette", "3 × kg"). */
export const SALE_UNITS = ['kg', 'piece', 'botte', 'litre', 'barquette', 'sachet', 'douzaine', 'pot', 'bouteille', 'colis'] as const;
export const saleUnit = z.enum(SALE_UNITS);
export type SaleUnit = z.infer<typeof saleUnit>;

export const DEFAULT_CATEGORIES = [
  'légumes',
  'fruits',
  'produits laitiers',
  'viande',
  'poisson',
  'boulangerie',
  'épicerie',
  'boissons',
  'autre',
] as const;

/** VAT rates in basis points, per country (Belgium 6/12/21 %, France 5,5/10/20 %), plus 0 for exempt producers. */
export const VAT_RATES: Record<Country, readonly number[]> = {
  BE: [0, 600, 1200, 2100],
  FR: [0, 550, 1000, 2000],
};

/** Prices are integer cents including VAT; 100 000 € caps a typo, not a real price. */
export const priceCents = z
  .number({ message: 'validation.number' })
  .int({ message: 'validation.integer' })
  .min(0, { message: 'validation.notNegative' })
  .max(10_000_000, { message: 'validation.tooBig' });

/** Whole sale units of stock. */
export const stockQuantity = z
  .number({ message: 'validation.number' })
  .int({ message: 'validation.wholeUnits' })
  .min(0, { message: 'validation.notNegative' })
  .max(100_000, { message: 'validation.tooBig' });

/**
 * How a product is priced (issue 15): per sale unit, or per kilogram — members
 * still order pieces, each estimated at `pieceGrams`, and the line is charged
 * on the weight found when it is weighed (shared/orders/totals.ts).
 */
export const PRICINGS = ['unit', 'weight'] as const;
export const pricing = z.enum(PRICINGS);
export type Pricing = z.infer<typeof pricing>;

/** Whole grams; 100 kg caps a typo, not a real piece or bag. */
export const grams = z
  .number({ message: 'validation.number' })
  .int({ message: 'validation.wholeGrams' })
  .min(1, { message: 'validation.min' })
  .max(100_000, { message: 'validation.tooBig' });

const productFields = z.strictObject({
  producerId: id,
  name: requiredText(120),
  category: requiredText(60),
  unit: saleUnit,
  /** Free text describing the pack: "sachet de 500 g", "botte d'environ 1 kg". */
  packDescription: text(120),
  /** Per sale unit, or per kg when `pricing` is 'weight'. */
  priceCents,
  pricing,
  /** The estimated weight of one piece, for a product sold by weight; null otherwise. */
  pieceGrams: grams.nullable(),
  vatRateBp: z.number().int({ message: 'validation.integer' }).min(0).max(10_000),
  /** Stock offered by default each week; null = no default, the producer types it. */
  defaultStock: stockQuantity.nullable(),
});
export type ProductFields = z.infer<typeof productFields>;

export const productDraftSchema = productFields
  .partial()
  .required({ producerId: true, name: true, category: true, unit: true, priceCents: true, vatRateBp: true })
  .transform((draft): ProductFields => ({ packDescription: '', defaultStock: null, pricing: 'unit', pieceGrams: null, ...draft }));
export type ProductDraftInput = z.input<typeof productDraftSchema>;

export const productPatchSchema = z.strictObject({ id, changes: productFields.omit({ producerId: true }).partial() });

export const productSchema = productFields.extend({
  id,
  archivedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type Product = z.infer<typeof productSchema>;

/** What a product written before weight pricing (issue 15) takes when it loads or arrives by sync. */
export const PRODUCT_DEFAULTS = { pricing: 'unit', pieceGrams: null } as const;

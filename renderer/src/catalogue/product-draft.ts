/**
 * The product form works on text, as typed; this module turns it into the
 * contract's fields and back. Only what cannot be sent at all is refused here
 * (an unreadable price or stock, no producer chosen) — everything else is the
 * server's to judge, and its issues come back next to the fields.
 */
import type { FieldIssue } from '../../../shared/contract/errors';
import { parseCentsCell } from '../../../shared/csv/parse';
import { parseDecimal } from '../../../shared/i18n/format';
import { parseWeight } from '../../../shared/orders/weight-input';
import type { Language } from '../../../shared/model/fields';
import { SALE_UNITS, VAT_RATES, type Product, type ProductFields, type SaleUnit } from '../../../shared/model/product';
import type { RelaySettings } from '../../../shared/model/relay';

export const PRODUCT_FIELDS = [
  'producerId',
  'name',
  'category',
  'unit',
  'packDescription',
  'priceCents',
  'pricing',
  'pieceGrams',
  'vatRateBp',
  'defaultStock',
] as const satisfies readonly (keyof ProductFields)[];

export type ProductFieldName = (typeof PRODUCT_FIELDS)[number];
export type ProductText = Record<ProductFieldName, string>;

/** Cents as the organiser types them: "2,50" in French, "2.50" in English, no grouping. */
export function priceText(language: Language, cents: number): string {
  const whole = Math.floor(cents / 100);
  const fraction = String(cents % 100).padStart(2, '0');
  return `${whole}${language === 'fr' ? ',' : '.'}${fraction}`;
}

export function stockText(stock: number | null): string {
  return stock === null ? '' : String(stock);
}

/** "2,50", "2.5", "2,50 €" → cents; null when it cannot be read as an amount. */
export function readPrice(text: string): number | null {
  return parseCentsCell(text);
}

/**
 * Empty means "no default stock". A number that is not whole ("2,5") goes to the
 * server, which says why it is refused; only what is not a number stops here.
 */
export function readStock(text: string): { ok: true; value: number | null } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: null };
  const value = parseDecimal(text);
  return value === null ? { ok: false } : { ok: true, value };
}

/** The VAT rate a new product starts with: the country's reduced food rate (6 % in Belgium, 5,5 % in France). */
export function defaultVatRate(relay: Pick<RelaySettings, 'country'>): number {
  const rates = VAT_RATES[relay.country];
  return rates[1] ?? rates[0] ?? 0;
}

export function productText(
  language: Language,
  relay: Pick<RelaySettings, 'country' | 'categories'>,
  product?: Product,
  producerId = '',
): ProductText {
  return {
    producerId: product?.producerId ?? producerId,
    name: product?.name ?? '',
    category: product?.category ?? relay.categories[0] ?? '',
    unit: product?.unit ?? 'kg',
    packDescription: product?.packDescription ?? '',
    priceCents: product ? priceText(language, product.priceCents) : '',
    pricing: product?.pricing ?? 'unit',
    pieceGrams: product?.pieceGrams == null ? '' : String(product.pieceGrams),
    vatRateBp: String(product?.vatRateBp ?? defaultVatRate(relay)),
    defaultStock: stockText(product?.defaultStock ?? null),
  };
}

export type ReadProduct = { ok: true; fields: ProductFields } | { ok: false; issues: FieldIssue[] };

export function readProductText(text: ProductText): ReadProduct {
  const issues: FieldIssue[] = [];
  if (text.producerId === '') issues.push({ path: 'producerId', key: 'validation.required' });
  const priceCents = readPrice(text.priceCents);
  if (priceCents === null) {
    issues.push({ path: 'priceCents', key: text.priceCents.trim() === '' ? 'validation.required' : 'catalogue.priceUnreadable' });
  }
  const stock = readStock(text.defaultStock);
  if (!stock.ok) issues.push({ path: 'defaultStock', key: 'validation.number' });
  // Sold by weight, the piece estimate is read like a weighing ("400", "400 g", "0,4 kg"); sold by the unit, it is dropped.
  const byWeight = text.pricing === 'weight';
  const piece = byWeight ? parseWeight(text.pieceGrams) : null;
  if (piece && !piece.ok) issues.push({ path: 'pieceGrams', key: piece.key === 'weight.empty' ? 'validation.pieceGramsRequired' : piece.key });
  if (issues.length > 0 || priceCents === null || !stock.ok) return { ok: false, issues };
  return {
    ok: true,
    fields: {
      producerId: text.producerId,
      name: text.name,
      category: text.category,
      unit: isSaleUnit(text.unit) ? text.unit : 'kg',
      packDescription: text.packDescription,
      priceCents,
      pricing: byWeight ? 'weight' : 'unit',
      pieceGrams: piece?.ok ? piece.grams : null,
      vatRateBp: Number(text.vatRateBp),
      defaultStock: stock.value,
    },
  };
}

function isSaleUnit(value: string): value is SaleUnit {
  return (SALE_UNITS as readonly string[]).includes(value);
}

/** An edit sends only what changed; the producer of a product never changes. */
export function changedProductFields(original: Product, fields: ProductFields): Partial<Omit<ProductFields, 'producerId'>> {
  const changes: Partial<Record<ProductFieldName, unknown>> = {};
  for (const name of PRODUCT_FIELDS) {
    if (name !== 'producerId' && fields[name] !== original[name]) changes[name] = fields[name];
  }
  return changes as Partial<Omit<ProductFields, 'producerId'>>;
}

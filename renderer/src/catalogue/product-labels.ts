/** How catalogue values read on screen: unit names, VAT rates, import columns, each through the dictionaries. */
import type { ImportColumn } from '../../../shared/catalogue/import-plan';
import type { MessageParams } from '../../../shared/contract/errors';
import { formatPercent } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { Language } from '../../../shared/model/fields';
import type { SaleUnit } from '../../../shared/model/product';

type Translate = (key: MessageKey, params?: MessageParams) => string;

export const UNIT_LABELS: Record<SaleUnit, MessageKey> = {
  kg: 'catalogue.unit.kg',
  piece: 'catalogue.unit.piece',
  botte: 'catalogue.unit.botte',
  litre: 'catalogue.unit.litre',
  barquette: 'catalogue.unit.barquette',
  sachet: 'catalogue.unit.sachet',
  douzaine: 'catalogue.unit.douzaine',
  pot: 'catalogue.unit.pot',
  bouteille: 'catalogue.unit.bouteille',
  colis: 'catalogue.unit.colis',
};

export const IMPORT_COLUMN_LABELS: Record<ImportColumn, MessageKey> = {
  producer: 'catalogue.import.col.producer',
  businessName: 'catalogue.import.col.businessName',
  contactName: 'catalogue.import.col.contactName',
  email: 'catalogue.import.col.email',
  phone: 'catalogue.import.col.phone',
  address: 'catalogue.import.col.address',
  distanceKm: 'catalogue.import.col.distanceKm',
  product: 'catalogue.import.col.product',
  category: 'catalogue.import.col.category',
  unit: 'catalogue.import.col.unit',
  packDescription: 'catalogue.import.col.packDescription',
  price: 'catalogue.import.col.price',
  vat: 'catalogue.import.col.vat',
  defaultStock: 'catalogue.import.col.defaultStock',
  pricePerKg: 'catalogue.import.col.pricePerKg',
  pieceGrams: 'catalogue.import.col.pieceGrams',
};

/** 600 → "6 %" (fr) / "6%" (en). */
export function vatLabel(t: Translate, language: Language, basisPoints: number): string {
  return t('catalogue.percent', { value: formatPercent(language, basisPoints) });
}

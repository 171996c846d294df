/**
 * Importing producers and products from a spreadsheet. The plan is computed
 * from the read file and the current catalogue, shown row by row in the
 * preview, and computed again inside the write so that what is written is
 * exactly what the plan says. Rows are matched by name (accents and case
 * ignored), so importing the same file twice updates instead of duplicating.
 */
import {
  columnIssues,
  differs,
  rowContext,
  type RowContext,
  type ColumnAliases,
  type ColumnChoices,
  type ImportAction,
  type ImportIssue as CsvImportIssue,
} from '../csv/columns';
import { startPlan, type ImportPlan as SheetImportPlan } from '../csv/import-plan';
import { readCents, readDecimal } from '../csv/numbers';
import { parseWeight } from '../orders/weight-input';
import type { SheetTable } from '../csv/table';
import { centsCell } from '../csv/write';
import { producerDraftSchema, type Producer, type ProducerFields } from '../model/producer';
import { productPatchSchema, SALE_UNITS, VAT_RATES, type Product, type ProductFields, type SaleUnit } from '../model/product';
import type { Country } from '../model/relay';
import { PRODUCER_DETAIL_COLUMNS, PRODUCER_FIELD_COLUMNS, readProducerDetails } from '../producers/import-fields';
import { fold } from '../text/normalise';
import { findSameProduct } from './rules';

/** The titles each column answers to, compared without accents, case, punctuation or a unit in brackets. */
export const IMPORT_COLUMNS = {
  producer: ['producteur', 'producer', 'nom du producteur', 'nom producteur'],
  ...PRODUCER_DETAIL_COLUMNS,
  product: ['produit', 'product', 'nom du produit', 'article', 'designation', 'libelle'],
  category: ['categorie', 'category', 'rayon', 'famille'],
  unit: ['unite', 'unit', 'unite de vente', 'vendu au', 'vendu par', 'sale unit'],
  packDescription: ['conditionnement', 'pack', 'description', 'format', 'contenance', 'packaging', 'colisage'],
  price: [
    'prix', 'prix ttc', 'price', 'prix eur', 'prix de vente', 'prix de vente ttc', 'prix unitaire', 'prix unitaire ttc', 'pu ttc', 'tarif',
    'price incl vat', 'unit price',
  ],
  vat: ['tva', 'vat', 'taux tva', 'taux de tva', 'vat rate', 'tax'],
  /** Sold by weight (issue 15): filled, the product is priced per kg and members order pieces of `pieceGrams`. */
  pricePerKg: [
    'prix au kg', 'prix au kilo', 'prix kg', 'prix par kg', 'prix du kg', 'prix du kilo', 'prix ttc au kg',
    'price per kg', 'price per kilo', 'price kg', 'price per kilogram',
  ],
  pieceGrams: [
    'poids par piece', 'poids estime', 'poids estime par piece', 'poids d une piece', 'poids piece', 'poids unitaire', 'poids moyen',
    'grammes par piece', 'estimated weight', 'estimated weight per piece', 'weight per piece', 'piece weight', 'average weight',
  ],
  defaultStock: [
    'stock', 'stock par defaut', 'default stock', 'stock hebdomadaire', 'stock hebdo', 'stock semaine', 'stock par semaine', 'quantite hebdo',
    'quantite par semaine', 'weekly stock', 'default weekly stock',
  ],
} as const satisfies ColumnAliases<string>;
export type ImportColumn = keyof typeof IMPORT_COLUMNS;

const UNIT_ALIASES: Record<string, SaleUnit> = {
  kg: 'kg', kilo: 'kg', kilogramme: 'kg',
  piece: 'piece', pieces: 'piece', pc: 'piece', pce: 'piece', unite: 'piece', 'la piece': 'piece',
  botte: 'botte', bottes: 'botte',
  l: 'litre', litre: 'litre', litres: 'litre', liter: 'litre',
  barquette: 'barquette', barquettes: 'barquette',
  sachet: 'sachet', sachets: 'sachet',
  douzaine: 'douzaine', dz: 'douzaine',
  pot: 'pot', pots: 'pot',
  bouteille: 'bouteille', bouteilles: 'bouteille', btl: 'bouteille',
  colis: 'colis',
};
for (const unit of SALE_UNITS) UNIT_ALIASES[unit] = unit;

export type ImportIssue = CsvImportIssue<ImportColumn>;
export type { ImportAction };

export interface ImportRowPlan {
  line: number;
  producerName: string;
  producerAction: ImportAction | null;
  productName: string;
  productAction: ImportAction | null;
  issues: ImportIssue[];
  /** Values imported as read but worth a look ("2,5 €" read as 2,50 €). */
  warnings: ImportIssue[];
}

/**
 * A product as a row gives it: the required columns always, the optional ones
 * (category, pack, default stock) only when the file has them, so that a file
 * without them never blanks an existing product.
 */
export type ImportedProductFields = Pick<ProductFields, 'name' | 'unit' | 'priceCents' | 'vatRateBp'> &
  Partial<Omit<ProductFields, 'producerId'>>;

/** What a new product gets for the optional columns a file leaves out. */
export const IMPORTED_PRODUCT_DEFAULTS: Pick<ProductFields, 'category' | 'packDescription' | 'defaultStock' | 'pricing' | 'pieceGrams'> = {
  category: 'autre',
  packDescription: '',
  defaultStock: null,
  pricing: 'unit',
  pieceGrams: null,
};

/** What the write does, in order; `producerKey` ties a product to a producer created in the same import. */
export interface ImportWrites {
  producers: { key: string; existingId: string | null; fields: Partial<ProducerFields> & { name: string } }[];
  products: { producerKey: string; existingId: string | null; fields: ImportedProductFields }[];
}

export type ImportPlan = SheetImportPlan<
  ImportColumn,
  ImportRowPlan,
  { producersCreated: number; producersUpdated: number; productsCreated: number; productsUpdated: number; rowsWithIssues: number },
  ImportWrites
>;

export function planCatalogueImport(
  table: Pick<SheetTable, 'header' | 'rows' | 'errors'>,
  existing: { producers: readonly Producer[]; products: readonly Product[] },
  country: Country,
  chosen: ColumnChoices = [],
): ImportPlan {
  const plan: ImportPlan = startPlan(table, {
    aliases: IMPORT_COLUMNS,
    chosen,
    // A file of products needs their unit, price and VAT: said once for the file, not on every row.
    required: (found) => (found.product === undefined ? ['producer'] : found.pricePerKg === undefined ? ['producer', 'unit', 'price', 'vat'] : ['producer', 'unit', 'vat']),
    unreadable: (line, issues) => ({ line, producerName: '', producerAction: null, productName: '', productAction: null, issues, warnings: [] }),
    counts: { producersCreated: 0, producersUpdated: 0, productsCreated: 0, productsUpdated: 0 },
    writes: { producers: [], products: [] },
  });
  const { columns } = plan;
  if (plan.fileIssues.length > 0) return plan;

  const producersByKey = new Map(existing.producers.map((producer) => [fold(producer.name), producer]));
  const plannedProducers = new Map<string, ImportWrites['producers'][number]>();
  const producerActions = new Map<string, ImportAction>();
  const plannedProducts = new Set<string>();

  for (const row of table.rows) {
    const context = rowContext<ImportColumn>(row, columns, table.header);
    const { cell, issues } = context;
    const producerName = cell('producer') ?? '';
    const productName = cell('product') ?? '';
    if (producerName === '') issues.push({ column: 'producer', key: 'validation.required' });

    // Producer fields: only the columns present in the file are written, so a short file never blanks data.
    const producerFields: Partial<ProducerFields> & { name: string } = { name: producerName, ...readProducerDetails(context) };

    let product: ImportedProductFields | null = null;
    if (productName !== '') {
      const unitText = fold(cell('unit') ?? '');
      const unit = UNIT_ALIASES[unitText];
      if (!unit) issues.push({ column: 'unit', key: 'import.unknownUnit', params: { unit: cell('unit') ?? '' } });
      const weight = readWeightPricing(context);
      // Sold by weight: the price is the one per kg, and a price per piece beside it would say two things.
      const priceColumn = weight?.pricing === 'weight' ? 'pricePerKg' : 'price';
      const priceText = cell(priceColumn) ?? '';
      if (priceColumn === 'pricePerKg' && (cell('price') ?? '') !== '') issues.push({ column: 'price', key: 'import.priceAndPerKg' });
      const price = readCents(priceText, { typed: context.typed(priceColumn) });
      if (price === null) issues.push({ column: priceColumn, key: 'import.badPrice', params: { price: priceText } });
      else if (price.interpreted) context.interpreted(priceColumn, `${centsCell(price.value)} €`);
      const vatText = cell('vat') ?? '';
      const vatPercent = readDecimal(vatText, { quietUnits: ['%'], typed: context.typed('vat') });
      // Rounded to whole basis points: 5,5 % is 550 even where 5.5 × 100 is not exact in binary.
      const vatRateBp = vatPercent === null ? null : Math.round(vatPercent.value * 100);
      if (vatRateBp === null || !VAT_RATES[country].includes(vatRateBp)) {
        issues.push({ column: 'vat', key: 'import.badVat', params: { vat: vatText, rates: VAT_RATES[country].map((bp) => bp / 100).join(' / ') } });
      } else if (vatPercent?.interpreted) context.interpreted('vat', `${String(vatRateBp / 100).replace('.', ',')} %`);
      const stockText = cell('defaultStock') ?? '';
      const stockRead = stockText === '' ? null : readDecimal(stockText, { typed: context.typed('defaultStock') });
      const stock = stockRead?.value ?? null;
      if (stockText !== '' && (stock === null || !Number.isInteger(stock) || stock < 0 || stock > 100_000)) {
        issues.push({ column: 'defaultStock', key: 'validation.wholeUnits' });
      } else if (stockRead?.interpreted) context.interpreted('defaultStock', String(stock));
      if (unit && price !== null && vatRateBp !== null) {
        product = { name: productName, unit, priceCents: price.value, vatRateBp };
        const category = cell('category');
        if (category) product.category = category;
        const packDescription = cell('packDescription');
        if (packDescription !== undefined) product.packDescription = packDescription;
        if (columns.defaultStock !== undefined) product.defaultStock = stock;
        if (weight) Object.assign(product, weight);
      }
    }
    // The limits of the models (lengths, the highest price): a row that passes here is one the store accepts.
    if (issues.length === 0) {
      const producerCheck = producerDraftSchema.safeParse(producerFields);
      if (!producerCheck.success) issues.push(...columnIssues(producerCheck.error, PRODUCER_COLUMNS));
      const productCheck = product ? productPatchSchema.shape.changes.safeParse(product) : undefined;
      if (productCheck && !productCheck.success) issues.push(...columnIssues(productCheck.error, PRODUCT_COLUMNS));
    }

    const key = fold(producerName);
    const existingProducer = producersByKey.get(key);
    const productKey = product ? `${key}\u0000${fold(product.name)}` : null;
    // Checked before anything of the row is planned: a refused row writes none of its cells.
    if (product && issues.length === 0 && plannedProducts.has(productKey!)) {
      issues.push({ column: 'product', key: 'import.duplicateRow', params: { name: product.name } });
    }
    const rowPlan: ImportRowPlan = { line: row.line, producerName, producerAction: null, productName, productAction: null, issues, warnings: context.warnings };
    plan.rows.push(rowPlan);
    if (issues.length > 0) {
      plan.counts.rowsWithIssues++;
      continue;
    }

    const planned = plannedProducers.get(key);
    if (planned) {
      // The first row names the producer; later rows may add the details it left empty.
      const { name: _name, ...details } = producerFields;
      Object.assign(planned.fields, details);
      const nowChanges = existingProducer !== undefined && differs(existingProducer, planned.fields);
      rowPlan.producerAction = producerActions.get(key) === 'unchanged' && nowChanges ? 'update' : 'unchanged';
      if (rowPlan.producerAction === 'update') {
        producerActions.set(key, 'update');
        plan.counts.producersUpdated++;
      }
    } else {
      const write = { key, existingId: existingProducer?.id ?? null, fields: producerFields };
      plannedProducers.set(key, write);
      plan.writes.producers.push(write);
      rowPlan.producerAction = !existingProducer ? 'create' : differs(existingProducer, producerFields) ? 'update' : 'unchanged';
      producerActions.set(key, rowPlan.producerAction);
      if (rowPlan.producerAction === 'create') plan.counts.producersCreated++;
      if (rowPlan.producerAction === 'update') plan.counts.producersUpdated++;
    }

    if (product) {
      plannedProducts.add(productKey!);
      const current = existingProducer ? findSameProduct(existing.products, existingProducer.id, product.name) : undefined;
      plan.writes.products.push({ producerKey: key, existingId: current?.id ?? null, fields: product });
      rowPlan.productAction = !current ? 'create' : differs(current, product) ? 'update' : 'unchanged';
      if (rowPlan.productAction === 'create') plan.counts.productsCreated++;
      if (rowPlan.productAction === 'update') plan.counts.productsUpdated++;
    }
  }
  plan.rows.sort((a, b) => a.line - b.line);
  return plan;
}

/**
 * How a row prices its product, when the file has the sold-by-weight columns:
 * a price per kg makes it 'weight', with the estimated grams of a piece
 * ("450", "450 g", "0,45 kg"); an empty one makes it 'unit'. Without those
 * columns, undefined: the product keeps how it is priced.
 */
function readWeightPricing(context: RowContext<ImportColumn>): Pick<ProductFields, 'pricing' | 'pieceGrams'> | undefined {
  const perKg = context.cell('pricePerKg');
  if (perKg === undefined) return undefined;
  if (perKg === '') return { pricing: 'unit', pieceGrams: null };
  const gramsText = context.cell('pieceGrams') ?? '';
  const weight = parseWeight(gramsText);
  if (!weight.ok) {
    context.issues.push({ column: 'pieceGrams', key: 'import.badPieceGrams', params: { weight: gramsText } });
    return { pricing: 'weight', pieceGrams: null };
  }
  if (String(weight.grams) !== gramsText) context.interpreted('pieceGrams', `${weight.grams} g`);
  return { pricing: 'weight', pieceGrams: weight.grams };
}

const PRODUCER_COLUMNS: Record<string, ImportColumn> = { name: 'producer', ...PRODUCER_FIELD_COLUMNS };
const PRODUCT_COLUMNS: Record<string, ImportColumn> = {
  name: 'product', category: 'category', unit: 'unit', packDescription: 'packDescription', priceCents: 'price', vatRateBp: 'vat', defaultStock: 'defaultStock',
  pieceGrams: 'pieceGrams',
};

/**
 * Importing producers and products from a spreadsheet. The plan is computed
 * from the parsed file and the current catalogue, shown row by row in the
 * preview, and computed again inside the write so that what is written is
 * exactly what the plan says. Rows are matched by name (accents and case
 * ignored), so importing the same file twice updates instead of duplicating.
 */
import { cellReader, columnIssues, differs, mapColumns, unreadableRows, type ImportAction, type ImportIssue as CsvImportIssue } from '../csv/columns';
import type { CsvTable } from '../csv/parse';
import { parseCentsCell, parseDecimalCell } from '../csv/parse';
import { optionalEmail, optionalPhone } from '../model/fields';
import { producerDraftSchema, type Producer, type ProducerFields } from '../model/producer';
import { productPatchSchema, SALE_UNITS, VAT_RATES, type Product, type ProductFields, type SaleUnit } from '../model/product';
import type { Country } from '../model/relay';
import { fold } from '../text/normalise';
import { findSameProduct } from './rules';

export const IMPORT_COLUMNS = {
  producer: ['producteur', 'producer', 'nom du producteur', 'nom producteur'],
  businessName: ['ferme', 'entreprise', 'farm', 'business', 'exploitation'],
  contactName: ['contact', 'personne de contact', 'contact person'],
  email: ['email', 'e-mail', 'courriel', 'mail'],
  phone: ['telephone', 'tel', 'phone', 'gsm', 'portable'],
  address: ['adresse', 'address'],
  distanceKm: ['distance', 'distance km', 'distance (km)', 'km'],
  product: ['produit', 'product', 'nom du produit', 'article'],
  category: ['categorie', 'category', 'rayon'],
  unit: ['unite', 'unit', 'unite de vente'],
  packDescription: ['conditionnement', 'pack', 'description', 'format'],
  price: ['prix', 'prix ttc', 'price', 'prix (eur)', 'prix eur'],
  vat: ['tva', 'vat', 'taux tva', 'tva (%)', 'tva %'],
  defaultStock: ['stock', 'stock par defaut', 'default stock', 'stock hebdomadaire'],
} as const;
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
}

/**
 * A product as a row gives it: the required columns always, the optional ones
 * (category, pack, default stock) only when the file has them, so that a file
 * without them never blanks an existing product.
 */
export type ImportedProductFields = Pick<ProductFields, 'name' | 'unit' | 'priceCents' | 'vatRateBp'> &
  Partial<Omit<ProductFields, 'producerId'>>;

/** What a new product gets for the optional columns a file leaves out. */
export const IMPORTED_PRODUCT_DEFAULTS: Pick<ProductFields, 'category' | 'packDescription' | 'defaultStock'> = {
  category: 'autre',
  packDescription: '',
  defaultStock: null,
};

/** What the write does, in order; `producerKey` ties a product to a producer created in the same import. */
export interface ImportWrites {
  producers: { key: string; existingId: string | null; fields: Partial<ProducerFields> & { name: string } }[];
  products: { producerKey: string; existingId: string | null; fields: ImportedProductFields }[];
}

export interface ImportPlan {
  columns: Partial<Record<ImportColumn, number>>;
  unknownHeaders: string[];
  fileIssues: ImportIssue[];
  rows: ImportRowPlan[];
  counts: { producersCreated: number; producersUpdated: number; productsCreated: number; productsUpdated: number; rowsWithIssues: number };
  writes: ImportWrites;
}

export function planCatalogueImport(
  table: Pick<CsvTable, 'header' | 'rows' | 'errors'>,
  existing: { producers: readonly Producer[]; products: readonly Product[] },
  country: Country,
): ImportPlan {
  const { columns, unknownHeaders } = mapColumns(table.header, IMPORT_COLUMNS);
  const fileIssues: ImportIssue[] = [];
  if (columns.producer === undefined) fileIssues.push({ column: 'producer', key: 'import.missingColumn', params: { column: 'producteur' } });
  const plan: ImportPlan = {
    columns,
    unknownHeaders,
    fileIssues,
    rows: [],
    counts: { producersCreated: 0, producersUpdated: 0, productsCreated: 0, productsUpdated: 0, rowsWithIssues: 0 },
    writes: { producers: [], products: [] },
  };
  for (const { line, issues } of unreadableRows(table)) {
    plan.rows.push({ line, producerName: '', producerAction: null, productName: '', productAction: null, issues });
    plan.counts.rowsWithIssues++;
  }
  if (fileIssues.length > 0) return plan;

  const producersByKey = new Map(existing.producers.map((producer) => [fold(producer.name), producer]));
  const plannedProducers = new Map<string, ImportWrites['producers'][number]>();
  const producerActions = new Map<string, ImportAction>();
  const plannedProducts = new Set<string>();

  for (const row of table.rows) {
    const cell = cellReader(row, columns);
    const issues: ImportIssue[] = [];
    const producerName = cell('producer') ?? '';
    const productName = cell('product') ?? '';
    if (producerName === '') issues.push({ column: 'producer', key: 'validation.required' });

    // Producer fields: only the columns present in the file are written, so a short file never blanks data.
    const producerFields: Partial<ProducerFields> & { name: string } = { name: producerName };
    for (const column of ['businessName', 'contactName', 'address'] as const) {
      const value = cell(column);
      if (value !== undefined && value !== '') producerFields[column] = value;
    }
    const email = cell('email');
    if (email) {
      if (optionalEmail.safeParse(email).success) producerFields.email = email;
      else issues.push({ column: 'email', key: 'validation.email' });
    }
    const phone = cell('phone');
    if (phone) {
      if (optionalPhone.safeParse(phone).success) producerFields.phone = phone;
      else issues.push({ column: 'phone', key: 'validation.phone' });
    }
    const distance = cell('distanceKm');
    if (distance) {
      const km = parseDecimalCell(distance);
      if (km === null || km < 0 || km > 20_000) issues.push({ column: 'distanceKm', key: 'validation.notNegative' });
      else producerFields.distanceKm = km;
    }

    let product: ImportedProductFields | null = null;
    if (productName !== '') {
      const unitText = fold(cell('unit') ?? '');
      const unit = UNIT_ALIASES[unitText];
      if (!unit) issues.push({ column: 'unit', key: 'import.unknownUnit', params: { unit: cell('unit') ?? '' } });
      const price = parseCentsCell(cell('price') ?? '');
      if (price === null) issues.push({ column: 'price', key: 'import.badPrice', params: { price: cell('price') ?? '' } });
      const vatText = (cell('vat') ?? '').replace('%', '').trim();
      const vatPercent = vatText === '' ? null : parseDecimalCell(vatText);
      const vatRateBp = vatPercent === null ? null : Math.round(vatPercent * 100);
      if (vatRateBp === null || !VAT_RATES[country].includes(vatRateBp)) {
        issues.push({ column: 'vat', key: 'import.badVat', params: { vat: cell('vat') ?? '', rates: VAT_RATES[country].map((bp) => bp / 100).join(' / ') } });
      }
      const stockText = cell('defaultStock') ?? '';
      const stock = stockText === '' ? null : parseDecimalCell(stockText);
      if (stock !== null && (!Number.isInteger(stock) || stock < 0 || stock > 100_000)) {
        issues.push({ column: 'defaultStock', key: 'validation.wholeUnits' });
      }
      if (unit && price !== null && vatRateBp !== null) {
        product = { name: productName, unit, priceCents: price, vatRateBp };
        const category = cell('category');
        if (category) product.category = category;
        const packDescription = cell('packDescription');
        if (packDescription !== undefined) product.packDescription = packDescription;
        if (columns.defaultStock !== undefined) product.defaultStock = stock;
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
    const rowPlan: ImportRowPlan = { line: row.line, producerName, producerAction: null, productName, productAction: null, issues };
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

const PRODUCER_COLUMNS: Record<string, ImportColumn> = {
  name: 'producer', businessName: 'businessName', contactName: 'contactName', email: 'email', phone: 'phone', address: 'address', distanceKm: 'distanceKm',
};
const PRODUCT_COLUMNS: Record<string, ImportColumn> = {
  name: 'product', category: 'category', unit: 'unit', packDescription: 'packDescription', priceCents: 'price', vatRateBp: 'vat', defaultStock: 'defaultStock',
};

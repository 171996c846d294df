/**
 * A returned file as orders: an order form (one member, one row per product)
 * or an online form's export (Framaforms, Google Forms, Microsoft Forms: one
 * row per response, one column per product). Which one it is is read from the
 * sheet itself, so the organiser can drop both kinds together.
 */
import { columnMappings, headerKey, type ColumnAliases, type ColumnChoices, type ColumnMapping } from '../csv/columns';
import type { CsvRow } from '../csv/parse';
import type { SheetTable } from '../csv/table';
import type { MessageKey } from '../i18n/messages';
import type { MessageParams } from '../contract/errors';
import { MEMBER_LABELS, memberLabel, orderFormLayout } from './order-form';
import { matchProduct, matchProductHeader, type OfferIndex, type ProductMatch } from './product-match';

export interface IntakeIssue {
  key: MessageKey;
  params?: MessageParams;
}

/** A quantity cell the member filled in, with where it is and which product it names. */
export interface QuantityCell {
  line: number;
  /** The file's own title of the column (an export) or the product named on the row (a form). */
  header: string;
  raw: string;
  typed: boolean;
  match: ProductMatch;
}

/** One member's order as a file states it. */
export interface IntakeResponse {
  file: string;
  /** The sheet row that names the member. */
  line: number;
  name: string;
  email: string;
  phone: string;
  cells: QuantityCell[];
  /** Known for certain (an order from the member's own page, issue 16): no matching by e-mail or name. */
  memberId?: string;
}

export interface ReadIntakeFile {
  kind: 'orderForm' | 'formExport';
  responses: IntakeResponse[];
  /** What keeps the whole file out (no product column…), or rows that could not be read. */
  issues: (IntakeIssue & { line?: number })[];
  /** Columns that are neither the member nor a product ("Horodateur"): listed, never read. */
  ignoredColumns: string[];
  /** An export's mapping step: every column, a few values, and what it feeds (see IntakeColumnChoice); none for an order form. */
  mappings?: ColumnMapping<string>[];
}

/**
 * What a column of an online form's export feeds, as the mapping step names it:
 * a member field, or `product:<productId>` for a product on sale; null ignores it.
 */
export type IntakeColumnChoice = MemberField | `product:${string}`;
export const productChoice = (productId: string): IntakeColumnChoice => `product:${productId}`;

const FORM_MEMBER_COLUMNS = {
  name: [...MEMBER_LABELS.name, 'nom de famille', 'last name', 'membre', 'member'],
  firstName: ['prenom', 'first name', 'firstname', 'votre prenom'],
  email: [...MEMBER_LABELS.email, 'votre e mail', 'votre adresse e mail', 'your email'],
  phone: [...MEMBER_LABELS.phone, 'votre telephone'],
} as const satisfies ColumnAliases<string>;

const cellAt = (row: CsvRow, index: number) => (index < 0 ? '' : (row.cells[index] ?? '').trim());
const typedAt = (row: CsvRow, index: number) => row.typed?.[index] ?? false;

export type MemberField = keyof typeof FORM_MEMBER_COLUMNS;
export const MEMBER_FIELDS = Object.keys(FORM_MEMBER_COLUMNS) as MemberField[];
// Microsoft Forms fills its own "Email" and "Name" columns with "anonymous" when the form does not ask for a sign-in.
const ANONYMOUS = new Set(['anonymous', 'anonyme']);

/**
 * Every column of each member field, in file order: Microsoft Forms has its own "Email"
 * and "Name" columns before the form's "E-mail" question, and the first filled one counts.
 */
function memberColumns(header: readonly string[]): Record<MemberField, number[]> {
  const columns: Record<MemberField, number[]> = { name: [], firstName: [], email: [], phone: [] };
  header.forEach((title, position) => {
    const key = headerKey(title);
    const field = (Object.keys(FORM_MEMBER_COLUMNS) as MemberField[]).find((each) => FORM_MEMBER_COLUMNS[each].some((alias) => headerKey(alias) === key));
    if (field) columns[field].push(position);
  });
  return columns;
}

function memberCell(row: CsvRow, positions: readonly number[]): string {
  for (const position of positions) {
    const value = cellAt(row, position);
    if (value !== '' && !ANONYMOUS.has(value.toLowerCase())) return value;
  }
  return '';
}

/**
 * Which column feeds what: the organiser's choice for the positions the mapping
 * step covers, and for the others the title — a member field by its aliases,
 * a product by its name or "Produit (Producteur)".
 */
function exportColumns(header: readonly string[], index: OfferIndex, chosen: ColumnChoices) {
  const members: Record<MemberField, number[]> = { name: [], firstName: [], email: [], phone: [] };
  const products: { position: number; header: string; match: ProductMatch }[] = [];
  const ignoredColumns: string[] = [];
  const auto = memberColumns(header);
  const autoField = new Map<number, MemberField>();
  for (const field of MEMBER_FIELDS) for (const position of auto[field]) autoField.set(position, field);
  header.forEach((title, position) => {
    if (position < chosen.length) {
      const choice = chosen[position] ?? null;
      const productId = choice?.startsWith('product:') ? choice.slice('product:'.length) : null;
      const offer = productId === null ? undefined : index.byId.get(productId);
      const undecided = choice === null ? matchProductHeader(index, title) : null;
      if (offer) products.push({ position, header: title, match: { kind: 'offer', offer } });
      else if (choice !== null && (MEMBER_FIELDS as string[]).includes(choice)) members[choice as MemberField].push(position);
      // A title two producers' products share is shown as feeding nothing until the organiser picks one: left so,
      // its cells are still refused and listed, never dropped without a word because another column was remapped.
      else if (undecided?.kind === 'ambiguous') products.push({ position, header: title, match: undecided });
      // A product no longer on sale or an unknown name is ignored, never trusted.
      else if (title.trim() !== '') ignoredColumns.push(title);
      return;
    }
    const field = autoField.get(position);
    if (field) return members[field].push(position);
    if (title.trim() === '') return;
    const match = matchProductHeader(index, title);
    if (match.kind === 'none') ignoredColumns.push(title);
    else products.push({ position, header: title, match });
  });
  return { members, products, ignoredColumns };
}

/** The mapping step's view of the columns: what each one feeds; a title naming no single product on sale feeds nothing yet. */
function exportMappings(table: Pick<SheetTable, 'header' | 'rows'>, columns: ReturnType<typeof exportColumns>): ColumnMapping<string>[] {
  const at: Partial<Record<string, number>> = {};
  for (const field of MEMBER_FIELDS) columns.members[field].forEach((position, nth) => (at[nth === 0 ? field : `${field}#${nth}`] = position));
  for (const { position, match } of columns.products) if (match.kind === 'offer') at[`product:${match.offer.productId}#${position}`] = position;
  // The choice of a column is its field without the "#n" that kept repeated fields apart.
  return columnMappings(table, at).map((mapping) => ({ ...mapping, column: mapping.column?.replace(/#\d+$/, '') ?? null }));
}

function readFormExport(file: string, table: Pick<SheetTable, 'header' | 'rows' | 'errors'>, index: OfferIndex, chosen: ColumnChoices): ReadIntakeFile {
  const columnsRead = exportColumns(table.header, index, chosen);
  const { members: columns, products, ignoredColumns } = columnsRead;
  const read: ReadIntakeFile = { kind: 'formExport', responses: [], issues: [], ignoredColumns, mappings: exportMappings(table, columnsRead) };
  read.issues.push(...table.errors.map((error) => ({ key: error.key, line: error.line })));
  if (products.length === 0) read.issues.push({ key: 'intake.noProductColumn' });
  if (columns.name.length === 0 && columns.email.length === 0) read.issues.push({ key: 'intake.noMemberColumn' });
  if (read.issues.some((issue) => issue.line === undefined)) return read;
  for (const row of table.rows) {
    read.responses.push({
      file,
      line: row.line,
      name: [memberCell(row, columns.firstName), memberCell(row, columns.name)].filter(Boolean).join(' '),
      email: memberCell(row, columns.email),
      phone: memberCell(row, columns.phone),
      cells: products
        .filter(({ position }) => cellAt(row, position) !== '')
        .map(({ position, header, match }) => ({ line: row.line, header, raw: cellAt(row, position), typed: typedAt(row, position), match })),
    });
  }
  return read;
}

function readOrderForm(file: string, rows: readonly CsvRow[], layout: NonNullable<ReturnType<typeof orderFormLayout>>, index: OfferIndex): ReadIntakeFile {
  const member = { name: '', email: '', phone: '' };
  let line = rows[layout.titleRow]!.line;
  for (const row of rows.slice(0, layout.titleRow)) {
    const labelAt = row.cells.findIndex((cell) => memberLabel(cell) !== null);
    if (labelAt < 0) continue;
    const label = memberLabel(row.cells[labelAt]!)!;
    const value = row.cells.slice(labelAt + 1).find((cell) => cell.trim() !== '')?.trim() ?? '';
    if (member[label] === '' && value !== '') member[label] = value;
    if (label === 'name') line = row.line;
  }
  const { product, producer, quantity } = layout.columns;
  const cells: QuantityCell[] = [];
  for (const row of rows.slice(layout.titleRow + 1)) {
    const raw = cellAt(row, quantity);
    if (raw === '') continue;
    const name = cellAt(row, product);
    cells.push({ line: row.line, header: name, raw, typed: typedAt(row, quantity), match: name === '' ? { kind: 'none' } : matchProduct(index, name, cellAt(row, producer)) });
  }
  return { kind: 'orderForm', responses: [{ file, line, ...member, cells }], issues: [], ignoredColumns: [] };
}

export function readIntakeFile(file: string, table: Pick<SheetTable, 'header' | 'rows' | 'errors'>, index: OfferIndex, chosen: ColumnChoices = []): ReadIntakeFile {
  // The title row of a form is the header of the table; the member's cells may sit above the products.
  const rows: CsvRow[] = [{ line: 1, cells: [...table.header] }, ...table.rows];
  const layout = orderFormLayout(rows);
  return layout ? readOrderForm(file, rows, layout, index) : readFormExport(file, table, index, chosen);
}

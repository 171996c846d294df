/**
 * A returned file as orders: an order form (one member, one row per product)
 * or an online form's export (Framaforms, Google Forms, Microsoft Forms: one
 * row per response, one column per product). Which one it is is read from the
 * sheet itself, so the organiser can drop both kinds together.
 */
import { headerKey, type ColumnAliases } from '../csv/columns';
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
}

const FORM_MEMBER_COLUMNS = {
  name: [...MEMBER_LABELS.name, 'nom de famille', 'last name', 'membre', 'member'],
  firstName: ['prenom', 'first name', 'firstname', 'votre prenom'],
  email: [...MEMBER_LABELS.email, 'votre e mail', 'votre adresse e mail', 'your email'],
  phone: [...MEMBER_LABELS.phone, 'votre telephone'],
} as const satisfies ColumnAliases<string>;

const cellAt = (row: CsvRow, index: number) => (index < 0 ? '' : (row.cells[index] ?? '').trim());
const typedAt = (row: CsvRow, index: number) => row.typed?.[index] ?? false;

type MemberField = keyof typeof FORM_MEMBER_COLUMNS;
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

function readFormExport(file: string, table: Pick<SheetTable, 'header' | 'rows' | 'errors'>, index: OfferIndex): ReadIntakeFile {
  const columns = memberColumns(table.header);
  const memberPositions = new Set(Object.values(columns).flat());
  const products: { position: number; header: string; match: ProductMatch }[] = [];
  const ignoredColumns: string[] = [];
  table.header.forEach((header, position) => {
    if (memberPositions.has(position) || header.trim() === '') return;
    const match = matchProductHeader(index, header);
    if (match.kind === 'none') ignoredColumns.push(header);
    else products.push({ position, header, match });
  });
  const read: ReadIntakeFile = { kind: 'formExport', responses: [], issues: [], ignoredColumns };
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

export function readIntakeFile(file: string, table: Pick<SheetTable, 'header' | 'rows' | 'errors'>, index: OfferIndex): ReadIntakeFile {
  // The title row of a form is the header of the table; the member's cells may sit above the products.
  const rows: CsvRow[] = [{ line: 1, cells: [...table.header] }, ...table.rows];
  const layout = orderFormLayout(rows);
  return layout ? readOrderForm(file, rows, layout, index) : readFormExport(file, table, index);
}

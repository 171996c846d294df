/**
 * What every spreadsheet import shares, whatever it imports: finding the
 * columns by their titles (accents, case, spacing, punctuation and units in
 * brackets ignored, in French or English: "Prix TTC (€)" is "prix ttc"),
 * reading a cell only when its column is there — so a file without a column
 * never blanks what the app already knows — and saying which field of an
 * existing record a row would change.
 */
import type { z } from 'zod';
import type { MessageParams } from '../contract/errors';
import { toFieldIssues } from '../contract/validation-issues';
import type { MessageKey } from '../i18n/messages';
import { fold } from '../text/normalise';
import type { CsvRow, CsvTable } from './parse';
import { restoreCell } from './write';

/** For each column an importer knows, the titles it answers to (compared through `headerKey`). */
export type ColumnAliases<C extends string> = Readonly<Record<C, readonly string[]>>;

/**
 * A column title reduced to what identifies it: "Prix TTC (€)" → "prix ttc",
 * "E-mail" → "e mail", "Distance [km]" → "distance", "TVA %" → "tva".
 * The unit says how a value is written, not which field it is.
 */
export function headerKey(title: string): string {
  return fold(title)
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[€%]/g, ' ')
    .replace(/[-_.:’'/*°]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const aliasIndexes = new WeakMap<object, Map<string, string>>();
function aliasIndex<C extends string>(aliases: ColumnAliases<C>): Map<string, C> {
  let index = aliasIndexes.get(aliases);
  if (!index) {
    index = new Map();
    for (const column of Object.keys(aliases) as C[]) {
      for (const alias of aliases[column]) if (!index.has(headerKey(alias))) index.set(headerKey(alias), column);
    }
    aliasIndexes.set(aliases, index);
  }
  return index as Map<string, C>;
}

/** One problem of a row (or of the whole file), on one column when it has one. */
export interface ImportIssue<C extends string = string> {
  column: C | null;
  key: MessageKey;
  params?: MessageParams;
}

export type ImportAction = 'create' | 'update' | 'unchanged';

export interface ColumnMap<C extends string> {
  /** The index of each known column found in the header; the first one wins when a title repeats. */
  columns: Partial<Record<C, number>>;
  /** Titles no alias matches, shown in the preview so a misspelt column is noticed. */
  unknownHeaders: string[];
}

/**
 * The organiser's own choice for the file's columns, by position: a field's
 * name, or null to ignore the column. Positions past its end are matched by
 * title. An unknown name is ignored, never trusted.
 */
export type ColumnChoices = readonly (string | null)[];

export function mapColumns<C extends string>(header: readonly string[], aliases: ColumnAliases<C>, chosen: ColumnChoices = []): ColumnMap<C> {
  const columns: Partial<Record<C, number>> = {};
  const unknownHeaders: string[] = [];
  const index = aliasIndex(aliases);
  header.forEach((title, position) => {
    if (position < chosen.length) {
      const choice = chosen[position];
      if (choice != null && Object.hasOwn(aliases, choice) && columns[choice as C] === undefined) columns[choice as C] = position;
      return;
    }
    const key = headerKey(title);
    const match = index.get(key);
    if (match && columns[match] === undefined) columns[match] = position;
    else if (key !== '') unknownHeaders.push(title);
  });
  return { columns, unknownHeaders };
}

/** One column of the file as the mapping step shows it: its title, a few values, and the field it feeds. */
export interface ColumnMapping<C extends string> {
  header: string;
  samples: string[];
  column: C | null;
}

const SAMPLES = 3;
const SAMPLE_LENGTH = 40;

export function columnMappings<C extends string>(
  table: Pick<CsvTable, 'header' | 'rows'>,
  columns: Partial<Record<C, number>>,
): ColumnMapping<C>[] {
  const fieldAt = new Map<number, C>();
  for (const [column, position] of Object.entries(columns) as [C, number][]) fieldAt.set(position, column);
  return table.header.map((header, position) => {
    const samples: string[] = [];
    for (const row of table.rows) {
      const value = (row.cells[position] ?? '').trim();
      if (value !== '') samples.push(value.length > SAMPLE_LENGTH ? `${value.slice(0, SAMPLE_LENGTH - 1)}…` : value);
      if (samples.length === SAMPLES) break;
    }
    return { header, samples, column: fieldAt.get(position) ?? null };
  });
}

/** A column the importer needs and the file lacks, named once for the whole file rather than on every row. */
export function missingColumns<C extends string>(columns: Partial<Record<C, number>>, required: readonly C[], aliases: ColumnAliases<C>): ImportIssue<C>[] {
  return required
    .filter((column) => columns[column] === undefined)
    .map((column) => ({ column, key: 'import.missingColumn', params: { column: aliases[column][0] ?? column } }));
}

/**
 * The trimmed text of a row's cell, or undefined when the file has no such
 * column. A cell Cabas neutralised on export ("'=…") reads back as it was,
 * so export → import is a no-op.
 */
export function cellReader<C extends string>(row: CsvRow, columns: Partial<Record<C, number>>): (column: C) => string | undefined {
  return (column) => {
    const index = columns[column];
    return index === undefined ? undefined : restoreCell((row.cells[index] ?? '').trim());
  };
}

/** True when the row's cell in that column was a number, date or time in a workbook, not text. */
export function typedReader<C extends string>(row: CsvRow, columns: Partial<Record<C, number>>): (column: C) => boolean {
  return (column) => {
    const index = columns[column];
    return index !== undefined && (row.typed?.[index] ?? false);
  };
}

/**
 * A value read differently from how it is written ("2,5 €" read as 2,50 €):
 * imported, but shown in the preview with the sheet row, the file's own
 * column title and the raw text, so the organiser can check it.
 */
export function interpretedWarning<C extends string>(column: C, line: number, header: string, raw: string, value: string): ImportIssue<C> {
  return { column, key: 'import.interpreted', params: { line, header, raw, value } };
}

/** One row as an importer reads it: its cells by column, and where its problems and warnings go. */
export interface RowContext<C extends string> {
  line: number;
  /** The trimmed text of a cell, undefined when the file has no such column. */
  cell: (column: C) => string | undefined;
  /** True when the cell was a typed number, date or time in a workbook. */
  typed: (column: C) => boolean;
  issues: ImportIssue<C>[];
  warnings: ImportIssue<C>[];
  /** Records that a cell was read differently from how it is written (see interpretedWarning). */
  interpreted: (column: C, value: string) => void;
}

export function rowContext<C extends string>(row: CsvRow, columns: Partial<Record<C, number>>, header: readonly string[]): RowContext<C> {
  const cell = cellReader(row, columns);
  const context: RowContext<C> = {
    line: row.line,
    cell,
    typed: typedReader(row, columns),
    issues: [],
    warnings: [],
    interpreted: (column, value) => {
      context.warnings.push(interpretedWarning(column, row.line, header[columns[column]!] ?? '', cell(column) ?? '', value));
    },
  };
  return context;
}

/** Rows the reader could not split into cells at all (an unclosed quote), as issues on their line. */
export function unreadableRows(table: Pick<CsvTable, 'errors'>): { line: number; issues: ImportIssue<never>[] }[] {
  return table.errors.map((error) => ({ line: error.line, issues: [{ column: null, key: error.key }] }));
}

/** True when a write would change one of the fields it names. */
export function differs<T extends object>(current: T, wanted: Partial<T>): boolean {
  return (Object.keys(wanted) as (keyof T)[]).some((key) => JSON.stringify(current[key]) !== JSON.stringify(wanted[key]));
}

/** A model's refusal (a length, a limit) as issues on the columns its fields came from. */
export function columnIssues<C extends string>(error: z.ZodError, columnOfField: Readonly<Record<string, C>>): ImportIssue<C>[] {
  return toFieldIssues(error).map(({ path, key, params }) => ({
    column: columnOfField[path.split('.')[0]!] ?? null,
    key,
    ...(params ? { params } : {}),
  }));
}

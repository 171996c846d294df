/**
 * What every spreadsheet import shares, whatever it imports: finding the
 * columns by their titles (accents, case and spacing ignored, in French or
 * English), reading a cell only when its column is there — so a file without
 * a column never blanks what the app already knows — and saying which field
 * of an existing record a row would change.
 */
import type { z } from 'zod';
import type { MessageParams } from '../contract/errors';
import { toFieldIssues } from '../contract/validation-issues';
import type { MessageKey } from '../i18n/messages';
import { fold } from '../text/normalise';
import type { CsvRow, CsvTable } from './parse';
import { restoreCell } from './write';

/** For each column an importer knows, the folded titles it answers to. */
export type ColumnAliases<C extends string> = Readonly<Record<C, readonly string[]>>;

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

export function mapColumns<C extends string>(header: readonly string[], aliases: ColumnAliases<C>): ColumnMap<C> {
  const columns: Partial<Record<C, number>> = {};
  const unknownHeaders: string[] = [];
  const known = Object.keys(aliases) as C[];
  header.forEach((title, index) => {
    const folded = fold(title);
    const match = known.find((column) => aliases[column].includes(folded));
    if (match && columns[match] === undefined) columns[match] = index;
    else if (folded !== '') unknownHeaders.push(title);
  });
  return { columns, unknownHeaders };
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

/**
 * The shape every spreadsheet import plans (producers, catalogue, members):
 * the columns found and the mapping step, what is wrong with the file as a
 * whole, each sheet row with what it would do, the figures, and what the write
 * does. The plan is shown in the preview and computed again inside the write.
 */
import type { SheetTable } from './table';
import {
  columnMappings,
  mapColumns,
  missingColumns,
  unreadableRows,
  type ColumnAliases,
  type ColumnChoices,
  type ColumnMapping,
  type ImportIssue,
} from './columns';

export interface ImportPlan<Column extends string, Row, Counts extends { rowsWithIssues: number }, Write> {
  columns: Partial<Record<Column, number>>;
  /** Every column of the file, its sample values and the field it feeds: the mapping step. */
  mappings: ColumnMapping<Column>[];
  unknownHeaders: string[];
  /** What keeps the whole file out (a required column missing), said once. */
  fileIssues: ImportIssue<Column>[];
  rows: Row[];
  counts: Counts;
  writes: Write;
}

interface PlanStart<Column extends string, Row, Counts, Write> {
  aliases: ColumnAliases<Column>;
  chosen: ColumnChoices;
  required: (columns: Partial<Record<Column, number>>) => readonly Column[];
  /** A row the reader could not split into cells, as this import lists its rows. */
  unreadable: (line: number, issues: ImportIssue<never>[]) => Row;
  counts: Omit<Counts, 'rowsWithIssues'>;
  writes: Write;
}

/** The plan before any row is read: columns mapped, required ones checked, unreadable rows listed and counted. */
export function startPlan<Column extends string, Row, Counts extends { rowsWithIssues: number }, Write>(
  table: Pick<SheetTable, 'header' | 'rows' | 'errors'>,
  start: PlanStart<Column, Row, Counts, Write>,
): ImportPlan<Column, Row, Counts, Write> {
  const { columns, unknownHeaders } = mapColumns(table.header, start.aliases, start.chosen);
  const unreadable = unreadableRows(table);
  return {
    columns,
    mappings: columnMappings(table, columns),
    unknownHeaders,
    fileIssues: missingColumns(columns, start.required(columns), start.aliases),
    rows: unreadable.map(({ line, issues }) => start.unreadable(line, issues)),
    counts: { ...start.counts, rowsWithIssues: unreadable.length } as Counts,
    writes: start.writes,
  };
}

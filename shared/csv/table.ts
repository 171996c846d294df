/**
 * A spreadsheet as every importer reads it, whatever the file was: the header
 * row, then the rows with their number in the sheet. CSV text and workbooks
 * (.xlsx, .ods) both come to this.
 */
import type { CsvRow, CsvTable } from './parse';

export type SheetFormat = 'csv' | 'xlsx' | 'ods' | 'xls';

export interface SheetTable extends Pick<CsvTable, 'header' | 'rows' | 'errors'> {
  format: SheetFormat;
  /** The sheet read, for a workbook (its first sheet); null for CSV. */
  sheetName: string | null;
}

export type { CsvRow };

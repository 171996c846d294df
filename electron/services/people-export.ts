/**
 * Exports of producers and members as CSV (semicolon, UTF-8 with BOM,
 * formula-safe: shared/csv/write.ts) or .xlsx (SheetJS, every cell written as
 * text so a phone keeps its leading zero and a note its line breaks). Both
 * import back unchanged (people-export.test.ts).
 */
import { utils, write } from '@e965/xlsx';
import type { ExportedFile } from '../../shared/contract/standing-operations';
import { memberRows, producerRows } from '../../shared/exports/people';
import { writeCsv } from '../../shared/csv/write';
import type { Store } from '../store/store';

export type ExportFormat = 'csv' | 'xlsx';


const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function spreadsheetFile(baseName: string, rows: string[][], format: ExportFormat): ExportedFile {
  if (format === 'csv') {
    return { fileName: `${baseName}.csv`, mimeType: 'text/csv;charset=utf-8', contentBase64: Buffer.from(writeCsv(rows), 'utf8').toString('base64') };
  }
  const sheet = utils.aoa_to_sheet(rows.map((row) => row.map((value) => ({ t: 's', v: value }))));
  const book = utils.book_new();
  utils.book_append_sheet(book, sheet, baseName);
  const bytes = write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  return { fileName: `${baseName}.xlsx`, mimeType: XLSX_TYPE, contentBase64: bytes.toString('base64') };
}

export function peopleExportService(store: () => Store) {
  return {
    'producers.export': async ({ format }: { format: ExportFormat }) => spreadsheetFile('producteurs', producerRows(store().all('producer')), format),
    'members.export': async ({ format }: { format: ExportFormat }) => spreadsheetFile('membres', memberRows(store().all('member')), format),
  };
}

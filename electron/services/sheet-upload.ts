/**
 * A spreadsheet as the screens send it (base64 bytes, so its kind and
 * encoding are read from the bytes here), and the refusal every importer
 * shares: a file that cannot be imported at all writes nothing and says why.
 */
import { UserError } from '../../shared/contract/errors';
import type { ImportIssue } from '../../shared/csv/columns';
import { parseCsv } from '../../shared/csv/parse';
import type { SheetTable } from '../../shared/csv/table';
import { readWorkbook, workbookFormat } from './workbook';

/** Text files never hold a NUL byte in their first kilobytes; a PDF or a picture does. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  // UTF-16 text has NULs too, and starts with its byte-order mark.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  return head.includes(0);
}

export function readUploadedSheet(contentBase64: string): SheetTable {
  const bytes = new Uint8Array(Buffer.from(contentBase64, 'base64'));
  if (bytes.length === 0) throw new UserError('import.emptyFile');
  const format = workbookFormat(bytes);
  if (format) return readWorkbook(bytes, format);
  if (looksBinary(bytes)) throw new UserError('import.notSpreadsheet');
  const { header, rows, errors } = parseCsv(bytes);
  return { format: 'csv', sheetName: null, header, rows, errors };
}

/** Throws the first problem of the file as a whole (a required column missing). */
export function refuseFileIssues(plan: { fileIssues: readonly ImportIssue[] }): void {
  const [first] = plan.fileIssues;
  if (first) throw new UserError(first.key, first.params);
}

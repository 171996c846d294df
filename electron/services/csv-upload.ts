/**
 * A spreadsheet as the screens send it (base64 bytes, so its encoding is read
 * from the bytes), and the refusal every importer shares: a file that cannot
 * be imported at all writes nothing and says why.
 */
import { UserError } from '../../shared/contract/errors';
import type { ImportIssue } from '../../shared/csv/columns';
import { parseCsv, type CsvTable } from '../../shared/csv/parse';

export function readUploadedCsv(contentBase64: string): CsvTable {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) throw new UserError('import.emptyFile');
  return parseCsv(new Uint8Array(bytes));
}

/** Throws the first problem of the file as a whole (a required column missing). */
export function refuseFileIssues(plan: { fileIssues: readonly ImportIssue[] }): void {
  const [first] = plan.fileIssues;
  if (first) throw new UserError(first.key, first.params);
}

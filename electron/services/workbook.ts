/**
 * Reading .xlsx and .ods (and old .xls) files with SheetJS (@e965/xlsx, a
 * republish of the current SheetJS Community Edition). Only the first sheet is
 * read. Typed cells become the text the importers read, exactly:
 *   - numbers as plain decimals ("4.35", never 4.3499999…), percentages as "6%";
 *   - times as "17:45", rounded to the minute (a spreadsheet stores 17:45 as
 *     0.7395833…, which is 17:44:59.99…); dates as "2026-03-27";
 *   - text as typed: a phone "0471 12 34 56" keeps its leading zero, a
 *     multi-line cell keeps its line breaks.
 * Rows keep their number in the sheet, so the preview names the row the
 * organiser sees.
 */
import { read, SSF, type CellObject, type WorkBook } from '@e965/xlsx';
import { UserError } from '../../shared/contract/errors';
import type { CsvRow } from '../../shared/csv/parse';
import type { SheetTable } from '../../shared/csv/table';

const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1440;

/** A number without the float noise of a stored binary value: 0.1 + 0.2 reads "0.3". */
function plainNumber(value: number): string {
  return String(Number(value.toPrecision(15)));
}

/** A serial date-time (days since the workbook's epoch, the fraction is the time of day) as text. */
function dateTimeText(serial: number, date1904: boolean): string {
  let days = Math.floor(serial);
  let minutes = Math.round((serial - days) * MINUTES_PER_DAY);
  if (minutes === MINUTES_PER_DAY) {
    days++;
    minutes = 0;
  }
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  // A value below one day is a time of day, whatever day its format would show.
  if (serial < 1) return days === 0 ? time : '00:00';
  // Day 0 is 1899-12-30 in the 1900 system (Excel's leap-year bug is folded into the epoch), 1904-01-01 otherwise.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + days * DAY_MS).toISOString().slice(0, 10);
  return minutes === 0 ? date : `${date} ${time}`;
}

function cellText(cell: CellObject | undefined, date1904: boolean): { text: string; typed: boolean } {
  if (!cell || cell.t === 'z' || cell.v === undefined || cell.v === null) return { text: '', typed: false };
  if (cell.t === 'n' && typeof cell.v === 'number') {
    const format = typeof cell.z === 'string' ? cell.z : '';
    // .ods percentages carry no format code; their shown text ends with "%".
    if (format.includes('%') || (cell.w ?? '').trim().endsWith('%')) return { text: `${plainNumber(cell.v * 100)}%`, typed: true };
    if (format !== '' && SSF.is_date(format)) return { text: dateTimeText(cell.v, date1904), typed: true };
    return { text: plainNumber(cell.v), typed: true };
  }
  if (cell.t === 's') return { text: String(cell.v).replace(/\r\n?/g, '\n'), typed: false };
  // Booleans, errors (#N/A) and anything else: what the sheet shows, so a bad cell is reported as it looks.
  return { text: cell.w ?? String(cell.v), typed: false };
}

function firstSheetRows(workbook: WorkBook): CsvRow[] {
  const name = workbook.SheetNames[0];
  const sheet = name === undefined ? undefined : workbook.Sheets[name];
  const data = (sheet?.['!data'] ?? []) as (CellObject[] | undefined)[];
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const rows: CsvRow[] = [];
  data.forEach((row, index) => {
    if (!row) return;
    const cells: string[] = [];
    const typed: boolean[] = [];
    for (let column = 0; column < row.length; column++) {
      const { text, typed: isTyped } = cellText(row[column], date1904);
      cells.push(text);
      typed.push(isTyped);
    }
    // Blank rows are skipped, as in a CSV; the next row keeps its own number.
    if (cells.some((text) => text.trim() !== '')) rows.push({ line: index + 1, cells, typed });
  });
  return rows;
}

export type WorkbookFormat = 'xlsx' | 'ods' | 'xls';

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, index) => bytes[index] === byte);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// An OpenDocument zip stores its "mimetype" entry first, uncompressed: the name sits at byte 30.
const ODS_MIMETYPE = new TextEncoder().encode('mimetypeapplication/vnd.oasis.opendocument.spreadsheet');

/** The workbook format of the bytes, or null for text (CSV). */
export function workbookFormat(bytes: Uint8Array): WorkbookFormat | null {
  if (startsWith(bytes, OLE)) return 'xls';
  if (!startsWith(bytes, ZIP)) return null;
  return startsWith(bytes.subarray(30), [...ODS_MIMETYPE]) ? 'ods' : 'xlsx';
}

export function readWorkbook(bytes: Uint8Array, format: WorkbookFormat): SheetTable {
  let workbook: WorkBook;
  try {
    // Only the first sheet, values and their number formats (which tell a time from a number); no formulas, styles or HTML.
    workbook = read(bytes, { type: 'array', dense: true, sheets: 0, cellNF: true, cellFormula: false, cellHTML: false, cellStyles: false });
  } catch {
    // A damaged or password-protected file, or a zip that is no spreadsheet.
    throw new UserError('import.unreadableWorkbook');
  }
  const [header, ...rows] = firstSheetRows(workbook);
  return { format, sheetName: workbook.SheetNames[0] ?? null, header: header?.cells ?? [], rows, errors: [] };
}

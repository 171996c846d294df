/**
 * Reading CSV files as organisers export them: UTF-8 with or without BOM, or
 * Windows-1252 (see decode.ts); comma, semicolon (Excel and LibreOffice in
 * French locales) or tab separated; quoted fields that contain separators,
 * doubled quotes or line breaks. Every row keeps its number as a spreadsheet
 * shows it — a record with a line break inside a cell is one row — so a
 * preview can point at the row of a problem.
 */
import { decodeText, type TextEncoding } from './decode';
import { readCents, readDecimal } from './numbers';

export { decodeText } from './decode';

export interface CsvRow {
  /** 1-based row number as a spreadsheet opening the file shows it (the header is row 1). */
  line: number;
  cells: string[];
  /** Cells that were numbers, dates or times in a workbook (not text): their reading is exact, never interpreted. */
  typed?: readonly boolean[];
}

export type Separator = ',' | ';' | '\t';

export interface CsvTable {
  encoding: TextEncoding;
  separator: Separator;
  header: string[];
  rows: CsvRow[];
  /** Rows that could not be read at all (e.g. a quote never closed). */
  errors: { line: number; key: 'csv.unclosedQuote' }[];
}

const SEPARATORS: readonly Separator[] = [';', ',', '\t'];

/** The separator is the one of ";", "," and tab found most often outside quotes on the header line (";" on a tie). */
export function detectSeparator(text: string): Separator {
  const counts = new Map<string, number>(SEPARATORS.map((separator) => [separator, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best: Separator = ',';
  let most = 0;
  for (const separator of SEPARATORS) {
    if (counts.get(separator)! > most) {
      best = separator;
      most = counts.get(separator)!;
    }
  }
  return best;
}

export function parseCsvText(input: string, separator: Separator = detectSeparator(input)): Omit<CsvTable, 'encoding'> {
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRow[] = [];
  const errors: CsvTable['errors'] = [];
  let cells: string[] = [];
  let cell = '';
  let rowLine = 1;
  let quoted = false;
  let cellWasQuoted = false;
  let quoteStart = 0;

  const endCell = () => {
    cells.push(cellWasQuoted ? cell : cell.trim());
    cell = '';
    cellWasQuoted = false;
  };
  const endRow = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: rowLine, cells });
    cells = [];
  };

  const scan = (from: number) => {
    for (let i = from; i < text.length; i++) {
      const char = text[i]!;
      if (quoted) {
        if (char === '"' && text[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (char === '"') {
          quoted = false;
        } else if (char === '\r') {
          // A line break inside a cell is one "\n", as a spreadsheet keeps it, whatever the file's line endings.
          cell += '\n';
          if (text[i + 1] === '\n') i++;
        } else {
          cell += char;
        }
      } else if (char === '"' && cell.trim() === '') {
        quoted = true;
        cellWasQuoted = true;
        cell = '';
        quoteStart = i;
      } else if (char === separator) {
        endCell();
      } else if (char === '\r' || char === '\n') {
        if (char === '\r' && text[i + 1] === '\n') i++;
        endRow();
        rowLine++;
      } else {
        cell += char;
      }
    }
  };

  let start = 0;
  for (;;) {
    scan(start);
    if (!quoted) {
      if (cell !== '' || cells.length > 0) endRow();
      break;
    }
    // A quote never closed: the row is reported and dropped, and reading goes on at the line
    // after the one where that quote opened, so one stray quote does not hide the rest of the file.
    errors.push({ line: rowLine, key: 'csv.unclosedQuote' });
    const lineBreak = /\r\n|\r|\n/.exec(text.slice(quoteStart));
    if (!lineBreak) break;
    start = quoteStart + lineBreak.index + lineBreak[0].length;
    rowLine++;
    cells = [];
    cell = '';
    quoted = false;
    cellWasQuoted = false;
  }

  const [headerRow, ...rows] = records;
  return { separator, header: headerRow?.cells ?? [], rows, errors };
}

export function parseCsv(bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeText(bytes);
  return { encoding, ...parseCsvText(text) };
}

/** "2,50", "2.5", "1 234,50", "2,5 €" → 2.5 / 1234.5; null when it is not a decimal ("2,5,0", "abc"). */
export function parseDecimalCell(value: string): number | null {
  return readDecimal(value, { units: ['€'] })?.value ?? null;
}

/** A price typed in euros ("2,50") to integer cents, without floating-point drift; null when it is not a price. */
export function parseCentsCell(value: string): number | null {
  return readCents(value)?.value ?? null;
}

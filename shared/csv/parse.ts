/**
 * Reading spreadsheets as organisers export them: UTF-8 with or without BOM,
 * or Windows-1252 (Excel on Windows); comma or semicolon separated (Excel in
 * French locales writes semicolons); quoted fields that contain separators,
 * doubled quotes or line breaks. Every row keeps the line it started on, so a
 * preview can point at the exact line of a problem.
 */

export interface CsvRow {
  /** 1-based line number in the file where the row starts. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  encoding: 'utf-8' | 'windows-1252';
  separator: ',' | ';';
  header: string[];
  rows: CsvRow[];
  /** Rows that could not be read at all (e.g. a quote never closed). */
  errors: { line: number; key: 'csv.unclosedQuote' }[];
}

/** UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252 (which maps every byte). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvTable['encoding'] } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The separator is the one of ";" and "," found most often outside quotes on the header line. */
export function detectSeparator(text: string): ',' | ';' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === ',') commas++;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

export function parseCsvText(input: string, separator: ',' | ';' = detectSeparator(input)): Omit<CsvTable, 'encoding'> {
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRow[] = [];
  const errors: CsvTable['errors'] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let cellWasQuoted = false;
  let quoteStart = 0;
  let quoteLine = 1;

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
        } else {
          if (char === '\n') line++;
          cell += char;
        }
      } else if (char === '"' && cell.trim() === '') {
        quoted = true;
        cellWasQuoted = true;
        cell = '';
        quoteStart = i;
        quoteLine = line;
      } else if (char === separator) {
        endCell();
      } else if (char === '\r' || char === '\n') {
        if (char === '\r' && text[i + 1] === '\n') i++;
        endRow();
        line++;
        rowLine = line;
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
    line = quoteLine + 1;
    rowLine = line;
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

/**
 * "2,50", "2.50", "2,5 €", "1 234,50" → 2.5 / 1234.5. Null when it is not a
 * plain decimal, so "2,5,0" or "abc" is reported rather than guessed.
 */
export function parseDecimalCell(value: string): number | null {
  const cleaned = value.replace(/[\s\u00a0\u202f€]/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(cleaned)) return null;
  return Number(cleaned.replace(',', '.'));
}

/** A price typed in euros ("2,50") to integer cents, without floating-point drift. */
export function parseCentsCell(value: string): number | null {
  const cleaned = value.replace(/[\s\u00a0\u202f€]/g, '');
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

import { utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/contract/errors';
import { readUploadedSheet } from './sheet-upload';

const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

/** A workbook written by SheetJS with the cells a spreadsheet stores: binary floats, serial dates, formats. */
function workbook(rows: unknown[][], formats: Record<string, string> = {}): string {
  const sheet = utils.aoa_to_sheet(rows);
  for (const [address, format] of Object.entries(formats)) sheet[address]!.z = format;
  const book = utils.book_new();
  utils.book_append_sheet(book, sheet, 'Feuille 1');
  return Buffer.from(write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
}

const refusalOf = (content: string) => {
  try {
    readUploadedSheet(content);
  } catch (error) {
    return error instanceof UserError ? error.key : error;
  }
  return null;
};

describe('reading an uploaded spreadsheet', () => {
  it('reads typed workbook cells as exact text: float noise gone, a time just under 17:45 is 17:45, dates, percentages', () => {
    const table = readUploadedSheet(
      workbook(
        [
          ['Prix', 'Heure', 'Jour', 'TVA', 'Tél'],
          [0.1 + 0.2, 17.75 / 24 - 1e-9, 46_108, 0.055, '0471 12 34 56'],
          [],
          [4.35, 23.999 / 24, 46_108.5, 0.21, 'ligne 1\r\nligne 2'],
        ],
        { B2: 'hh:mm', C2: 'dd/mm/yyyy', D2: '0.0%', B4: 'hh:mm', C4: 'dd/mm/yyyy hh:mm', D4: '0%' },
      ),
    );
    expect(table).toMatchObject({ format: 'xlsx', sheetName: 'Feuille 1', header: ['Prix', 'Heure', 'Jour', 'TVA', 'Tél'], errors: [] });
    expect(table.rows).toEqual([
      { line: 2, cells: ['0.3', '17:45', '2026-03-27', '5.5%', '0471 12 34 56'], typed: [true, true, true, true, false] },
      { line: 4, cells: ['4.35', '00:00', '2026-03-27 12:00', '21%', 'ligne 1\nligne 2'], typed: [true, true, true, true, false] },
    ]);
  });

  it('tells a CSV from a workbook by its bytes', () => {
    expect(readUploadedSheet(base64('nom;prix\nCarottes;2,50\n'))).toMatchObject({ format: 'csv', sheetName: null, rows: [{ line: 2, cells: ['Carottes', '2,50'] }] });
  });

  it('refuses an empty file, a damaged workbook and a file that is no spreadsheet, each with its own message', () => {
    expect(refusalOf('')).toBe('import.emptyFile');
    expect(refusalOf(base64(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])))).toBe('import.unreadableWorkbook');
    expect(refusalOf(base64(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x00, 0x9c])))).toBe('import.notSpreadsheet');
  });
});

import { describe, expect, it } from 'vitest';
import { parseCentsCell, parseCsv, parseCsvText, parseDecimalCell } from './parse';
import { neutraliseCell, restoreCell, writeCsv } from './write';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 bytes for the few accented letters the tests use. */
function cp1252(text: string): Uint8Array {
  const table: Record<string, number> = { é: 0xe9, è: 0xe8, à: 0xe0, ç: 0xe7, '€': 0x80 };
  return Uint8Array.from([...text].map((char) => table[char] ?? char.charCodeAt(0)));
}

describe('reading CSV files as organisers have them', () => {
  it('reads UTF-8 with a BOM and semicolons (Excel, French locale)', () => {
    const table = parseCsv(utf8('\uFEFFnom;prix\nCarottes;2,50\n'));
    expect(table).toMatchObject({ encoding: 'utf-8', separator: ';', header: ['nom', 'prix'] });
    expect(table.rows).toEqual([{ line: 2, cells: ['Carottes', '2,50'] }]);
  });

  it('reads UTF-8 without a BOM and commas', () => {
    const table = parseCsv(utf8('nom,prix\nPoireaux,"1,20"\n'));
    expect(table.separator).toBe(',');
    expect(table.rows[0]!.cells).toEqual(['Poireaux', '1,20']);
  });

  it('reads Windows-1252 accents', () => {
    const table = parseCsv(cp1252('nom;catégorie\nPaté;épicerie\n'));
    expect(table.encoding).toBe('windows-1252');
    expect(table.header).toEqual(['nom', 'catégorie']);
    expect(table.rows[0]!.cells).toEqual(['Paté', 'épicerie']);
  });

  it('reads Windows-1252 as Windows-1252, not Latin-1: € Œ ’ — « » survive', () => {
    const bytes = Uint8Array.from([0x80, 0x3b, 0x8c, 0x75, 0x66, 0x73, 0x3b, 0x44, 0x92, 0x48, 0x3b, 0x97, 0x3b, 0xab, 0x20, 0x78, 0x20, 0xbb, 0x0a]);
    const table = parseCsv(bytes);
    expect(table.encoding).toBe('windows-1252');
    expect(table.header).toEqual(['€', 'Œufs', 'D’H', '—', '« x »']);
  });

  it('keeps separators, doubled quotes and line breaks inside quoted fields; a record with a line break in a cell is one sheet row', () => {
    const table = parseCsvText('nom;notes\n"Ferme ""du Bois""";"livre le jeudi;\nappeler avant"\nLe Verger;\r\n');
    expect(table.rows).toEqual([
      { line: 2, cells: ['Ferme "du Bois"', 'livre le jeudi;\nappeler avant'] },
      { line: 3, cells: ['Le Verger', ''] },
    ]);
  });

  it('reads tab-separated text (copied from a spreadsheet)', () => {
    const table = parseCsvText('nom\tprix\tnote\nCarottes\t2,50\tbio, local\n');
    expect(table.separator).toBe('\t');
    expect(table.rows[0]!.cells).toEqual(['Carottes', '2,50', 'bio, local']);
  });

  it('reports a quote that is never closed, with its row, and reads the rows after it', () => {
    const table = parseCsvText('nom;prix\nCarottes;2\n"Poireaux;3\nNavets;4\n');
    expect(table.rows).toEqual([
      { line: 2, cells: ['Carottes', '2'] },
      { line: 4, cells: ['Navets', '4'] },
    ]);
    expect(table.errors).toEqual([{ line: 3, key: 'csv.unclosedQuote' }]);
  });

  it('recovers after a quoted line break and CRLF endings, keeping sheet row numbers; a CRLF inside a cell reads as one line break', () => {
    const table = parseCsvText('nom;notes\r\n"A";"deux\r\nlignes"\r\nB;"jamais fermé\r\nC;x\r\nE;y');
    expect(table.rows).toEqual([
      { line: 2, cells: ['A', 'deux\nlignes'] },
      { line: 4, cells: ['C', 'x'] },
      { line: 5, cells: ['E', 'y'] },
    ]);
    expect(table.errors).toEqual([{ line: 3, key: 'csv.unclosedQuote' }]);
  });

  it('reports an unclosed quote on the last line', () => {
    expect(parseCsvText('a;b\n1;"2').errors).toEqual([{ line: 2, key: 'csv.unclosedQuote' }]);
  });

  it('skips blank lines and reads a last line without a newline', () => {
    expect(parseCsvText('a;b\n\n1;2').rows).toEqual([{ line: 3, cells: ['1', '2'] }]);
  });

  it('reads decimal commas and prices in cents', () => {
    expect(parseDecimalCell('2,50')).toBe(2.5);
    expect(parseDecimalCell('2.5')).toBe(2.5);
    expect(parseDecimalCell('2,5,0')).toBeNull();
    expect(parseCentsCell('2,50')).toBe(250);
    expect(parseCentsCell('2,5 €')).toBe(250);
    expect(parseCentsCell('0,07')).toBe(7);
    expect(parseCentsCell('19.99')).toBe(1999);
    expect(parseCentsCell('1,999')).toBeNull();
    expect(parseCentsCell('-1')).toBeNull();
    expect(parseCentsCell('abc')).toBeNull();
  });
});

describe('writing CSV', () => {
  it('neutralises cells that a spreadsheet would run as formulas, but not plain numbers', () => {
    const csv = writeCsv([
      ['=HYPERLINK("http://x")', '+33 6', '-2', '@SUM(A1)', 'Carottes', '-1,50'],
    ]);
    expect(csv).toBe('\uFEFF"\'=HYPERLINK(""http://x"")";\'+33 6;-2;\'@SUM(A1);Carottes;-1,50\r\n');
  });

  it('reading back undoes the neutralisation, and only it', () => {
    for (const value of ['=SUM(A1)', '+32 81 22 33 44', '-Promo', '@home', '-1,50', 'Carottes', "'quoted", "l'été"]) {
      expect(restoreCell(neutraliseCell(value))).toBe(value);
    }
    expect(restoreCell("'ok")).toBe("'ok");
  });

  it('round-trips through the reader', () => {
    const rows = [
      ['nom', 'notes'],
      ['Ferme; "du Bois"', 'ligne 1\nligne 2'],
    ];
    const table = parseCsv(utf8(writeCsv(rows)));
    expect([table.header, ...table.rows.map((row) => row.cells)]).toEqual(rows);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252 } from './decode';

/** What Windows-1252 writes for each character it has, built from the decoder's own table read backwards. */
const CP1252_BYTE = new Map<string, number>();
for (let byte = 0; byte < 256; byte++) CP1252_BYTE.set(decodeWindows1252(Uint8Array.of(byte)), byte);
const cp1252 = (text: string) => Uint8Array.from([...text].map((char) => CP1252_BYTE.get(char)!));
const utf8 = (text: string) => new TextEncoder().encode(text);

// French words as organisers write them, and the symbols Excel and LibreOffice put in Windows-1252 files.
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèêëàâäçîïôöùûüÿœæÉÈÊÀÂÇÎÔÙŒÆ';
const SYMBOLS = ['€', '«', '»', '—', '–', '…', '“', '”', '°', '½', '0,20', '2,50', ';', '"', '(km)', '(%)'];
const word = fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength: 12 });
const token = fc.oneof(word, fc.constantFrom(...SYMBOLS), word.map((rest) => `d’${rest}`), word.map((rest) => `l’${rest}`));
const frenchText = fc.array(token, { minLength: 1, maxLength: 20 }).map((tokens) => tokens.join(' '));

describe('decoding CSV bytes', () => {
  it('maps every byte 0x80–0x9F as Windows-1252 does (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ)', () => {
    const high = [...decodeWindows1252(Uint8Array.from({ length: 32 }, (_, index) => 0x80 + index))];
    expect(high.filter((_, index) => ![0x01, 0x0d, 0x0f, 0x10, 0x1d].includes(index)).join(' ')).toBe(
      '€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ',
    );
    expect(decodeWindows1252(Uint8Array.of(0x41, 0xe9, 0xff))).toBe('Aéÿ');
  });

  it('reads any text saved as UTF-8 back as UTF-8, with or without a BOM', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }).filter((text) => !text.startsWith('\uFEFF')), fc.boolean(), (text, bom) => {
        expect(decodeText(utf8(bom ? `\uFEFF${text}` : text))).toEqual({ text, encoding: 'utf-8' });
      }),
    );
  });

  it('reads French text saved as Windows-1252 back as Windows-1252, never mistaken for UTF-8', () => {
    fc.assert(
      fc.property(frenchText.filter((text) => [...text].some((char) => char.charCodeAt(0) > 0x7f)), (text) => {
        expect(decodeText(cp1252(text))).toEqual({ text, encoding: 'windows-1252' });
      }),
    );
  });

  it('treats a file of plain ASCII as UTF-8 (both read it the same)', () => {
    expect(decodeText(cp1252('Carottes;2,50'))).toEqual({ text: 'Carottes;2,50', encoding: 'utf-8' });
  });
});

describe('decoding Excel’s “Unicode text”', () => {
  it('reads UTF-16 with its byte-order mark', () => {
    const text = 'Nom\tPrix\r\nŒufs\t2,50 €\r\n';
    const le = Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8])]);
    expect(decodeText(le)).toEqual({ text, encoding: 'utf-16le' });
  });
});

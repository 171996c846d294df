/**
 * Turning a CSV file's bytes into text. Organisers' files are UTF-8 (with or
 * without BOM: LibreOffice in English, Excel's "CSV UTF-8") or Windows-1252
 * (Excel on Windows and LibreOffice in French locales).
 *
 * Detection: bytes that are valid UTF-8 are UTF-8, anything else is
 * Windows-1252. A Windows-1252 text with an accent is valid UTF-8 only if an
 * accented capital is directly followed by a symbol (Ã©…), which French text
 * never has, so this does not guess wrong on real files.
 *
 * Windows-1252 is decoded with our own table: Node 20's
 * TextDecoder('windows-1252') decodes as Latin-1 (bytes 0x80–0x9F become
 * invisible control characters, so "€", "Œ", "’" vanished — issue 12).
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What Windows-1252 puts at 0x80–0x9F (WHATWG encoding standard); the five unassigned bytes stay as they are. */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  const chars: string[] = new Array<string>(bytes.length);
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!;
    chars[index] = byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte);
  }
  return chars.join('');
}

/**
 * UTF-16 when the file starts with its BOM (Excel's "Unicode text"); UTF-8
 * when the bytes are valid UTF-8 (a BOM is dropped); otherwise Windows-1252,
 * which maps every byte.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const bom = encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
    if (bytes[0] === bom[0] && bytes[1] === bom[1]) return { text: new TextDecoder(encoding).decode(bytes), encoding };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

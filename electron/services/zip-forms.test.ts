import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
// Beside the service that reads the forms, not in shared/: the fixtures are read from disk.
import { readZippedForms } from '../../shared/intake/zip-forms';

/** Order forms a member returned, as LibreOffice saved them (scripts/make-import-fixtures.sh). */
const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../e2e/import-files', name)));
const forms = {
  'order-form-returned.xlsx': fixture('order-form-returned.xlsx'),
  'order-form-returned.ods': fixture('order-form-returned.ods'),
  'order-form-returned-fr.csv': fixture('order-form-returned-fr.csv'),
};
const MAX = 6_000_000;

describe('a zip of returned order forms', () => {
  it('gives each form inside as its own file, byte for byte, leaving out folders, __MACOSX/ copies and hidden files', () => {
    const zip = zipSync({
      'retours/': {},
      retours: { ...forms, '.DS_Store': new Uint8Array([0, 0, 0, 1]), '~$order-form-returned.xlsx': new Uint8Array([1]) },
      __MACOSX: { retours: { '._order-form-returned.xlsx': new Uint8Array([0, 5, 22, 7]) } },
    } as Zippable);
    const read = readZippedForms('mails.zip', zip, MAX);
    expect(read.ok && read.files.map((file) => file.name)).toEqual([
      'mails.zip/retours/order-form-returned-fr.csv',
      'mails.zip/retours/order-form-returned.ods',
      'mails.zip/retours/order-form-returned.xlsx',
    ]);
    expect(read.ok && read.files.map((file) => Buffer.from(file.bytes).equals(Buffer.from(forms[file.name.split('/').at(-1) as keyof typeof forms])))).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('refuses a zip inside the zip, naming it', () => {
    const inner = zipSync({ 'order-form-returned.xlsx': forms['order-form-returned.xlsx'] });
    expect(readZippedForms('mails.zip', zipSync({ ...forms, 'semaine 2.zip': inner }), MAX)).toEqual({
      ok: false, key: 'intake.zip.nested', params: { zip: 'mails.zip', name: 'semaine 2.zip' },
    });
  });

  it('refuses a zip bomb from the sizes it declares, without inflating it', () => {
    // 7 MB of one byte squeeze into a few kilobytes.
    const bomb = zipSync({ 'order-form-returned.xlsx': forms['order-form-returned.xlsx'], 'big.csv': new Uint8Array(7_000_000).fill(59) }, { level: 9 });
    expect(bomb.length).toBeLessThan(20_000);
    expect(readZippedForms('mails.zip', bomb, MAX)).toEqual({ ok: false, key: 'intake.zip.tooBig', params: { zip: 'mails.zip', max: 6 } });
  });

  it('never inflates an entry past the size it declares, even when the declaration lies', () => {
    const zip = zipSync({ 'big.csv': new Uint8Array(7_000_000).fill(59) }, { level: 9 });
    // The central directory's "uncompressed size" of the only entry, rewritten to 100 bytes.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const central = zip.findLastIndex((_, at) => at + 4 <= zip.length && view.getUint32(at, true) === 0x02014b50);
    view.setUint32(central + 24, 100, true);
    const read = readZippedForms('mails.zip', zip, MAX);
    expect(read.ok && read.files.map((file) => file.bytes.length)).toEqual([100]);
  });

  it('says so when the file is not a zip, or holds no form', () => {
    expect(readZippedForms('mails.zip', forms['order-form-returned-fr.csv'], MAX)).toEqual({ ok: false, key: 'intake.zip.unreadable', params: { zip: 'mails.zip' } });
    expect(readZippedForms('mails.zip', zipSync({ '.DS_Store': new Uint8Array([1]) }), MAX)).toEqual({ ok: false, key: 'intake.zip.empty', params: { zip: 'mails.zip' } });
  });
});

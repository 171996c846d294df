/**
 * Returned order forms often come back as one zip (e-mail attachments saved
 * together, a folder compressed on a Mac). Each file inside is read as if the
 * organiser had picked it separately. A zip is untrusted input: its entries'
 * sizes are checked before anything is inflated (a few kilobytes can claim
 * gigabytes — a zip bomb), and fflate never inflates past the size an entry
 * declares, so the check holds even when the declaration lies.
 */
import { unzipSync } from 'fflate';
import type { MessageParams } from '../contract/errors';

export interface ZippedFile {
  /** "retours.zip/Anne.xlsx": where the file came from, as the preview lists it. */
  name: string;
  bytes: Uint8Array;
}

export type ZipRead = { ok: true; files: ZippedFile[] } | { ok: false; key: ZipRefusal; params: MessageParams };
export type ZipRefusal = 'intake.zip.unreadable' | 'intake.zip.nested' | 'intake.zip.tooBig' | 'intake.zip.tooMany' | 'intake.zip.empty';

/** As many files as one import takes (the contract's limit). */
export const MAX_ZIPPED_FILES = 300;
/** The contract's limit for a file's name. */
const MAX_NAME = 200;

export const isZipName = (name: string) => /\.zip$/i.test(name.trim());

/** Folders, the Finder's __MACOSX/ copies and hidden files (.DS_Store, ._Anne.xlsx, ~$ lock files) are not forms. */
function isLeftOut(path: string): boolean {
  if (path.endsWith('/')) return true;
  const parts = path.split('/');
  return parts[0] === '__MACOSX' || parts.some((part) => part.startsWith('.')) || parts.at(-1)!.startsWith('~$');
}

export function readZippedForms(zipName: string, bytes: Uint8Array, maxBytes: number): ZipRead {
  let nested = null as string | null;
  let total = 0;
  let count = 0;
  let inflated: Record<string, Uint8Array>;
  try {
    inflated = unzipSync(bytes, {
      filter: (entry) => {
        if (isLeftOut(entry.name) || nested !== null) return false;
        if (isZipName(entry.name)) {
          nested = entry.name;
          return false;
        }
        total += entry.originalSize;
        count += 1;
        // Nothing inflated once over the limit: the refusal below needs only the declared sizes.
        return total <= maxBytes && count <= MAX_ZIPPED_FILES;
      },
    });
  } catch {
    return { ok: false, key: 'intake.zip.unreadable', params: { zip: zipName } };
  }
  if (nested !== null) return { ok: false, key: 'intake.zip.nested', params: { zip: zipName, name: nested } };
  if (total > maxBytes) return { ok: false, key: 'intake.zip.tooBig', params: { zip: zipName, max: Math.floor(maxBytes / 1_000_000) } };
  if (count > MAX_ZIPPED_FILES) return { ok: false, key: 'intake.zip.tooMany', params: { zip: zipName, max: MAX_ZIPPED_FILES } };
  const files = Object.entries(inflated)
    .map(([path, content]) => ({ name: `${zipName}/${path}`.slice(-MAX_NAME), bytes: content }))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (files.length === 0) return { ok: false, key: 'intake.zip.empty', params: { zip: zipName } };
  return { ok: true, files };
}

/**
 * Putting data files into a new backup without writing again what an earlier backup
 * already holds: a file whose content is the same as an earlier backup's copy (same
 * SHA-256, checked on both) becomes a hard link to that copy instead of a new copy.
 * At five years most files are closed distributions that never change, so a daily
 * backup writes the few files that did instead of the whole 130 MB (issue 11).
 *
 * Safe because a backup's files are never changed in place: a restore reads them into
 * new files, pruning removes a folder (the other links keep the content), and the live
 * data is never linked (the store replaces its files by rename and appends to its
 * journal in place). A disk that cannot link (FAT, exFAT) gets copies, as before.
 */
import { subtle } from 'node:crypto';
import { link, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** An earlier backup: its folder and the SHA-256 of each file it holds. */
export interface EarlierBackup {
  folder: string;
  hashes: Readonly<Record<string, string>>;
}

/**
 * A file's SHA-256 in lowercase hex, the encoding every backup.json holds (backups taken
 * before keep being recognised). Through WebCrypto, whose digest runs in libuv's thread
 * pool: the daily backup hashes every data file (and the earlier copy it links), ~0.3 s of
 * CPU at five years, and with `createHash` that ran on the main thread in slices of a file
 * each, so a change made during the backup waited for them (issue 11). The main thread only
 * copies the bytes over to the pool.
 */
const sha256 = async (bytes: Uint8Array): Promise<string> => Buffer.from(await subtle.digest('SHA-256', bytes)).toString('hex');

/** Copies (or links) `files` from `fromDir` into `toDir`; returns each file's SHA-256, for the next backup. */
export async function copyIntoBackup(
  fromDir: string,
  toDir: string,
  files: readonly string[],
  earlier: readonly EarlierBackup[],
  beforeFile?: (file: string) => Promise<void> | void,
): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const file of files) {
    await beforeFile?.(file);
    // The bytes hashed are the bytes stored: the hash always describes the backup's own copy.
    const bytes = await readFile(join(fromDir, file));
    const hash = await sha256(bytes);
    hashes[file] = hash;
    const target = join(toDir, file);
    await mkdir(dirname(target), { recursive: true });
    if (!(await linkEarlierCopy(target, file, hash, earlier))) await writeFile(target, bytes);
  }
  return hashes;
}

async function linkEarlierCopy(target: string, file: string, hash: string, earlier: readonly EarlierBackup[]): Promise<boolean> {
  for (const backup of earlier) {
    if (backup.hashes[file] !== hash) continue;
    const source = join(backup.folder, file);
    try {
      // Checked again: a copy changed behind the app's back must not spread to the new backup.
      if ((await sha256(await readFile(source))) !== hash) continue;
      await link(source, target);
      return true;
    } catch {
      // Gone meanwhile, or a disk without hard links: the next candidate, or a copy.
    }
  }
  return false;
}

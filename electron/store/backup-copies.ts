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
import { link, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { withHashedReads, type HashedFile } from './hashed-reads';

/** An earlier backup: its folder and the SHA-256 of each file it holds. */
export interface EarlierBackup {
  folder: string;
  hashes: Readonly<Record<string, string>>;
}

/** Copies (or links) `files` from `fromDir` into `toDir`; returns each file's SHA-256, for the next backup. */
export async function copyIntoBackup(
  fromDir: string,
  toDir: string,
  files: readonly string[],
  earlier: readonly EarlierBackup[],
  beforeFile?: (file: string) => Promise<void> | void,
): Promise<Record<string, string>> {
  // Read and hashed off the main thread (hashed-reads.ts): a change made during a daily backup does not wait for them.
  return withHashedReads(async (read) => {
    const hashes: Record<string, string> = {};
    for (const file of files) {
      await beforeFile?.(file);
      // The bytes hashed are the bytes stored: the hash always describes the backup's own copy.
      const { bytes, hash } = await read(join(fromDir, file));
      hashes[file] = hash;
      const target = join(toDir, file);
      await mkdir(dirname(target), { recursive: true });
      if (!(await linkEarlierCopy(target, file, hash, earlier, read))) await writeFile(target, bytes);
    }
    return hashes;
  });
}

async function linkEarlierCopy(
  target: string,
  file: string,
  hash: string,
  earlier: readonly EarlierBackup[],
  read: (path: string) => Promise<HashedFile>,
): Promise<boolean> {
  for (const backup of earlier) {
    if (backup.hashes[file] !== hash) continue;
    const source = join(backup.folder, file);
    try {
      // Checked again: a copy changed behind the app's back must not spread to the new backup.
      if ((await read(source)).hash !== hash) continue;
      await link(source, target);
      return true;
    } catch {
      // Gone meanwhile, or a disk without hard links: the next candidate, or a copy.
    }
  }
  return false;
}

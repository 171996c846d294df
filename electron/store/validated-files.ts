/**
 * The data files known to be valid: `validated-files.json` beside expected-files.json
 * lists, per data file, its size, modification time and SHA-256 as of the last time
 * Cabas validated it record by record (an open) or wrote it itself (a fold). At the
 * next open a file whose size, time and hash all still match is taken as it is,
 * without checking every record against its schema again: that check was two thirds
 * of opening five years of history (issue 11). A file changed in any way, unknown,
 * or from another format version is validated as before, so a damaged file still
 * opens the recovery screen.
 *
 * The list is only ever a shortcut: losing it, or a crash that leaves it behind the
 * files, costs one full validation, never trust in a file that changed (the hash is
 * taken from the very bytes being opened).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';

export const VALIDATED_FILES = 'validated-files.json';

/** What identifies one state of a file. */
export interface FileMark {
  size: number;
  mtimeMs: number;
  sha256: string;
}

/**
 * The list's shape, checked by hand: it is read at every open and holds a mark per file of years
 * of history, where a schema cost more than the rest of reading it. `formatVersion` is the data
 * format the files were valid in: after an upgrade every file is checked again.
 */
function isList(value: Record<string, unknown>): value is { formatVersion: number; files: Record<string, FileMark> } {
  const files = value.files as Record<string, unknown> | null;
  return (
    value.format === 'cabas-validated-files' &&
    value.version === 1 &&
    typeof value.formatVersion === 'number' &&
    typeof files === 'object' &&
    files !== null &&
    Object.values(files).every(isMark)
  );
}

function isMark(value: unknown): value is FileMark {
  if (typeof value !== 'object' || value === null) return false;
  const mark = value as Record<string, unknown>;
  return Object.keys(mark).length === 3 && typeof mark.size === 'number' && typeof mark.mtimeMs === 'number' && typeof mark.sha256 === 'string';
}

export function markOf(bytes: Buffer, info: { size: number; mtimeMs: number }): FileMark {
  return { size: info.size, mtimeMs: info.mtimeMs, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export function sameMark(a: FileMark | undefined, b: FileMark): boolean {
  return a !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs && a.sha256 === b.sha256;
}

/** The marks of one data folder, as read at open and kept up to date by its writes. */
export class ValidatedFiles {
  private saving: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly dataDir: string,
    private readonly formatVersion: number,
    private readonly marks: Map<string, FileMark>,
  ) {}

  /** A missing, unreadable or other-version list trusts nothing. */
  static async read(dataDir: string, formatVersion: number): Promise<ValidatedFiles> {
    let marks = new Map<string, FileMark>();
    try {
      const list = JSON.parse(await readFile(join(dataDir, VALIDATED_FILES), 'utf8')) as Record<string, unknown>;
      if (isList(list) && list.formatVersion === formatVersion) marks = new Map(Object.entries(list.files));
    } catch {
      /* nothing trusted this time */
    }
    return new ValidatedFiles(dataDir, formatVersion, marks);
  }

  trusts(path: string, mark: FileMark): boolean {
    return sameMark(this.marks.get(path), mark);
  }

  /**
   * Keeps exactly these marks (the files of a good open), and those of the files the open
   * left unread (`unread`: loaded later, checked then), and writes the list if it changed.
   */
  async keep(read: ReadonlyMap<string, FileMark>, unread: ReadonlySet<string> = new Set()): Promise<void> {
    const marks = new Map(read);
    for (const path of unread) {
      const mark = this.marks.get(path);
      if (mark) marks.set(path, mark);
    }
    const changed = marks.size !== this.marks.size || [...marks].some(([path, mark]) => !sameMark(this.marks.get(path), mark));
    if (!changed) return;
    this.marks.clear();
    for (const [path, mark] of marks) this.marks.set(path, mark);
    await this.save();
  }

  /** A file loaded after the open, as it was read: trusted next time if it was known valid as it is. */
  note(path: string, mark: FileMark | undefined): void {
    if (mark) this.marks.set(path, mark);
    else this.marks.delete(path);
    this.unsaved = true;
  }

  private unsaved = false;

  /** Writes the marks noted since the last write, if any (the end of a fold). */
  async flush(): Promise<void> {
    if (!this.unsaved) return;
    this.unsaved = false;
    await this.save();
  }

  /** After Cabas wrote a data file from records it holds valid: its new state is trusted. */
  async noteWritten(path: string, contents: string, later = false): Promise<void> {
    const bytes = Buffer.from(contents, 'utf8');
    const info = await stat(join(this.dataDir, path));
    // Written by someone else meanwhile (another opening of the folder): left to be validated.
    if (info.size !== bytes.length) this.marks.delete(path);
    else this.marks.set(path, markOf(bytes, info));
    if (later) this.unsaved = true;
    else await this.save();
  }

  private save(): Promise<void> {
    const run = this.saving.then(() => {
      const files = Object.fromEntries([...this.marks].sort(([a], [b]) => (a < b ? -1 : 1)));
      return writeFileAtomic(join(this.dataDir, VALIDATED_FILES), `${JSON.stringify({ format: 'cabas-validated-files', version: 1, formatVersion: this.formatVersion, files })}\n`);
    });
    this.saving = run.catch(() => undefined);
    return run;
  }
}

/** The open data folders' lists, so a write keeps its folder's list current without reading it again. */
const open = new Map<string, ValidatedFiles>();

export function rememberValidatedFiles(dataDir: string, list: ValidatedFiles): void {
  open.set(dataDir, list);
}

/** After a data file of the live folder was written; a folder not opened in this process has no list to keep. */
export async function noteValidWrite(dataDir: string, path: string, contents: string, later = false): Promise<void> {
  await open.get(dataDir)?.noteWritten(path, contents, later);
}

/** Writes the list once after a batch of writes noted `later`. */
export async function saveValidWrites(dataDir: string): Promise<void> {
  await open.get(dataDir)?.flush();
}

/**
 * Append-only JSON-lines files (the sync journal; any journal the store keeps).
 * A line is written whole and fsync'd before what it records is acknowledged,
 * so only the last line can be torn (a power cut mid-append). Opening cuts
 * that torn tail off the file itself: left in place, the next append would be
 * glued to it and the joined line, unreadable, would hide that change and
 * every later one at each restart.
 */
import { statSync } from 'node:fs';
import { mkdir, open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The complete lines of the file, parsed; a torn tail is cut off the file
 * first. A complete line that does not parse (glued by an older version) is
 * skipped so the lines after it are still read.
 */
export async function openLines<T>(path: string, parse: (value: unknown) => T | undefined): Promise<T[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const whole = text.lastIndexOf('\n') + 1;
  if (whole < text.length) await cutAt(path, Buffer.byteLength(text.slice(0, whole), 'utf8'));
  const entries: T[] = [];
  for (const line of text.slice(0, whole).split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    const entry = parse(value);
    if (entry !== undefined) entries.push(entry);
  }
  return entries;
}

/**
 * An append-only file kept open between appends: each batch of lines pays one write and one
 * fdatasync, not a mkdir, an open and a close as well (the sync journal writes a batch at
 * each fold of the store's journal, sync/journal.ts). If the file was replaced
 * meanwhile (compacted by rename, here or by another opening of the folder), the next
 * append opens the new one instead of writing into the replaced file.
 */
export class AppendOnlyFile {
  private handle: FileHandle | undefined;
  private inode = -1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly path: string) {}

  /** Appends one line per value and waits until they are on disk. */
  append(values: readonly unknown[]): Promise<void> {
    if (values.length === 0) return Promise.resolve();
    return this.locked(async () => {
      const handle = await this.opened();
      await handle.writeFile(values.map((value) => `${JSON.stringify(value)}\n`).join(''), 'utf8');
      await handle.datasync();
    });
  }

  /** Closes the file (before it is replaced, or when the app stops); the next append opens it again. */
  close(): Promise<void> {
    return this.locked(() => this.closeHandle());
  }

  private async opened(): Promise<FileHandle> {
    // Synchronous: microseconds, where a trip through the thread pool would cost more than the check.
    const onDisk = statSync(this.path, { throwIfNoEntry: false });
    if (this.handle && onDisk?.ino === this.inode) return this.handle;
    await this.closeHandle();
    await mkdir(dirname(this.path), { recursive: true });
    const handle = await open(this.path, 'a', 0o600);
    try {
      this.inode = (await handle.stat()).ino;
    } catch (error) {
      // Not kept, so closed here: a dropped open file is left to the garbage collector (DEP0137).
      await handle.close().catch(() => undefined);
      throw error;
    }
    this.handle = handle;
    return handle;
  }

  private async closeHandle(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close();
  }

  private locked<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

async function cutAt(path: string, bytes: number): Promise<void> {
  await truncate(path, bytes);
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Append-only JSON-lines files (the sync journal; any journal the store keeps).
 * A line is written whole and fsync'd before what it records is acknowledged,
 * so only the last line can be torn (a power cut mid-append). Opening cuts
 * that torn tail off the file itself: left in place, the next append would be
 * glued to it and the joined line, unreadable, would hide that change and
 * every later one at each restart.
 */
import { mkdir, open, readFile, truncate } from 'node:fs/promises';
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

/** Appends one line per value and waits until they are on disk. */
export async function appendLines(path: string, values: readonly unknown[]): Promise<void> {
  if (values.length === 0) return;
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'a', 0o600);
  try {
    await handle.writeFile(values.map((value) => `${JSON.stringify(value)}\n`).join(''), 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
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

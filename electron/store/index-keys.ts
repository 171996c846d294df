/**
 * The keys of the index (issue 11): `store-keys.json` lists, per partition, the `kind:id` of
 * every record and removed record it holds, so the file of an id is found without reading
 * years of files. At five years that is 4 MB of ids: kept apart from store-index.json, it is
 * read only the first time a record is looked up that no loaded file holds, so an open
 * neither parses nor keeps it. Each index entry carries the hash of its file's keys, and
 * keys whose hash differs (a crash between the two writes, a hand edit) are not trusted:
 * the files they belong to are then read to look for the record.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';

export const STORE_KEYS = 'store-keys.json';

export function hashOfKeys(keys: string): string {
  return createHash('sha256').update(keys).digest('hex').slice(0, 32);
}

export class IndexKeys {
  /** As read from the file, once something needed it (undefined: not read). */
  private onDisk: Map<string, string> | undefined;
  /** Keys taken from files since (opened, folded), not yet written. */
  private readonly taken = new Map<string, string>();

  constructor(
    private readonly dataDir: string,
    private readonly formatVersion: number,
    /** The hash of each file's keys as the file of keys holds them (the index's, as read at open). */
    private readonly written: Map<string, string>,
  ) {}

  /**
   * The keys checked against a hash, per file: every lookup of an id no loaded file holds (each record a
   * transaction creates) asks for every unread file's keys, and hashing megabytes of keys each time cost
   * tens of milliseconds a change at five years (issue 11).
   */
  private readonly checked = new Map<string, { keys: string; hash: string }>();

  /** The keys of a file if they are the ones its entry was summed up with (`hash`), else undefined. */
  of(path: string, hash: string): string | undefined {
    const keys = this.taken.get(path) ?? this.read().get(path);
    if (keys === undefined) return undefined;
    const checked = this.checked.get(path);
    if (checked && checked.hash === hash && checked.keys === keys) return keys;
    if (hashOfKeys(keys) !== hash) return undefined;
    this.checked.set(path, { keys, hash });
    return keys;
  }

  take(path: string, keys: string): void {
    this.taken.set(path, keys);
  }

  /**
   * Writes the keys if any file's changed (a record added or taken out, not an edit), for the files the index
   * still sums up (`paths`); the file of keys is then read first if it was not.
   */
  async save(paths: ReadonlySet<string>): Promise<void> {
    const changed = [...this.taken].filter(([path, keys]) => this.written.get(path) !== hashOfKeys(keys));
    const dropped = [...this.written.keys()].filter((path) => !paths.has(path));
    if (changed.length === 0 && dropped.length === 0) return this.taken.clear();
    const loaded = this.onDisk !== undefined;
    const all = new Map(this.read());
    for (const [path, keys] of this.taken) all.set(path, keys);
    for (const path of all.keys()) if (!paths.has(path)) all.delete(path);
    this.taken.clear();
    const files = Object.fromEntries([...all].sort(([a], [b]) => (a < b ? -1 : 1)));
    await writeFileAtomic(join(this.dataDir, STORE_KEYS), `${JSON.stringify({ format: 'cabas-store-keys', version: 1, formatVersion: this.formatVersion, files })}\n`);
    this.written.clear();
    for (const [path, keys] of all) this.written.set(path, hashOfKeys(keys));
    // Kept in memory only if something already needed them: an open that never looks up an unread id never holds them.
    this.onDisk = loaded ? all : undefined;
  }

  /** Synchronous, like the partition reads it serves; a missing or damaged file holds no keys (their files get read). */
  private read(): Map<string, string> {
    if (this.onDisk) return this.onDisk;
    const keys = new Map<string, string>();
    try {
      const parsed = JSON.parse(readFileSync(join(this.dataDir, STORE_KEYS), 'utf8')) as Record<string, unknown>;
      const files = parsed.files as Record<string, unknown>;
      if (parsed.format === 'cabas-store-keys' && parsed.version === 1 && parsed.formatVersion === this.formatVersion && typeof files === 'object' && files !== null) {
        for (const [path, value] of Object.entries(files)) if (typeof value === 'string') keys.set(path, value);
      }
    } catch {
      /* no keys: the files are read instead */
    }
    this.onDisk = keys;
    return keys;
  }
}

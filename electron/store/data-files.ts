/** Finding and reading the data files of a folder (the live data or a backup). */
import { readFileSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { StoreProblem } from '../../shared/contract/results';
import { envelopeHeaderSchema, envelopeVersionSchema, FORMAT, fileRecordsSchema, type FileRecords, type SyncSection } from './envelope';
import { migrateFile, type FormatSpec } from './migrations';
import { writeFileAtomic, type WriteHooks } from './atomic-write';
import { EXPECTED_FILES, missingExpectedFile, noteWritten } from './expected-files';
import { markOf, noteValidWrite, rememberValidatedFiles, saveValidWrites, VALIDATED_FILES, ValidatedFiles, type FileMark } from './validated-files';
import { STORE_INDEX } from './store-index';
import { STORE_KEYS } from './index-keys';
import { sameJson } from './same-json';

/** Where a restore prepares the backup's files, and its marker (backups.ts). */
export const RESTORING_DIR = 'restoring';
export const RESTORE_MARKER = 'restore.json';
/** The conflicts screen's last answer (sync/conflict-check.ts): derived, rebuilt when missing, never backed up. */
export const CONFLICTS_CHECKED = 'conflicts-checked.json';

/** Folders and files inside the data folder that are not relay data. */
/** device-key.json: this copy's private key (sync/identity.ts): never in a backup, never restored over. */
/** mail.json, outbox-attempts.jsonl, messages/: this copy's SMTP settings, its log of sending attempts and its `.eml` files (issue 15). */
export const NOT_DATA = new Set(['backups', 'damaged', 'device.json', 'device-key.json', 'mail.json', 'outbox-attempts.jsonl', 'messages', 'backup.json', 'sync', EXPECTED_FILES, VALIDATED_FILES, STORE_INDEX, STORE_KEYS, RESTORING_DIR, RESTORE_MARKER, CONFLICTS_CHECKED]);

/**
 * The paths entities.ts writes (data-files.test.ts checks every entity's file
 * matches). Anything else in the folder — a file another program left, an
 * editor's backup — is not relay data and must not send the app into recovery.
 */
export const DATA_FILE = /^(relay|producers|products|members|standing-orders)\.json$|^distributions\/[0-9a-f-]{36}\.json$|^accounts\/\d{4}-\d{2}\.json$|^invoices\/\d{4}\.json$|^outbox\/[0-9a-f-]{36}\.json$/;

/** Relative paths (always with `/`) of the data files under `folder`. */
export async function listDataFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      if (dir === folder && NOT_DATA.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      // Temp files of an interrupted write end in `.tmp`, so they are never read as data.
      else if (entry.isFile()) {
        const file = relative(folder, path).split(sep).join('/');
        if (DATA_FILE.test(file)) found.push(file);
      }
    }
  }
  await walk(folder);
  return found.sort();
}

export interface LoadedFile {
  path: string;
  /** Version found on disk, before migration. */
  version: number;
  records: FileRecords;
  sync: SyncSection;
  /**
   * Only when the folder's validated-files list was consulted: the file's size, time and
   * hash, if it is now known valid as it is on disk (trusted, or validated with nothing
   * dropped or changed by the schemas), so the next open can take it without checking.
   */
  mark?: FileMark;
  /** Whether its records were checked one by one against their schemas (false: trusted from the list). */
  checked: boolean;
}

export type ReadResult = { ok: true; file: LoadedFile } | { ok: false; problem: StoreProblem };

export async function readDataFile(folder: string, path: string, format: FormatSpec, trust?: ValidatedFiles): Promise<ReadResult> {
  let bytes: Buffer;
  let mark: FileMark | undefined;
  try {
    const info = trust && (await stat(join(folder, path)));
    bytes = await readFile(join(folder, path));
    if (info) mark = markOf(bytes, info);
  } catch (error) {
    return { ok: false, problem: { file: path, reason: 'unreadable', detail: (error as Error).message } };
  }
  return parseDataFile(path, bytes, mark, format, trust);
}

/** The same, blocking: a partition loaded on first access (store.ts) is read inside a synchronous `get`. */
export function readDataFileSync(folder: string, path: string, format: FormatSpec, trust?: ValidatedFiles): ReadResult {
  let bytes: Buffer;
  let mark: FileMark | undefined;
  try {
    const info = trust && statSync(join(folder, path));
    bytes = readFileSync(join(folder, path));
    if (info) mark = markOf(bytes, info);
  } catch (error) {
    return { ok: false, problem: { file: path, reason: 'unreadable', detail: (error as Error).message } };
  }
  return parseDataFile(path, bytes, mark, format, trust);
}

function parseDataFile(path: string, bytes: Buffer, mark: FileMark | undefined, format: FormatSpec, trust?: ValidatedFiles): ReadResult {
  const fail = (reason: StoreProblem['reason'], detail: string): ReadResult => ({
    ok: false,
    problem: { file: path, reason, detail },
  });
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return fail('invalidJson', (error as Error).message);
  }
  const trusted = json as { format?: unknown; version?: unknown; records?: FileRecords; sync?: SyncSection };
  if (mark && trust?.trusts(path, mark) && trusted.format === FORMAT && trusted.version === format.version && typeof trusted.records === 'object') {
    return { ok: true, file: { path, version: format.version, records: trusted.records, sync: trusted.sync ?? {}, mark, checked: false } };
  }
  // The version is checked before the rest of the envelope: a newer Cabas may lay out its
  // records differently, and the organiser must be told to update, not that the file is damaged.
  const version = envelopeVersionSchema.safeParse(json);
  if (version.success && version.data.version > format.version) {
    return fail('newerVersion', `format ${version.data.version}, this version of Cabas reads up to ${format.version}`);
  }
  const header = envelopeHeaderSchema.safeParse(json);
  if (!header.success) return fail('schema', describeIssue(header.error));
  let migrated;
  try {
    migrated = migrateFile(header.data, path, format);
  } catch (error) {
    return fail('schema', (error as Error).message);
  }
  const records = fileRecordsSchema.safeParse(migrated.records);
  if (!records.success) return fail('schema', describeIssue(records.error));
  const sync = migrated.sync ?? {};
  // Trusted next time only if taking it as it is gives exactly what the schemas gave (nothing stripped, no default filled in).
  const asItIs = header.data.version === format.version && sameJson(records.data, trusted.records) && sameJson(sync, trusted.sync ?? {});
  return { ok: true, file: { path, version: header.data.version, records: records.data as FileRecords, sync, mark: asItIs ? mark : undefined, checked: true } };
}

export type FolderResult = { ok: true; files: LoadedFile[] } | { ok: false; problem: StoreProblem };

export async function readDataFolder(folder: string, format: FormatSpec, trust?: ValidatedFiles, paths?: readonly string[]): Promise<FolderResult> {
  const files: LoadedFile[] = [];
  for (const path of paths ?? (await listDataFiles(folder))) {
    const result = await readDataFile(folder, path, format, trust);
    if (!result.ok) return result;
    files.push(result.file);
  }
  return { ok: true, files };
}

/**
 * The live data folder: read as any folder, but files unchanged since they were last known
 * valid are not checked record by record again (validated-files.ts); and every file it is
 * expected to hold must be there (expected-files.ts).
 */
export async function openDataFolder(dataDir: string, format: FormatSpec, lazy?: Lazy): Promise<FolderResult & { trust?: ValidatedFiles }> {
  const trust = await ValidatedFiles.read(dataDir, format.version);
  const found = await listDataFiles(dataDir);
  const deferred = new Set<string>();
  for (const path of found) if (await lazy?.defer(path)) deferred.add(path);
  const read = await readDataFolder(dataDir, format, trust, found.filter((path) => !deferred.has(path)));
  if (!read.ok) return read;
  const missing = await missingExpectedFile(dataDir, found);
  if (missing) return { ok: false, problem: missing };
  rememberValidatedFiles(dataDir, trust);
  // Only a shortcut for the next open: failing to write it changes nothing now. Files left unread keep their marks.
  const marks = new Map(read.files.flatMap((file) => (file.mark ? [[file.path, file.mark] as const] : [])));
  await trust.keep(marks, deferred).catch(() => undefined);
  return { ...read, trust };
}

/** Which files an open may leave unread, to be loaded when first needed (partitions.ts). */
export interface Lazy {
  defer(path: string): Promise<boolean>;
}

/** Writes one data file of the live folder (crash-safe), then lists it among the files that must exist and the files known valid. */
export async function writeDataFile(dataDir: string, path: string, contents: string, hooks?: WriteHooks, batch?: WriteBatch): Promise<void> {
  await writeFileAtomic(join(dataDir, path), contents, hooks);
  await noteWritten(dataDir, path);
  // Written from records held valid in memory; the list is only a shortcut, so a failure to update it fails nothing.
  await noteValidWrite(dataDir, path, contents, batch !== undefined).catch(() => undefined);
}

/** Several files written in a row (a fold, a migration): validated-files.json is written once at the end, not once per file. */
export type WriteBatch = true;

export async function endWriteBatch(dataDir: string): Promise<void> {
  await saveValidWrites(dataDir).catch(() => undefined);
}

function describeIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  if (!first) return 'invalid';
  return `${first.path.map(String).join('.') || '(root)'}: ${first.message}`;
}

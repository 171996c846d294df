/** Finding and reading the data files of a folder (the live data or a backup). */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { StoreProblem } from '../../shared/contract/results';
import { envelopeHeaderSchema, envelopeVersionSchema, fileRecordsSchema, type FileRecords, type SyncSection } from './envelope';
import { migrateFile, type FormatSpec } from './migrations';
import { writeFileAtomic, type WriteHooks } from './atomic-write';
import { EXPECTED_FILES, missingExpectedFile, noteWritten } from './expected-files';

/** Where a restore prepares the backup's files, and its marker (backups.ts). */
export const RESTORING_DIR = 'restoring';
export const RESTORE_MARKER = 'restore.json';

/** Folders and files inside the data folder that are not relay data. */
/** device-key.json: this copy's private key (sync/identity.ts): never in a backup, never restored over. */
export const NOT_DATA = new Set(['backups', 'damaged', 'device.json', 'device-key.json', 'backup.json', 'sync', EXPECTED_FILES, RESTORING_DIR, RESTORE_MARKER]);

/**
 * The paths entities.ts writes (data-files.test.ts checks every entity's file
 * matches). Anything else in the folder — a file another program left, an
 * editor's backup — is not relay data and must not send the app into recovery.
 */
export const DATA_FILE = /^(relay|producers|products|members)\.json$|^distributions\/[0-9a-f-]{36}\.json$|^accounts\/\d{4}-\d{2}\.json$/;

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
}

export type ReadResult = { ok: true; file: LoadedFile } | { ok: false; problem: StoreProblem };

export async function readDataFile(folder: string, path: string, format: FormatSpec): Promise<ReadResult> {
  const fail = (reason: StoreProblem['reason'], detail: string): ReadResult => ({
    ok: false,
    problem: { file: path, reason, detail },
  });
  let text: string;
  try {
    text = await readFile(join(folder, path), 'utf8');
  } catch (error) {
    return fail('unreadable', (error as Error).message);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail('invalidJson', (error as Error).message);
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
  return { ok: true, file: { path, version: header.data.version, records: records.data as FileRecords, sync: migrated.sync ?? {} } };
}

export type FolderResult = { ok: true; files: LoadedFile[] } | { ok: false; problem: StoreProblem };

export async function readDataFolder(folder: string, format: FormatSpec): Promise<FolderResult> {
  const files: LoadedFile[] = [];
  for (const path of await listDataFiles(folder)) {
    const result = await readDataFile(folder, path, format);
    if (!result.ok) return result;
    files.push(result.file);
  }
  return { ok: true, files };
}

/** The live data folder: read as any folder, and every file it is expected to hold must be there (expected-files.ts). */
export async function openDataFolder(dataDir: string, format: FormatSpec): Promise<FolderResult> {
  const read = await readDataFolder(dataDir, format);
  if (!read.ok) return read;
  const missing = await missingExpectedFile(dataDir, read.files.map((file) => file.path));
  return missing ? { ok: false, problem: missing } : read;
}

/** Writes one data file of the live folder (crash-safe), then lists it among the files that must exist. */
export async function writeDataFile(dataDir: string, path: string, contents: string, hooks?: WriteHooks): Promise<void> {
  await writeFileAtomic(join(dataDir, path), contents, hooks);
  await noteWritten(dataDir, path);
}

function describeIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  if (!first) return 'invalid';
  return `${first.path.map(String).join('.') || '(root)'}: ${first.message}`;
}

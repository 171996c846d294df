/**
 * Rolling backups of the data files: one a day, taken in the background shortly
 * after open or at the first change of the day (last 14 kept), manual ones, and
 * safety copies before a migration or a restore. A backup is a folder under
 * `backups/`; its `backup.json` is written last, so a backup interrupted half-way
 * is never listed, and its folder is removed before the next backup.
 */
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { format as formatDate } from 'date-fns';
import { z } from 'zod';
import type { BackupInfo, BackupKind } from '../../shared/contract/results';
import { UserError } from '../../shared/contract/errors';
import { flushFolder, writeFileAtomic, type WriteHooks } from './atomic-write';
import { copyIntoBackup } from './backup-copies';
import { listDataFiles, readDataFolder, RESTORE_MARKER, RESTORING_DIR } from './data-files';
import { saveExpectedFiles } from './expected-files';
import type { FormatSpec } from './migrations';
import { JOURNAL_FILE, readJournal } from './write-journal';

export const BACKUPS_DIR = 'backups';
export const DAMAGED_DIR = 'damaged';
const META = 'backup.json';

/** How many of each kind are kept; older ones are removed after a new one is made. */
const KEEP: Record<BackupKind, number> = { daily: 14, manual: 14, 'pre-migration': 10, 'pre-restore': 10 };

const metaSchema = z.object({
  kind: z.enum(['daily', 'manual', 'pre-migration', 'pre-restore']),
  createdAt: z.string(),
  files: z.array(z.string()),
  /**
   * The write journal was copied too: changes not yet folded into the files (a backup
   * taken at open, before a migration, after a session that ended without folding).
   * The running store folds before it backs up, so most backups have none.
   */
  journal: z.boolean().optional(),
  /** Each file's SHA-256: the next backup links the files still the same instead of copying them (backup-copies.ts). */
  hashes: z.record(z.string(), z.string()).optional(),
});

const stamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

async function copyInto(fromDir: string, toDir: string, files: readonly string[]): Promise<void> {
  for (const file of files) {
    await mkdir(dirname(join(toDir, file)), { recursive: true });
    await copyFile(join(fromDir, file), join(toDir, file));
  }
}

/** Whether the folder's write journal holds lines; an empty or missing one adds nothing to the files. */
async function hasJournal(folder: string): Promise<boolean> {
  try {
    return (await stat(join(folder, JOURNAL_FILE))).size > 0;
  } catch {
    return false;
  }
}

export interface BackupOptions {
  /**
   * Whether the write journal is copied (default: when it holds lines). The running store's
   * daily backup says no: it folded every line up to one instant, and the lines appended since,
   * while it copies, are changes made after that instant (daily-backup.ts).
   */
  journal?: boolean;
  /** A test's seam: `step('backup.file', file)` before each file is copied. */
  hooks?: WriteHooks;
}

export async function createBackup(dataDir: string, kind: BackupKind, now: Date, options: BackupOptions = {}): Promise<BackupInfo> {
  const id = `${stamp(now)}-${kind}`;
  const folder = join(dataDir, BACKUPS_DIR, id);
  await removeInterrupted(dataDir);
  const files = await listDataFiles(dataDir);
  const journal = options.journal ?? (await hasJournal(dataDir));
  const earlier = (await readMetas(dataDir)).map(({ id: earlierId, meta }) => ({ folder: join(dataDir, BACKUPS_DIR, earlierId), hashes: meta.hashes ?? {} }));
  const step = options.hooks?.step;
  const hashes = await copyIntoBackup(dataDir, folder, journal ? [...files, JOURNAL_FILE] : files, earlier, step && ((file) => step('backup.file', file)));
  const createdAt = now.toISOString();
  await writeFileAtomic(join(folder, META), JSON.stringify({ kind, createdAt, files, ...(journal && { journal }), hashes }, null, 1));
  await pruneBackups(dataDir, kind);
  return { id, kind, createdAt, files, readable: true };
}

/**
 * Folders a backup left without its backup.json (the app was killed while it copied): never
 * listed nor restorable, and never pruned either, so they go before the next backup. Only a
 * folder with no backup.json at all: one whose backup.json is damaged is left for a person to
 * look at. The store takes one backup at a time (Store.withFoldsHeld, the daily one), so no
 * folder being written is removed.
 */
async function removeInterrupted(dataDir: string): Promise<void> {
  let ids: string[];
  try {
    ids = await readdir(join(dataDir, BACKUPS_DIR));
  } catch {
    return;
  }
  for (const id of ids) {
    const folder = join(dataDir, BACKUPS_DIR, id);
    const missing = await stat(join(folder, META)).then(
      () => false,
      (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
    );
    if (missing && (await stat(folder)).isDirectory()) await rm(folder, { recursive: true, force: true });
  }
}

async function readMetas(dataDir: string): Promise<{ id: string; meta: z.infer<typeof metaSchema> }[]> {
  let ids: string[];
  try {
    ids = await readdir(join(dataDir, BACKUPS_DIR));
  } catch {
    return [];
  }
  const metas = [];
  for (const id of ids) {
    try {
      const meta = metaSchema.parse(JSON.parse(await readFile(join(dataDir, BACKUPS_DIR, id, META), 'utf8')));
      metas.push({ id, meta });
    } catch {
      // No or bad backup.json: an interrupted backup, never offered.
    }
  }
  return metas.sort((a, b) => b.meta.createdAt.localeCompare(a.meta.createdAt));
}

/**
 * A backup can be restored only if it holds every file its backup.json lists and each
 * reads as the store would read it; a missing file would stop a restore half-way.
 */
async function isReadable(folder: string, files: readonly string[], format: FormatSpec, journal = false): Promise<boolean> {
  const read = await readDataFolder(folder, format);
  if (!read.ok) return false;
  if (journal && !(await readJournal(folder, format)).ok) return false;
  const present = new Set(read.files.map((file) => file.path));
  return files.every((file) => present.has(file));
}

/** Newest first; each one checked by reading it as the store would. */
export async function listBackups(dataDir: string, format: FormatSpec): Promise<BackupInfo[]> {
  const backups: BackupInfo[] = [];
  for (const { id, meta } of await readMetas(dataDir)) {
    const { journal, hashes: _hashes, ...info } = meta;
    backups.push({ id, ...info, readable: await isReadable(join(dataDir, BACKUPS_DIR, id), meta.files, format, journal) });
  }
  return backups;
}

/**
 * Only what tells a backup's kind and day, checked by hand: at every open, to know whether
 * today's backup exists. A schema over every file's hash in every backup was a tenth of the
 * open at five years (issue 11). A backup whose meta has no list of files is not counted.
 */
async function readMetaHeads(dataDir: string): Promise<{ kind: unknown; createdAt: string }[]> {
  let ids: string[];
  try {
    ids = await readdir(join(dataDir, BACKUPS_DIR));
  } catch {
    return [];
  }
  const heads = [];
  for (const id of ids) {
    try {
      const meta = JSON.parse(await readFile(join(dataDir, BACKUPS_DIR, id, META), 'utf8')) as Record<string, unknown>;
      if (typeof meta.createdAt === 'string' && Array.isArray(meta.files)) heads.push({ kind: meta.kind, createdAt: meta.createdAt });
    } catch {
      // No or bad backup.json: an interrupted backup, never counted.
    }
  }
  return heads;
}

async function pruneBackups(dataDir: string, kind: BackupKind): Promise<void> {
  const sameKind = (await readMetas(dataDir)).filter(({ meta }) => meta.kind === kind);
  for (const { id } of sameKind.slice(KEEP[kind])) {
    await rm(join(dataDir, BACKUPS_DIR, id), { recursive: true, force: true });
  }
}

/**
 * Takes today's daily backup unless one exists (the date is the machine's local
 * date). Returns false while there is nothing to back up yet.
 */
export async function ensureDailyBackup(
  dataDir: string,
  now: Date,
  /**
   * Runs the copy only when a backup is to be taken: the running store folds its journal
   * first and keeps the data files as folded until the copy ends (Folding.snapshot).
   */
  consistently: (copy: () => Promise<boolean>) => Promise<boolean> = (copy) => copy(),
  options: BackupOptions = {},
): Promise<boolean> {
  const today = formatDate(now, 'yyyy-MM-dd');
  const done = (await readMetaHeads(dataDir)).some(({ kind, createdAt }) => kind === 'daily' && formatDate(new Date(createdAt), 'yyyy-MM-dd') === today);
  if (done) return true;
  return consistently(async () => {
    if ((await listDataFiles(dataDir)).length === 0) return false;
    await createBackup(dataDir, 'daily', now, options);
    return true;
  });
}

/**
 * Makes the data files exactly those of the backup. What was there before is
 * kept first: as a `pre-restore` backup when it was readable, or copied to
 * `damaged/` when it was not (the damaged file is never lost).
 *
 * In one step as far as a crash can tell (issue 13: a kill mid-restore left a
 * mix of backup and current files): the backup's files are first copied beside
 * the data (`restoring/`), then a marker (`restore.json`) records the switch,
 * then the files are moved into place. The marker is the commit point: the next
 * open finishes a restore that has one (finishRestore), and drops a prepared
 * one that has none — the folder is the old state or the restored one.
 */
export async function restoreBackup(
  dataDir: string,
  id: string,
  format: FormatSpec,
  current: 'ready' | 'recovery',
  now: Date,
  /** Called once the backup is known good, before anything is copied: the running store folds its journal here. */
  beforeSwitch: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  const backup = (await readMetas(dataDir)).find((entry) => entry.id === id);
  if (!backup) throw new UserError('error.backupNotFound');
  const folder = join(dataDir, BACKUPS_DIR, id);
  if (!(await isReadable(folder, backup.meta.files, format, backup.meta.journal))) throw new UserError('error.backupUnreadable');

  await beforeSwitch();
  await finishRestore(dataDir);
  const currentFiles = await listDataFiles(dataDir);
  const currentJournal = await hasJournal(dataDir);
  if (current === 'ready') await createBackup(dataDir, 'pre-restore', now);
  else await copyInto(dataDir, join(dataDir, DAMAGED_DIR, stamp(now)), currentJournal ? [...currentFiles, JOURNAL_FILE] : currentFiles);

  // Prepared beside the data, each file on disk before the marker names it.
  const staging = join(dataDir, RESTORING_DIR);
  await rm(staging, { recursive: true, force: true });
  // The backup's journal comes along; the live one goes: replayed over the backup's files it would bring back what the restore undoes.
  const incoming = backup.meta.journal ? [...backup.meta.files, JOURNAL_FILE] : backup.meta.files;
  for (const file of incoming) {
    await writeFileAtomic(join(staging, file), await readFile(join(folder, file), 'utf8'));
  }
  const outgoing = currentJournal && !backup.meta.journal ? [...currentFiles, JOURNAL_FILE] : currentFiles;
  const marker: z.infer<typeof markerSchema> = { backup: id, files: incoming, remove: outgoing.filter((file) => !incoming.includes(file)) };
  await writeFileAtomic(join(dataDir, RESTORE_MARKER), JSON.stringify(marker));
  await switchTo(dataDir, marker);
}

const markerSchema = z.object({ backup: z.string(), files: z.array(z.string()), remove: z.array(z.string()) });

/**
 * At open, before the data is read: a restore whose marker is on disk is
 * carried through (every step can run again); files prepared without a marker
 * are dropped. Says which, or null when no restore was under way.
 */
export async function finishRestore(dataDir: string): Promise<'rolledForward' | 'rolledBack' | null> {
  let text: string | null = null;
  try {
    text = await readFile(join(dataDir, RESTORE_MARKER), 'utf8');
  } catch {
    text = null;
  }
  const marker = text === null ? undefined : markerSchema.safeParse(safeJson(text));
  if (marker?.success) {
    await switchTo(dataDir, marker.data);
    return 'rolledForward';
  }
  // No marker (or one cut short, which writeFileAtomic never leaves): the restore never switched.
  const prepared = await readdir(join(dataDir, RESTORING_DIR)).then(() => true, () => false);
  await rm(join(dataDir, RESTORING_DIR), { recursive: true, force: true });
  await unlink(join(dataDir, RESTORE_MARKER)).catch(() => undefined);
  return prepared || text !== null ? 'rolledBack' : null;
}

async function switchTo(dataDir: string, marker: z.infer<typeof markerSchema>): Promise<void> {
  for (const file of marker.files) {
    const target = join(dataDir, file);
    await mkdir(dirname(target), { recursive: true });
    // Already moved by an earlier, interrupted run: the target holds it.
    await rename(join(dataDir, RESTORING_DIR, file), target).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  for (const file of marker.remove) await unlink(join(dataDir, file)).catch(() => undefined);
  // The moves are durable before the marker goes (otherwise the next open could find neither).
  for (const folder of new Set([...marker.files, ...marker.remove].map((file) => dirname(join(dataDir, file))))) await flushFolder(folder);
  // The folder now holds the backup's files: they are the ones that must exist.
  await saveExpectedFiles(dataDir, marker.files.filter((file) => file !== JOURNAL_FILE));
  // The marker goes last: prepared files without a marker always mean a restore that never switched.
  await rm(join(dataDir, RESTORING_DIR), { recursive: true, force: true });
  await unlink(join(dataDir, RESTORE_MARKER));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * This copy's sync bookkeeping, kept in its data folder (sync/): the settings
 * the organiser chose, and per folder how far it has read each other device's
 * files and what it has written itself. Device-local: never synced.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SYNC_SETTINGS, syncSettingsSchema, type SyncSettings } from '../../shared/sync/settings';
import { SYNC_LEVELS, type SyncLevel } from '../../shared/sync/levels';
import type { ChangeRecord } from '../../shared/model/change';
import type { SetAside, SyncProblem } from '../../shared/sync/status';
import { writeFileAtomic } from '../store/atomic-write';
import { readRoster, serialiseRoster, type Roster } from './roster';

export const SYNC_DIR = 'sync';

const problemFields = {
  code: z.string(),
  detail: z.string().optional(),
  device: z.string().optional(),
  file: z.string().optional(),
  record: z.string().optional(),
  value: z.string().optional(),
  field: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
};
const problemSchema = z.object(problemFields) as z.ZodType<SyncProblem>;
const refusedSchema = z.object({ ...problemFields, level: z.enum(SYNC_LEVELS), at: z.string() }) as z.ZodType<RefusedEntry>;
export type RefusedEntry = SetAside['refused'][number];

const awaitingSchema = z.object({
  device: z.string(),
  level: z.enum(SYNC_LEVELS),
  /** What its device.json says: its key (null: an older version, no key) and the role it asks for. */
  publicKey: z.string().nullable(),
  role: z.enum(['organiser', 'producer']),
  producerId: z.string().nullable(),
});
export type AwaitingCopy = z.infer<typeof awaitingSchema>;

/**
 * Caps on what is held back from other copies (issue 13: a 40 MB hostile batch
 * became a 40 MB state.json re-merged at every sync). Past them the newest are
 * let go and counted; the sync screen shows the counts.
 */
export const MAX_PARKED = 5_000;
export const MAX_PARKED_BYTES = 2 * 1024 * 1024;
export const MAX_REFUSED = 200;

const fileMarkSchema = z.object({ size: z.number().int().min(0), mtimeMs: z.number() });

const folderStateSchema = z.object({
  /** The folder these positions belong to: choosing another folder starts again. */
  path: z.string(),
  /** The last journal entry written to this folder. */
  exportedN: z.number().int().min(0),
  /** The last batch this copy wrote to the folder. */
  mySeq: z.number().int().min(0),
  /** Whether this copy's first snapshot (its whole state) is in the folder. */
  snapshotWritten: z.boolean(),
  batchesSinceSnapshot: z.number().int().min(0),
  /**
   * Per other device: the last batch merged, the checksum of the last snapshot merged, and that
   * snapshot file's size and time: while they hold, a sync does not read it again (issue 11).
   */
  read: z.record(z.string(), z.object({ seq: z.number().int().min(0), snapshot: z.string().nullable(), snapshotFile: fileMarkSchema.optional() })),
  lastSyncAt: z.string().nullable(),
  problems: z.array(problemSchema),
  /** Whether this copy's files in the folder are signed: a folder synced before keys existed gets a signed snapshot first. */
  signed: z.boolean().default(false),
  /** This copy's batches in the folder, as written (size, time): one that no longer matches is read to see whether it is damaged. */
  written: z.record(z.string(), fileMarkSchema).default({}),
  /** What the batches since the last snapshot weigh, and that snapshot: it is rewritten once they weigh a share of it (engine.ts). */
  bytesSinceSnapshot: z.number().int().min(0).default(0),
  snapshotBytes: z.number().int().min(0).default(0),
});
export type FolderState = z.infer<typeof folderStateSchema>;

const stateSchema = z.object({
  folders: z.partialRecord(z.enum(SYNC_LEVELS), folderStateSchema),
  /** Changes whose record is not whole yet (its creation is still on its way): merged again next time. */
  parked: z.array(z.unknown()) as z.ZodType<ChangeRecord[]>,
  parkedDropped: z.number().int().min(0).default(0),
  /** What was refused from other copies, newest last, until the organiser discards it. */
  refused: z.array(refusedSchema).default([]),
  refusedDropped: z.number().int().min(0).default(0),
  /** The ordered totals organisers last published in the producers folder (a producer's copy shows them). */
  published: z.object({ at: z.string(), totals: z.record(z.string(), z.record(z.string(), z.number())) }).nullable(),
  /** Copies seen in a folder that are not on the roster: their files wait for the organiser's approval. */
  awaiting: z.array(awaitingSchema).default([]),
  /**
   * The roster this copy first trusted, unchecked (trust on first use): whose, and when. Kept for
   * good and shown on the sync screen, so the organiser can compare the keeper's code afterwards.
   */
  firstTrust: z.object({ keeper: z.string(), keeperKey: z.string(), at: z.string() }).nullable().default(null),
});
export type SyncState = z.infer<typeof stateSchema>;

export function freshFolderState(path: string): FolderState {
  return { path, exportedN: 0, mySeq: 0, snapshotWritten: false, batchesSinceSnapshot: 0, read: {}, lastSyncAt: null, problems: [], signed: false, written: {}, bytesSinceSnapshot: 0, snapshotBytes: 0 };
}

export function emptyState(): SyncState {
  return { folders: {}, parked: [], parkedDropped: 0, refused: [], refusedDropped: 0, published: null, awaiting: [], firstTrust: null };
}

/** Keeps the parked changes within MAX_PARKED and MAX_PARKED_BYTES, the first ones parked first. */
export function park(state: SyncState, parked: readonly ChangeRecord[]): void {
  const kept: ChangeRecord[] = [];
  let bytes = 0;
  for (const change of parked) {
    const size = JSON.stringify(change).length;
    if (kept.length >= MAX_PARKED || bytes + size > MAX_PARKED_BYTES) {
      state.parkedDropped += 1;
      continue;
    }
    kept.push(change);
    bytes += size;
  }
  state.parked = kept;
}

/** Lists what a sync refused (once each: a file read again is not listed twice), the newest kept within MAX_REFUSED. */
export function refuse(state: SyncState, level: SyncLevel, problems: readonly SyncProblem[], now: Date): void {
  if (problems.length === 0) return;
  const byKey = new Map(state.refused.map((entry) => [refusalKey(entry), entry]));
  for (const problem of problems) {
    const entry = { ...problem, level, at: now.toISOString() };
    const key = refusalKey(entry);
    // Deleted first so that a refusal seen again moves to the end, with the newest.
    byKey.delete(key);
    byKey.set(key, entry);
  }
  const all = [...byKey.values()];
  const over = Math.max(0, all.length - MAX_REFUSED);
  state.refusedDropped += over;
  state.refused = all.slice(over);
}

function refusalKey(entry: SyncProblem & { level: SyncLevel }): string {
  return JSON.stringify([entry.level, entry.code, entry.device ?? '', entry.file ?? '', entry.record ?? '', entry.field ?? '', entry.value ?? '', entry.detail ?? '']);
}

async function readJson<T>(path: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  try {
    const parsed = schema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export class SyncFiles {
  constructor(private readonly dataDir: string) {}

  path(name: string): string {
    return join(this.dataDir, SYNC_DIR, name);
  }

  settings(): Promise<SyncSettings> {
    return readJson(this.path('settings.json'), syncSettingsSchema, DEFAULT_SYNC_SETTINGS);
  }

  saveSettings(settings: SyncSettings): Promise<void> {
    return writeFileAtomic(this.path('settings.json'), `${JSON.stringify(settings, null, 1)}\n`);
  }

  state(): Promise<SyncState> {
    return readJson(this.path('state.json'), stateSchema, emptyState());
  }

  /** The roster this copy keeps (the keeper) or last read and checked from the keeper (the others). */
  async roster(): Promise<Roster | null> {
    try {
      return readRoster(await readFile(this.path('roster.json'), 'utf8'));
    } catch {
      return null;
    }
  }

  saveRoster(roster: Roster): Promise<void> {
    return writeFileAtomic(this.path('roster.json'), serialiseRoster(roster));
  }

  saveState(state: SyncState): Promise<void> {
    return writeFileAtomic(this.path('state.json'), `${JSON.stringify(state)}\n`);
  }
}

export function configuredLevels(settings: SyncSettings): { level: SyncLevel; folder: string }[] {
  const levels: { level: SyncLevel; folder: string }[] = [];
  if (settings.role === 'organiser' && settings.teamFolder) levels.push({ level: 'team', folder: settings.teamFolder });
  if (settings.producersFolder) levels.push({ level: 'producers', folder: settings.producersFolder });
  return levels;
}

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
import type { SyncProblem } from '../../shared/sync/status';
import { writeFileAtomic } from '../store/atomic-write';

export const SYNC_DIR = 'sync';

const problemSchema = z.object({ code: z.string(), detail: z.string().optional() }) as z.ZodType<SyncProblem>;

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
  /** Per other device: the last batch merged, and the checksum of the last snapshot merged. */
  read: z.record(z.string(), z.object({ seq: z.number().int().min(0), snapshot: z.string().nullable() })),
  lastSyncAt: z.string().nullable(),
  problems: z.array(problemSchema),
});
export type FolderState = z.infer<typeof folderStateSchema>;

const stateSchema = z.object({
  folders: z.partialRecord(z.enum(SYNC_LEVELS), folderStateSchema),
  /** Changes whose record is not whole yet (its creation is still on its way): merged again next time. */
  parked: z.array(z.unknown()) as z.ZodType<ChangeRecord[]>,
  /** The ordered totals organisers last published in the producers folder (a producer's copy shows them). */
  published: z.object({ at: z.string(), totals: z.record(z.string(), z.record(z.string(), z.number())) }).nullable(),
});
export type SyncState = z.infer<typeof stateSchema>;

export function freshFolderState(path: string): FolderState {
  return { path, exportedN: 0, mySeq: 0, snapshotWritten: false, batchesSinceSnapshot: 0, read: {}, lastSyncAt: null, problems: [] };
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
    return readJson(this.path('state.json'), stateSchema, { folders: {}, parked: [], published: null });
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

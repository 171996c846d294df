/**
 * How this copy of the app syncs: kept with its data folder (sync/settings.json),
 * never synced itself — each copy chooses its own folders and role.
 */
import { z } from 'zod';
import { id } from '../model/fields';

const folderPath = z.string().trim().max(1000).nullable();

export const syncSettingsSchema = z.strictObject({
  /** An organiser's copy holds everything; a producer's copy is set up for one producer and writes its offers. */
  role: z.enum(['organiser', 'producer']),
  producerId: id.nullable(),
  /** The team folder (everything): organisers only. */
  teamFolder: folderPath,
  /** The producers folder (no member data). */
  producersFolder: folderPath,
  /** Minutes between automatic syncs while a folder is there; 0 = only when asked. */
  autoSyncMinutes: z.number().int({ message: 'validation.integer' }).min(0).max(24 * 60),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  role: 'organiser',
  producerId: null,
  teamFolder: null,
  producersFolder: null,
  autoSyncMinutes: 5,
};

export const syncSettingsPatchSchema = syncSettingsSchema.partial();
export type SyncSettingsPatch = z.infer<typeof syncSettingsPatchSchema>;

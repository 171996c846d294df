/**
 * The sync settings form as typed: every field is text until it is read, so a
 * refused save keeps exactly what was typed.
 */
import type { FieldIssue } from '../../../shared/contract/errors';
import type { SyncSettings, SyncSettingsPatch } from '../../../shared/sync/settings';

export const SYNC_FIELDS = ['role', 'producerId', 'teamFolder', 'producersFolder', 'autoSyncMinutes'] as const;
export type SyncFieldName = (typeof SYNC_FIELDS)[number];

export interface SyncSettingsText {
  role: SyncSettings['role'];
  /** '' = not chosen yet. */
  producerId: string;
  teamFolder: string;
  producersFolder: string;
  autoSyncMinutes: string;
}

export function syncSettingsText(settings: SyncSettings): SyncSettingsText {
  return {
    role: settings.role,
    producerId: settings.producerId ?? '',
    teamFolder: settings.teamFolder ?? '',
    producersFolder: settings.producersFolder ?? '',
    autoSyncMinutes: String(settings.autoSyncMinutes),
  };
}

export const MAX_AUTO_SYNC_MINUTES = 24 * 60;

/**
 * What to send: an empty folder is "none"; a producer's copy sends no team
 * folder (it never holds member data) and an organiser's no producer.
 */
export function readSyncSettingsText(text: SyncSettingsText): { ok: true; patch: SyncSettingsPatch } | { ok: false; issues: FieldIssue[] } {
  const minutesText = text.autoSyncMinutes.trim();
  if (!/^\d+$/.test(minutesText)) return { ok: false, issues: [{ path: 'autoSyncMinutes', key: 'validation.integer' }] };
  const autoSyncMinutes = Number(minutesText);
  if (autoSyncMinutes > MAX_AUTO_SYNC_MINUTES) {
    return { ok: false, issues: [{ path: 'autoSyncMinutes', key: 'validation.max', params: { max: MAX_AUTO_SYNC_MINUTES } }] };
  }
  const folder = (typed: string) => typed.trim() || null;
  const producerCopy = text.role === 'producer';
  return {
    ok: true,
    patch: {
      role: text.role,
      producerId: producerCopy ? text.producerId || null : null,
      teamFolder: producerCopy ? null : folder(text.teamFolder),
      producersFolder: folder(text.producersFolder),
      autoSyncMinutes,
    },
  };
}

/** What the sync settings screen shows: the contract's result types for sync. */
import type { SyncLevel } from './levels';
import type { SyncSettings } from './settings';

export const SYNC_PROBLEMS = [
  /** The folder is not there (USB key out, network drive not mounted). */
  'folderMissing',
  /** The folder is there but this copy cannot write in it. */
  'notWritable',
  /** The folder was set up for the other sharing level (team vs producers). */
  'wrongLevel',
  /** A file written by a newer version of Cabas: update this copy. */
  'newerFormat',
  /** Another device's clock is too far ahead: its changes wait until its clock is right. */
  'clockAhead',
  /** A file is still being copied by the sync tool: read next time. */
  'waiting',
  /** A file in the folder is not a Cabas sync file or is damaged: skipped. */
  'invalidFile',
  /** A producer's copy sent a change it may not make (not one of its offers): ignored. */
  'refused',
] as const;
export type SyncProblemCode = (typeof SYNC_PROBLEMS)[number];

export interface SyncProblem {
  code: SyncProblemCode;
  /** The file or device concerned, or the technical reason. */
  detail?: string;
}

export interface SyncProgress {
  phase: 'reading' | 'merging' | 'writing';
  done: number;
  total: number;
}

export interface FolderStatus {
  level: SyncLevel;
  folder: string;
  lastSyncAt: string | null;
  /** Changes of this copy not yet written to the folder. */
  pending: number;
  problems: SyncProblem[];
}

export interface SyncStatus {
  settings: SyncSettings;
  deviceId: string;
  running: boolean;
  progress: SyncProgress | null;
  folders: FolderStatus[];
  /** Open conflicts for the organiser to resolve. */
  conflicts: number;
}

export interface SyncReport {
  folders: { level: SyncLevel; received: number; sent: number; problems: SyncProblem[] }[];
}

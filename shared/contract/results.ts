import type { MessageKey } from '../i18n/messages';
import type { Language } from '../model/fields';
import type { MessageParams } from './errors';

/** Something the user should know about a change that still went through. */
export interface Warning {
  key: MessageKey;
  params?: MessageParams;
}

/** Why the store could not open a file; the recovery screen shows it. */
/** `missing`: a file Cabas wrote in this folder is no longer there (expected-files.ts). */
export type DamageReason = 'unreadable' | 'invalidJson' | 'schema' | 'newerVersion' | 'missing';

export interface StoreProblem {
  /** Path relative to the data folder, e.g. `producers.json`. */
  file: string;
  reason: DamageReason;
  detail: string;
}

export type AppStatus =
  | {
      state: 'ready';
      dataDir: string;
      formatVersion: number;
      language: Language;
      deviceId: string;
      /** A restore was cut short (the app was killed): at this open it was carried through, or undone. */
      interruptedRestore?: 'finished' | 'undone';
      /** The last daily backup failed (none succeeded since): when it was tried and the system's message. It is tried again later. */
      backupFailed?: { at: string; detail: string };
    }
  | { state: 'recovery'; dataDir: string; formatVersion: number; problem: StoreProblem };

export type BackupKind = 'daily' | 'manual' | 'pre-migration' | 'pre-restore';

export interface BackupInfo {
  id: string;
  kind: BackupKind;
  createdAt: string;
  files: string[];
  /** False when one of its files fails to parse; such a backup is never offered for recovery. */
  readable: boolean;
}

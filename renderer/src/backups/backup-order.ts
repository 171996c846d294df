import type { BackupInfo } from '../../../shared/contract/results';

/** Newest first: the one an organiser most likely wants is at the top. ISO instants sort as text. */
export function newestFirst(backups: readonly BackupInfo[]): BackupInfo[] {
  return [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Only readable backups may be offered for a restore. */
export function readableNewestFirst(backups: readonly BackupInfo[]): BackupInfo[] {
  return newestFirst(backups.filter((backup) => backup.readable));
}

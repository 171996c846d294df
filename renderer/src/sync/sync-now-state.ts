/**
 * Whether "Sync now" can do anything (issue 16): a shared folder to sync with, or the online shop
 * to keep current — a relay that uses only the shop syncs from this screen too.
 */
export function canSyncNow({ folderCount, shopConfigured }: { folderCount: number; shopConfigured: boolean }): boolean {
  return folderCount > 0 || shopConfigured;
}

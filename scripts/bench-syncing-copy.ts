/**
 * A copy that syncs, for the durable-change table of `npm run bench` (issue 11): the bench's relay folder
 * copied as it stands, opened the way the app opens it (openBackend), with a team sync folder set (role
 * organiser) so that every committed change is also journaled for that folder. No sync runs — no snapshot, no
 * join, no timed sync (autoSyncMinutes 0): what is measured beside the store alone is the cost of one change on
 * a syncing copy, not a second copy's load.
 */
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend, type Backend } from '../electron/backend';
import { BACKUPS_DIR } from '../electron/store/backups';
import { SYNC_DIR } from '../electron/sync/state';

export interface SyncingCopy {
  backend: Backend;
  /** Bytes under the copy's sync/ folder: their growth over the measured changes shows each one was journaled. */
  syncBytes(): Promise<number>;
  close(keep: boolean): Promise<void>;
}

export async function openSyncingCopy(dataDir: string, label: string): Promise<SyncingCopy> {
  const copyDir = await mkdtemp(join(tmpdir(), `cabas-bench-syncing-${label}-`));
  const teamFolder = await mkdtemp(join(tmpdir(), `cabas-bench-team-${label}-`));
  // The same files with their times kept, so its validated-files list still trusts them as the store alone's does;
  // the backups are left behind (neither copy backs up while measured) to spare copying 130 MB at 5 years.
  await cp(dataDir, copyDir, { recursive: true, preserveTimestamps: true, filter: (source) => source !== join(dataDir, BACKUPS_DIR) });
  const backend = await openBackend({ dataDir: copyDir, dailyBackup: false });
  await backend.syncer.saveSettings({ role: 'organiser', teamFolder, autoSyncMinutes: 0 });
  return {
    backend,
    syncBytes: () => folderBytes(join(copyDir, SYNC_DIR)),
    async close(keep) {
      await backend.close();
      if (keep) console.log(`kept ${copyDir} (team folder ${teamFolder})`);
      else for (const dir of [copyDir, teamFolder]) await rm(dir, { recursive: true, force: true });
    },
  };
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

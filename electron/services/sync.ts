/** The sync operations of the contract, handed to this copy's Syncer. */
import type { ConflictAction } from '../../shared/sync/conflicts';
import type { SyncSettingsPatch } from '../../shared/sync/settings';
import type { Syncer } from '../sync/syncer';

export function syncService(syncer: () => Syncer) {
  return {
    'sync.status': async () => syncer().status(),
    'sync.saveSettings': (patch: SyncSettingsPatch) => syncer().saveSettings(patch),
    'sync.now': () => syncer().syncNow(),
    'sync.conflicts': async () => syncer().conflicts(),
    'sync.resolveConflict': ({ conflictId, action }: { conflictId: string; action: ConflictAction }) => syncer().resolve(conflictId, action),
  };
}

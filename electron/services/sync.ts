/** The sync operations of the contract, handed to this copy's Syncer. */
import type { ConflictAction } from '../../shared/sync/conflicts';
import type { SyncSettingsPatch } from '../../shared/sync/settings';
import type { Syncer } from '../sync/syncer';

/** Opens the system's folder dialog; resolves to null when the organiser cancels. */
export type FolderChooser = () => Promise<string | null>;

export function syncService(syncer: Syncer, chooseFolder?: FolderChooser) {
  return {
    'sync.status': async () => syncer.status(),
    'sync.saveSettings': (patch: SyncSettingsPatch) => syncer.saveSettings(patch),
    'sync.now': () => syncer.syncNow(),
    'sync.conflicts': async () => syncer.conflicts(),
    'sync.discardSetAside': () => syncer.discardSetAside(),
    'sync.approveCopy': ({ device }: { device: string }) => syncer.approveCopy(device),
    'sync.removeCopy': ({ device }: { device: string }) => syncer.removeCopy(device),
    'sync.resolveConflict': ({ conflictId, action }: { conflictId: string; action: ConflictAction }) => syncer.resolve(conflictId, action),
    /** In the browser host there is no dialog: `supported: false` and the screen asks for the path instead. */
    'sync.chooseFolder': async () => (chooseFolder ? { supported: true, path: await chooseFolder() } : { supported: false, path: null }),
  };
}

/**
 * The open data folder: either a ready store or the recovery state naming the
 * damaged file. Restoring a backup reopens it. Services reach the store only
 * through here, so a restore swaps the data for every screen at once.
 */
import type { AppStatus, StoreProblem } from '../../shared/contract/results';
import { UserError } from '../../shared/contract/errors';
import { finishRestore, listBackups, restoreBackup, createBackup } from './backups';
import { removeStaleTemps } from './stale-temps';
import { currentFormat } from './migrations';
import { openStore, type Store, type StoreOptions } from './store';
import { RELAY_ID } from './entities';
import { watchConflicts } from '../sync/conflict-check';
import { DEFAULT_RELAY_SETTINGS } from '../../shared/model/relay';

export class Workspace {
  private state: { store: Store } | { problem: StoreProblem } | null = null;
  /** Said on screen until the next restore: which state an interrupted restore left. */
  private interruptedRestore: 'finished' | 'undone' | undefined;

  private constructor(private readonly options: StoreOptions) {}

  static async open(options: StoreOptions): Promise<Workspace> {
    // Only here, before anything writes: a later reopen (after a restore) may run beside a sync writing its state.
    await removeStaleTemps(options.dataDir);
    const workspace = new Workspace(options);
    await workspace.reopen();
    return workspace;
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  private get format() {
    return this.options.format ?? currentFormat;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async reopen(): Promise<void> {
    // A restore cut short (a crash, a failed write) is finished or dropped before the data is read: never a mix.
    const finished = await finishRestore(this.dataDir);
    if (finished) this.interruptedRestore = finished === 'rolledForward' ? 'finished' : 'undone';
    const opened = await openStore(this.options);
    // The conflicts list follows the store's changes from its open, to recheck only what they touched.
    if (opened.state === 'ready') watchConflicts(opened.store);
    this.state = opened.state === 'ready' ? { store: opened.store } : { problem: opened.problem };
  }

  get inRecovery(): boolean {
    return this.state !== null && 'problem' in this.state;
  }

  /** The ready store; services call this, and the dispatcher has already refused calls in recovery. */
  get store(): Store {
    if (this.state && 'store' in this.state) return this.state.store;
    throw new UserError('error.recoveryMode');
  }

  status(): AppStatus {
    const base = { dataDir: this.dataDir, formatVersion: this.format.version };
    if (this.state && 'problem' in this.state) return { state: 'recovery', problem: this.state.problem, ...base };
    const store = this.store;
    const language = store.get('relay', RELAY_ID)?.language ?? DEFAULT_RELAY_SETTINGS.language;
    const backupFailed = store.backupFailure;
    return {
      state: 'ready',
      language,
      deviceId: store.deviceId,
      ...base,
      ...(this.interruptedRestore && { interruptedRestore: this.interruptedRestore }),
      ...(backupFailed && { backupFailed }),
    };
  }

  listBackups() {
    return listBackups(this.dataDir, this.format);
  }

  async backupNow() {
    const store = this.store;
    // A daily backup under way is waited for outside the changes' queue: the changes asked meanwhile go on
    // (issue 11: they waited for the daily backup to end, seconds at five years). Which of them the manual
    // backup holds does not matter; a restore, which must land before the changes asked after it, joins at once.
    await store.filesIdle();
    return store.withFoldsHeld(async () => {
      await store.fold();
      return createBackup(this.dataDir, 'manual', this.now());
    });
  }

  /** Folds the journal into the data files and closes it: the app or the host is quitting. */
  async close(): Promise<void> {
    if (this.state && 'store' in this.state) await this.state.store.close();
  }

  async restore(backupId: string): Promise<AppStatus> {
    this.interruptedRestore = undefined;
    const restore = (beforeSwitch?: () => Promise<void>) =>
      restoreBackup(this.dataDir, backupId, this.format, this.inRecovery ? 'recovery' : 'ready', this.now(), beforeSwitch);
    if (this.inRecovery) {
      await restore();
      await this.reopen();
      return this.status();
    }
    const replaced = this.store;
    // No fold of the old memory runs during the restore; the journal is folded once the backup is known good,
    // so the pre-restore backup copies complete files and a refused restore changes nothing.
    await replaced.withFoldsHeld(async () => {
      await restore(() => replaced.fold());
      // Retired before reopening, so that even if the reopen fails nothing queued writes stale data.
      replaced.retire(null);
      await this.reopen();
      replaced.retire(this.state && 'store' in this.state ? this.state.store : null);
    });
    return this.status();
  }
}

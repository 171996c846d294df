/**
 * This copy's sync: its settings, the journal every committed change is added
 * to while a folder is set, syncing with each folder in turn (now, or every few
 * minutes while the folder is there), the progress and problems the settings
 * screen shows, and the conflicts list.
 */
import { stat } from 'node:fs/promises';
import { UserError } from '../../shared/contract/errors';
import type { ChangeRecord } from '../../shared/model/change';
import { syncSettingsSchema, type SyncSettings, type SyncSettingsPatch } from '../../shared/sync/settings';
import type { CopiesStatus, FolderStatus, SetAside, SetAsideReason, SyncProblem, SyncProgress, SyncReport, SyncStatus } from '../../shared/sync/status';
import type { ConflictAction, SyncConflict } from '../../shared/sync/conflicts';
import type { Store } from '../store/store';
import type { JournaledChanges, SyncLog } from '../store/sync-log';
import { ConflictBook, mergeOrders, renumber, restorePayment, trimOrders } from './conflicts';
import { reconcileOrders } from '../services/account-entries';
import { pendingFor, syncFolder } from './engine';
import { FolderProblem, SyncFolder } from './folder';
import { Journal } from './journal';
import { configuredLevels, refuse, SyncFiles, type SyncState } from './state';
import { loadIdentity, shortCode, type Identity } from './identity';
import { approve, removeCopy, serialiseRoster, type Roster } from './roster';

export class Syncer implements SyncLog {
  private running: Promise<SyncReport> | null = null;
  private progress: SyncProgress | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private identityOnce: Promise<Identity> | null = null;
  /** What the timed sync keeps current besides the folders (the relay's online shop, issue 16); it says itself whether it is set up. */
  private companion: (() => Promise<unknown>) | null = null;

  private constructor(
    private readonly dataDir: string,
    private readonly store: () => Store,
    private readonly files: SyncFiles,
    private readonly journal: Journal,
    private readonly conflictBook: ConflictBook,
    private settingsNow: SyncSettings,
    private state: SyncState,
    private roster: Roster | null,
    private readonly now: () => Date,
  ) {}

  static async open(dataDir: string, store: () => Store, now: () => Date = () => new Date()): Promise<Syncer> {
    const files = new SyncFiles(dataDir);
    const syncer = new Syncer(dataDir, store, files, await Journal.open(files.path('journal.jsonl')), await ConflictBook.open(files.path('conflicts.json')), await files.settings(), await files.state(), await files.roster(), now);
    return syncer;
  }

  /**
   * The store's sync log (StoreOptions.syncLog): a commit's entries, numbered on from the journal's
   * head, ride in the store's journal line. Merged from the only folder set: no other folder to
   * pass them on to (a folder set later starts with a snapshot), so a new copy joining years of
   * history journals nothing of them (issue 11).
   */
  entriesFor(changes: readonly ChangeRecord[], origin: string | null): JournaledChanges | undefined {
    const levels = configuredLevels(this.settingsNow);
    if (levels.every(({ level }) => level === origin)) return undefined;
    return { from: this.journal.next, origin, changes: [...changes] };
  }

  taken(entries: JournaledChanges): void {
    this.journal.take(entries);
  }

  flush(): Promise<void> {
    return this.journal.flush();
  }

  /** Restores what the last sync learnt that is not relay data (a producer's copy: the ordered totals). */
  attach(): void {
    if (this.state.published && this.settingsNow.role === 'producer') this.store().setPublishedOrdered(this.state.published.totals);
  }

  async forgetReadPositions(): Promise<void> {
    const folders = Object.values(this.state.folders);
    for (const folder of folders) folder.read = {};
    // A copy that never synced has nothing to forget, and no sync/ folder to create.
    if (folders.length > 0) await this.files.saveState(this.state);
    // The reopened store is a new one: it needs the published ordered totals again (unless the folder is still damaged).
    try {
      this.attach();
    } catch {
      /* in recovery: attached on the next sync */
    }
  }

  settings(): SyncSettings {
    return this.settingsNow;
  }

  /** When this copy last finished a sync with its team folder (null: never); undefined without one (the outbox's sending role). */
  teamSyncedAt(): string | null | undefined {
    const team = configuredLevels(this.settingsNow).find(({ level }) => level === 'team');
    if (!team) return undefined;
    const folderState = this.state.folders.team;
    return folderState?.path === team.folder ? folderState.lastSyncAt : null;
  }

  /** A producer's copy changes only its offers (and its own sync): the rest comes from the organisers. */
  refuses(mutates: boolean, operation: string): boolean {
    return mutates && this.settingsNow.role === 'producer' && !PRODUCER_COPY_OPERATIONS.has(operation);
  }

  async saveSettings(patch: SyncSettingsPatch): Promise<SyncSettings> {
    const next = { ...this.settingsNow, ...patch };
    for (const key of ['teamFolder', 'producersFolder'] as const) if (next[key] === '') next[key] = null;
    // Checked whatever the role (an organiser's copy then drops it): a producer no copy holds is a mistake to show, not to save past.
    if (patch.producerId != null && !this.store().get('producer', patch.producerId)) {
      throw new UserError('error.invalidInput', undefined, [{ path: 'producerId', key: 'error.producerNotFound' }]);
    }
    if (next.role === 'producer') {
      // A producer's copy never holds the team folder. Its producer may be chosen after the
      // first sync (the producer list comes with it); until then it sends nothing.
      next.teamFolder = null;
      if (next.producerId !== null && !this.store().get('producer', next.producerId)) {
        throw new UserError('error.invalidInput', undefined, [{ path: 'producerId', key: 'error.producerNotFound' }]);
      }
    } else next.producerId = null;
    const valid = syncSettingsSchema.parse(next);
    for (const key of ['teamFolder', 'producersFolder'] as const) {
      const folder = valid[key];
      if (folder !== null && !(await isFolder(folder))) throw new UserError('error.invalidInput', undefined, [{ path: key, key: 'sync.problem.folderMissing', params: { detail: folder } }]);
    }
    if (valid.teamFolder !== null && valid.teamFolder === valid.producersFolder) {
      throw new UserError('error.invalidInput', undefined, [{ path: 'producersFolder', key: 'sync.sameFolder' }]);
    }
    await this.files.saveSettings(valid);
    this.settingsNow = valid;
    this.schedule();
    return valid;
  }

  /** This copy's key pair, made the first time sync needs it (the sync screen shows its code, a sync signs with it). */
  /** This copy's key (made on first use): what signs its publications on the network's CouchDB too (issue 16). */
  copyIdentity(): Promise<Identity> {
    return this.identity();
  }

  /** Refusals found outside the folders (a producer's publications on the network's CouchDB, issue 16): listed with the folders' own. */
  async listRefused(problems: readonly SyncProblem[]): Promise<void> {
    if (problems.length === 0) return;
    // Not in the middle of a sync, which would save its own view of the state over this one.
    await this.running?.catch(() => undefined);
    refuse(this.state, 'producers', problems, this.now());
    await this.files.saveState(this.state);
  }

  private identity(): Promise<Identity> {
    this.identityOnce ??= loadIdentity(this.dataDir).catch((error: unknown) => {
      this.identityOnce = null;
      throw error;
    });
    return this.identityOnce;
  }

  /**
   * The organiser approves a copy waiting in a folder, having compared the code on
   * both screens: it goes on the roster with the role it asked for, signed again.
   */
  async approveCopy(device: string): Promise<SyncStatus> {
    await this.running?.catch(() => undefined);
    // Checked before the key is loaded: a refused call writes nothing (not even a first key pair).
    if (!this.roster || this.roster.keeper !== this.store().deviceId) throw new UserError('error.notRosterKeeper');
    const candidate = this.state.awaiting.find((copy) => copy.device === device);
    if (!candidate) throw new UserError('error.copyNotAwaiting');
    // A copy of an older version has no key to approve: it must be updated first.
    if (candidate.publicKey === null) throw new UserError('error.copyWithoutKey');
    if (candidate.role === 'producer' && (candidate.producerId === null || !this.store().get('producer', candidate.producerId))) throw new UserError('error.copyWithoutProducer');
    const identity = await this.identity();
    await this.publishRoster(approve(identity, this.roster, { device, publicKey: candidate.publicKey, role: candidate.role, producerId: candidate.role === 'producer' ? candidate.producerId : null }, this.now()));
    this.state.awaiting = this.state.awaiting.filter((copy) => copy.device !== device);
    await this.files.saveState(this.state);
    return this.status();
  }

  /**
   * The organiser takes a copy off the roster (a lost laptop, a producer who left), after
   * confirming on screen: what it sent before stays; every file it writes afterwards is refused and listed.
   */
  async removeCopy(device: string): Promise<SyncStatus> {
    await this.running?.catch(() => undefined);
    if (!this.roster || this.roster.keeper !== this.store().deviceId) throw new UserError('error.notRosterKeeper');
    if (device === this.roster.keeper || !this.roster.copies.some((copy) => copy.device === device)) throw new UserError('error.copyNotOnRoster');
    const identity = await this.identity();
    await this.publishRoster(removeCopy(identity, this.roster, device, this.now()));
    return this.status();
  }

  private async publishRoster(roster: Roster): Promise<void> {
    this.roster = roster;
    await this.files.saveRoster(roster);
    // Published now, so the other copies learn it at their next sync without waiting for this one's.
    for (const { level, folder } of configuredLevels(this.settingsNow)) {
      await new SyncFolder(folder, level, this.store().deviceId).writeRoster(serialiseRoster(roster)).catch(() => undefined);
    }
  }

  /** One sync with every folder set; a second call while one runs waits for it. */
  syncNow(): Promise<SyncReport> {
    this.running ??= this.run().finally(() => {
      this.running = null;
      this.progress = null;
    });
    return this.running;
  }

  private async run(): Promise<SyncReport> {
    const report: SyncReport = { folders: [] };
    const store = this.store();
    const trust = {
      identity: await this.identity(),
      roster: this.roster,
      save: async (roster: Roster) => {
        this.roster = roster;
        await this.files.saveRoster(roster);
        // Saved with the state at the end of this folder's sync.
        this.state.firstTrust ??= { keeper: roster.keeper, keeperKey: roster.keeperKey, at: this.now().toISOString() };
      },
    };
    for (const { level, folder } of configuredLevels(this.settingsNow)) {
      const concurrent = localPending(pendingFor({ store, journal: this.journal, settings: this.settingsNow, state: this.state }, level));
      try {
        const outcome = await syncFolder(
          { store, journal: this.journal, settings: this.settingsNow, state: this.state, now: this.now, progress: (progress) => (this.progress = progress), trust },
          level,
          folder,
        );
        await this.conflictBook.record(outcome.contests, (contest) => concurrent.has(`${contest.entityId}:${contest.field}@${contest.local.at}`), this.now());
        report.folders.push({ level, received: outcome.received, sent: outcome.sent, problems: outcome.problems });
      } catch (error) {
        if (!(error instanceof FolderProblem)) throw error;
        const folderState = this.state.folders[level];
        if (folderState) folderState.problems = [error.problem];
        report.folders.push({ level, received: 0, sent: 0, problems: [error.problem] });
      }
      await this.files.saveState(this.state);
    }
    const exported = configuredLevels(this.settingsNow).map(({ level }) => this.state.folders[level]?.exportedN ?? 0);
    if (exported.length > 0) await this.journal.compact(Math.min(...exported));
    return report;
  }

  async status(): Promise<SyncStatus> {
    const store = this.store();
    const folders: FolderStatus[] = configuredLevels(this.settingsNow).map(({ level, folder }) => {
      const folderState = this.state.folders[level];
      const current = folderState?.path === folder ? folderState : undefined;
      return {
        level,
        folder,
        lastSyncAt: current?.lastSyncAt ?? null,
        pending: current?.snapshotWritten ? pendingFor({ store, journal: this.journal, settings: this.settingsNow, state: this.state }, level).length : 0,
        problems: current?.problems ?? [],
      };
    });
    const copies = this.copies(store, await this.identity());
    return { settings: this.settingsNow, deviceId: store.deviceId, running: this.running !== null, progress: this.progress, folders, conflicts: this.conflicts().length, setAside: this.setAside(store), copies };
  }

  private copies(store: Store, identity: Identity): CopiesStatus {
    const roster = this.roster;
    const seen = new Set<string>();
    return {
      code: shortCode(identity.publicKey),
      keeper: roster?.keeper === store.deviceId,
      approved: roster?.copies.some((copy) => copy.device === store.deviceId && copy.publicKey === identity.publicKey) ?? false,
      keeperCode: roster ? shortCode(roster.keeperKey) : null,
      firstTrust: this.state.firstTrust && { code: shortCode(this.state.firstTrust.keeperKey), at: this.state.firstTrust.at },
      roster: (roster?.copies ?? []).map(({ device, publicKey, role, producerId }) => ({ device, role, producerId, code: shortCode(publicKey) })),
      // Seen in both folders: listed once.
      awaiting: this.state.awaiting.flatMap(({ device, publicKey, role, producerId }) => {
        if (seen.has(device)) return [];
        seen.add(device);
        return [{ device, role, producerId, code: publicKey === null ? null : shortCode(publicKey) }];
      }),
    };
  }

  /** Parked changes counted by why they wait, and the refused list (state.ts caps both). */
  private setAside(store: Store): SetAside {
    const counts = new Map<SetAsideReason, number>();
    for (const change of this.state.parked) {
      // A record this copy holds that the changes cannot update is made invalid by them; otherwise its creation has not come.
      const reason: SetAsideReason = store.get(change.entity, change.entityId) ? 'recordInvalid' : 'recordIncomplete';
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
    }
    return {
      parked: [...counts].map(([reason, count]) => ({ reason, count })),
      parkedDropped: this.state.parkedDropped,
      refused: this.state.refused,
      refusedDropped: this.state.refusedDropped,
    };
  }

  /** The organiser lets go of what is set aside: parked changes are no longer merged again, the refused list starts empty. */
  async discardSetAside(): Promise<SyncStatus> {
    // Not in the middle of a sync, which would save its own view of the state over this one.
    await this.running?.catch(() => undefined);
    Object.assign(this.state, { parked: [], parkedDropped: 0, refused: [], refusedDropped: 0 });
    await this.files.saveState(this.state);
    return this.status();
  }

  private cached: { store: Store; version: number; book: number; today: string; conflicts: SyncConflict[] } | null = null;

  /** Recomputed only when the data, the recorded conflicts or the day changed: the sync screen polls the count while a sync runs. */
  conflicts(): SyncConflict[] {
    const store = this.store();
    const today = this.now().toISOString().slice(0, 10);
    const key = { store, version: store.version, book: this.conflictBook.version, today };
    const cached = this.cached;
    if (cached && cached.store === key.store && cached.version === key.version && cached.book === key.book && cached.today === key.today) return cached.conflicts;
    const conflicts = this.conflictBook.list(store, today);
    this.cached = { ...key, conflicts };
    return conflicts;
  }

  async resolve(conflictId: string, action: ConflictAction): Promise<SyncConflict[]> {
    const store = this.store();
    const conflict = this.conflicts().find((candidate) => candidate.id === conflictId);
    if (!conflict) throw new UserError('error.conflictNotFound');
    const refuse = () => new UserError('error.conflictAction');
    switch (conflict.kind) {
      case 'stockOversold':
        if (action === 'raiseStock') {
          await store.transact((tx) => {
            const offer = tx.get('offer', conflict.offerId);
            if (offer) tx.put('offer', { ...offer, quantity: conflict.ordered, updatedAt: this.now().toISOString() });
          });
        } else if (action === 'trimOrders') await trimOrders(store, conflict.offerId, this.now());
        else throw refuse();
        break;
      case 'orderEdited':
        if (action !== 'keep' && action !== 'useOther') throw refuse();
        await this.conflictBook.resolveOrder(store, conflictId, action, this.now());
        break;
      case 'memberOrderedTwice':
        if (action !== 'mergeOrders') throw refuse();
        await mergeOrders(store, conflict.orders.map((order) => order.orderId), this.now());
        break;
      case 'basketShared':
        if (action !== 'renumber') throw refuse();
        await renumber(store, conflict.orders.map((order) => order.orderId), this.now());
        break;
      case 'paymentReversedTwice':
        if (action !== 'reconcile') throw refuse();
        await restorePayment(store, conflict.paymentId, this.now());
        break;
      case 'accountOutOfLine':
        if (action !== 'reconcile') throw refuse();
        // The same rule every check-in change applies: extra entries reversed with a reason, a missing debit written.
        await store.transact((tx) => {
          const order = tx.get('order', conflict.orderId);
          if (order) reconcileOrders(tx, [order], this.now());
        });
        break;
    }
    return this.conflicts();
  }

  /**
   * Joins another sync to the timed one: a relay taking online orders with no shared folder
   * (one laptop, members ordering on their phones) must still get its shop synced every few minutes.
   */
  alsoOnTimer(companion: () => Promise<unknown>): void {
    this.companion = companion;
    this.schedule();
  }

  /** Automatic sync every few minutes while a folder or a companion is set; a missing folder is reported, then tried again. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const minutes = this.settingsNow.autoSyncMinutes;
    if (minutes === 0 || (configuredLevels(this.settingsNow).length === 0 && this.companion === null)) return;
    this.timer = setTimeout(() => {
      void this.timedSync().finally(() => this.schedule());
    }, minutes * 60_000);
    this.timer.unref?.();
  }

  /** The folders (if any are set), then the companion: a folder that fails does not keep the shop from its sync. */
  async timedSync(): Promise<void> {
    if (configuredLevels(this.settingsNow).length > 0) await this.syncNow().catch(() => undefined);
    await this.companion?.().catch(() => undefined);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Writes the journal's held entries and closes its file, once the store is closed (its last fold may still hand it entries). */
  close(): Promise<void> {
    this.stop();
    return this.journal.close();
  }
}

/** Operations a producer's copy may run that change data. */
const PRODUCER_COPY_OPERATIONS = new Set(['offers.set', 'offers.saveMany', 'sync.saveSettings', 'sync.now', 'backups.create', 'backups.restore']);

/** The fields this copy changed that the folder has not seen yet: a remote write to one of them was made without seeing ours. */
function localPending(entries: { origin: string | null; change: ChangeRecord }[]): Set<string> {
  const keys = new Set<string>();
  for (const { origin, change } of entries) {
    if (origin !== null) continue;
    for (const field of Object.keys(change.fields)) keys.add(`${change.entityId}:${field}@${change.at}`);
  }
  return keys;
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}



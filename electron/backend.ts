/** Opens the data folder and wires the services behind one dispatch; used by Electron, the browser host and the tests alike. */
import { createDispatch, type Dispatch } from './dispatch';
import { createHandlers } from './services';
import { accountRules } from './services/account-entries';
import { startFreezing, type Freezer } from './services/frozen-rates';
import { startPlacing, type Placer } from './services/standing-orders';
import type { PrintAdapter } from './services/print';
import type { FolderChooser } from './services/sync';
import { BACKUP_AFTER_OPEN_MS } from './store/daily-backup';
import type { StoreOptions } from './store/store';
import { Workspace } from './store/workspace';
import { personalLinkFiller } from './shop/link-filler';
import { memoryShopAccount } from './shop/shop-account';
import { withRelayShop } from './shop/shop-name';
import { Syncer } from './sync/syncer';
import type { ShopAccountStore } from './shop/shop-account';
import { Outbox } from './outbox/outbox';
import type { TransportFactory } from './outbox/transport';
import type { FolderOpener } from './outbox/files';

export interface Backend {
  workspace: Workspace;
  dispatch: Dispatch;
  syncer: Syncer;
  /** Freezes the rates of distributions whose ordering closed by the clock (issue 15). */
  freezer: Freezer;
  /** Places standing orders in distributions whose ordering has opened (issue 12). */
  placer: Placer;
  /** Prepares the messages when ordering closes and sends them where an SMTP server is set (issue 15). */
  outbox: Outbox;
  /** Stops the sync and freezing timers and folds the store's journal into the data files; the app or host is quitting. */
  close(): Promise<void>;
}

export interface BackendOptions extends Omit<StoreOptions, 'syncLog'> {
  log?: (error: unknown) => void;
  /** Electron's hidden-window printing; the browser host leaves it out and prints from the page. */
  print?: PrintAdapter;
  /** Electron's folder dialog for the sync folders. */
  chooseFolder?: FolderChooser;
  /** Where this machine keeps the relay's CouchDB account (issue 16). */
  shopAccount?: ShopAccountStore;
  /** Electron's file manager, to open the outbox's `.eml` folder. */
  openFolder?: FolderOpener;
  /** The mail transport; tests pass one that fails on purpose. */
  mailTransport?: TransportFactory;
}

export async function openBackend(options: BackendOptions): Promise<Backend> {
  const { log, print, chooseFolder, openFolder, mailTransport, ...storeOptions } = options;
  // One account for the shop's services and the outbox, which fills members' links in from it (issue 16).
  // The shop's name is the relay's, synced, whatever this machine saved (shop/shop-name.ts).
  const shopAccount = withRelayShop(options.shopAccount ?? memoryShopAccount(), () => (workspace.inRecovery ? null : workspace.store));
  // The syncer first: the store hands it every committed change, and at open the ones its journal's
  // replayed lines carry (sync-log.ts); the syncer reads the store back once it is open.
  const ready = await Syncer.open(options.dataDir, () => workspace.store, options.now);
  const workspace = await Workspace.open({
    dailyBackup: { afterOpenMs: BACKUP_AFTER_OPEN_MS },
    ...storeOptions,
    // Derived rules run inside every transaction, whichever service or conflict resolution made it.
    rules: accountRules,
    syncLog: ready,
  });
  if (!workspace.inRecovery) ready.attach();
  ready.schedule();
  const now = options.now ?? (() => new Date());
  // A producer's copy receives the organiser's frozen rates by sync, like every distribution field.
  const freezer = await startFreezing(() => (workspace.inRecovery ? null : workspace.store), now, () => ready.settings().role !== 'producer', log);
  // Placed after the freeze, on the organiser's copies only: a producer's copy holds no orders.
  const placer = await startPlacing(() => (workspace.inRecovery ? null : workspace.store), now, () => ready.settings().role !== 'producer', log);
  // After the freeze: a closing's messages are prepared once its rates are frozen, on the organiser's copies only.
  const outbox = await Outbox.open({
    dataDir: options.dataDir,
    store: () => (workspace.inRecovery ? null : workspace.store),
    now,
    active: () => ready.settings().role !== 'producer',
    log,
    transport: mailTransport,
    fill: personalLinkFiller(shopAccount, (producerId) => (workspace.inRecovery ? null : (workspace.store.get('producer', producerId)?.networkId ?? null))),
    // The sending role is confirmed by a sync with the team folder (sending-copy.ts).
    teamSyncedAt: () => ready.teamSyncedAt(),
  });
  const dispatch = createDispatch({
    handlers: createHandlers(workspace, { now: options.now, print, syncer: ready, chooseFolder, shopAccount, outbox, openFolder }),
    inRecovery: () => workspace.inRecovery,
    log,
    refuses: (_name, mutates) => ready.refuses(mutates, _name),
  });
  const close = async () => {
    ready.stop();
    freezer.stop();
    placer.stop();
    await outbox.close();
    await workspace.close();
    // After the store's last fold, which writes the sync journal's held entries first.
    await ready.close();
  };
  return { workspace, dispatch, syncer: ready, freezer, placer, outbox, close };
}

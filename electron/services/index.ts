/**
 * Every operation's handler, keyed by its contract name. The `satisfies`
 * makes a missing or mistyped handler a compile error.
 */
import type { Handlers } from '../../shared/contract/api';
import type { Workspace } from '../store/workspace';
import { producersService } from './producers';
import { producersImportService } from './producers-import';
import { relayService } from './relay';
import { productsService } from './products';
import { distributionsService } from './distributions';
import { offersService } from './offers';
import { catalogueImportService } from './catalogue-import';
import { membersService } from './members';
import { membersImportService } from './members-import';
import { ordersService } from './orders';
import { orderIntakeService } from './order-intake';
import { orderFormsService } from './order-forms';
import { settlementService } from './settlement';
import { invoicesService } from './invoices';
import { slotsService } from './slots';
import { checkinService } from './checkin';
import { accountsService } from './accounts';
import { counterService } from './counter';
import { tillService } from './till';
import { standingOrdersService } from './standing-orders';
import { peopleExportService } from './people-export';
import { browserPrinting, printService, type PrintAdapter } from './print';
import type { Syncer } from '../sync/syncer';
import { syncService, type FolderChooser } from './sync';
import { shopService } from './shop';
import { memoryShopAccount, type ShopAccountStore } from '../shop/shop-account';
import { networkService } from '../shop/network-sync';
import { networkStockFile } from '../shop/network-stock';
import type { Outbox } from '../outbox/outbox';
import type { FolderOpener } from '../outbox/files';
import { outboxService } from './outbox';

export interface HandlerOptions {
  now?: () => Date;
  /** Electron's hidden-window printing; the browser host prints from the page. */
  print?: PrintAdapter;
  syncer: Syncer;
  /** Electron's folder dialog; the browser host has none (the path is typed). */
  chooseFolder?: FolderChooser;
  /** The relay's CouchDB account, kept on this machine (issue 16); in memory when none is given (tests). */
  shopAccount?: ShopAccountStore;
  outbox: Outbox;
  /** Electron's file manager, for the outbox's `.eml` folder. */
  openFolder?: FolderOpener;
}

export function createHandlers(workspace: Workspace, options: HandlerOptions): Handlers {
  const { now = () => new Date(), print = browserPrinting, syncer, chooseFolder, shopAccount = memoryShopAccount(), outbox, openFolder } = options;
  const store = () => workspace.store;
  const { syncIfConfigured, ...shop } = shopService(store, shopAccount, now, () => syncer.settings().role !== 'producer');
  const { syncNetwork, ...network } = networkService({
    store, accounts: shopAccount, settings: () => syncer.settings(), identity: () => syncer.copyIdentity(), listRefused: (problems) => syncer.listRefused(problems), now,
    stock: networkStockFile(workspace.dataDir),
  });
  const distributions = distributionsService(store, now);
  // A producer's copy holds no orders: the organisers' copies keep the shop. Nor does a store in recovery take orders in
  // (the dispatch refuses the button then; the timer does not go through the dispatch).
  const syncShopHere = async () => (syncer.settings().role === 'producer' || workspace.inRecovery ? undefined : syncIfConfigured());
  // The timed sync keeps the shop current too, with or without a shared folder (issue 16).
  syncer.alsoOnTimer(syncShopHere);
  return {
    'app.status': async () => workspace.status(),
    ...relayService(store, now),
    ...producersService(store, now),
    ...producersImportService(store, now),
    ...productsService(store, now),
    ...distributions,
    // Closing early prepares the outbox in its own step; its `.eml` files and sending follow at once, not at the next minute.
    'distributions.closeEarly': async (input) => {
      const closed = await distributions['distributions.closeEarly'](input);
      outbox.kick();
      return closed;
    },
    // Cancelling tells members and producers in its own step; the `.eml` files and sending follow at once too.
    'distributions.cancel': async (input) => {
      const cancelled = await distributions['distributions.cancel'](input);
      outbox.kick();
      return cancelled;
    },
    // Restoring tells who heard of the cancellation that the day is back; its files and sending follow at once too.
    'distributions.restore': async (input) => {
      const restored = await distributions['distributions.restore'](input);
      outbox.kick();
      return restored;
    },
    ...offersService(store, now),
    ...catalogueImportService(store, now),
    ...membersService(store, now),
    ...membersImportService(store, now),
    ...ordersService(store, now),
    ...orderIntakeService(store, now),
    ...orderFormsService(store),
    ...slotsService(store, now),
    ...checkinService(store, now),
    ...accountsService(store, now),
    ...counterService(store, now),
    ...tillService(store, now),
    ...standingOrdersService(store, now),
    ...peopleExportService(store),
    ...settlementService(store, now),
    ...invoicesService(store, now),
    ...printService(store, print, now),
    ...syncService(syncer, chooseFolder),
    ...shop,
    ...network,
    // The link's message is written as an `.eml` (and sent) at once, not at the next minute's sweep.
    'shop.mailMemberLink': async (input) => {
      const staged = await shop['shop.mailMemberLink'](input);
      if (staged.prepared) outbox.kick();
      return staged;
    },
    // The producer's access likewise.
    'network.mailProducerAccess': async (input) => {
      const staged = await network['network.mailProducerAccess'](input);
      if (staged.prepared) outbox.kick();
      return staged;
    },
    // The shop is kept current at each sync (issue 16): members' orders in, stock out.
    'sync.now': async () => {
      const report = await syncer.syncNow();
      // Producers' publications first, so the shop published next shows the stock they declared.
      const networkReport = await syncNetwork();
      const shopReport = await syncShopHere();
      return { ...report, ...(networkReport && { network: networkReport }), ...(shopReport && { shop: shopReport }) };
    },
    ...outboxService(store, outbox, workspace.dataDir, now, openFolder),
    'backups.list': () => workspace.listBackups(),
    'backups.create': () => workspace.backupNow(),
    'backups.restore': async ({ id }) => {
      const status = await workspace.restore(id);
      // The restored data lacks what the copies exchanged since the backup: read the folders again from the start.
      await syncer.forgetReadPositions();
      return status;
    },
  } satisfies Handlers;
}

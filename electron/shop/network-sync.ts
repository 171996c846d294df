/**
 * The network of relays at each sync (issue 16), for a copy with CouchDB
 * settings: a producer's copy publishes its catalogue and stock
 * (network-publish.ts); an organiser's copy takes its linked producers'
 * publications in (network-intake.ts) and lists what it refused on the sync
 * screen. Without settings, nothing happens and nothing is reported.
 */
import { UserError } from '../../shared/contract/errors';
import type { NetworkStockList, NetworkSyncReport, ProducerAccess } from '../../shared/shop/network';
import type { SyncSettings } from '../../shared/sync/settings';
import type { SyncProblem, SyncReport } from '../../shared/sync/status';
import type { Store } from '../store/store';
import type { Identity } from '../sync/identity';
import { couchClient } from './couch-client';
import { calendarFor, publishCalendar } from './network-calendar';
import { networkIdOf } from './network-documents';
import { takeInNetwork } from './network-intake';
import { publishProducer } from './network-publish';
import { networkStockList, type NetworkStockStore } from './network-stock';
import { stageProducerAccess } from './access-outbox';
import { grantProducerAccess } from './producer-access';
import type { ShopAccountStore } from './shop-account';

export interface NetworkDeps {
  store: () => Store;
  accounts: ShopAccountStore;
  settings: () => SyncSettings;
  identity: () => Promise<Identity>;
  listRefused: (problems: readonly SyncProblem[]) => Promise<void>;
  /** On a producer's copy: the other relays' distributions and the stock declared for them. */
  stock: NetworkStockStore;
  now: () => Date;
}

export function networkService({ store, accounts, settings, identity, listRefused, stock, now }: NetworkDeps) {
  const run = async (): Promise<NetworkSyncReport | undefined> => {
    const account = await accounts.read();
    if (!account) return undefined;
    const client = couchClient(account);
    const { role, producerId } = settings();
    if (role === 'producer') {
      // Its producer is chosen after the first folder sync brings the list: nothing to publish before.
      if (producerId === null) return undefined;
      const key = await identity();
      // The other relays' calendar first: what the producer declared for a distribution no longer listed goes with it.
      await stock.replaceCalendar(await calendarFor(client, networkIdOf(key.publicKey), now()), now());
      const published = await publishProducer(client, store(), producerId, key, now(), await stock.read());
      return { role, networkId: published.networkId, products: published.products, distributions: published.distributions };
    }
    await publishCalendar(client, store(), now(), account.database);
    const taken = await takeInNetwork(client, store(), now());
    await listRefused(taken.refused);
    return { role, producers: taken.producers, products: taken.products, offers: taken.offers, refused: taken.refused.length };
  };
  /** Creates (or renews) the producer's account; keeps the network's key on this machine, for the access mailed later. */
  const grant = async (producerId: string) => {
    const account = await accounts.read();
    if (!account) throw new UserError('shop.notConfigured');
    const producer = store().get('producer', producerId);
    if (!producer) throw new UserError('error.producerNotFound');
    if (!producer.networkId) throw new UserError('network.noNetworkId', { name: producer.name });
    const access = await grantProducerAccess(couchClient(account), producer.networkId);
    // Through the account file's queue: a member link remembered at the same moment (services/shop.ts) must stay too.
    await accounts.update((latest) =>
      // Settings changed to another server meanwhile: its key does not apply.
      latest && latest.url === account.url && latest.networkKey !== access.networkKey ? { ...latest, networkKey: access.networkKey } : undefined);
    return { ...access, producer };
  };
  const producerCopy = () => {
    const { role, producerId } = settings();
    if (role !== 'producer' || producerId === null) throw new UserError('network.notProducerCopy');
    return producerId;
  };
  return {
    'network.identity': async () => ({ networkId: networkIdOf((await identity()).publicKey) }),
    'network.stock': async (): Promise<NetworkStockList> => networkStockList(store(), producerCopy(), await stock.read()),
    'network.declareStock': async (input: { distributionId: string; productId: string; quantity: number | null }): Promise<NetworkStockList> => {
      const producerId = producerCopy();
      await stock.declare(store(), producerId, input, now());
      return networkStockList(store(), producerId, await stock.read());
    },
    /** On an organiser's copy with the admin account: the producer's own account, to hand to the producer. */
    'network.grantProducer': async ({ producerId }: { producerId: string }): Promise<ProducerAccess> => {
      const { url, username, password } = await grant(producerId);
      return { url, username, password };
    },
    /** The access by e-mail: created on the server, then staged in the outbox, its password filled in only as it leaves (link-filler.ts). */
    'network.mailProducerAccess': async ({ producerId }: { producerId: string }) => {
      const producer = store().get('producer', producerId);
      // Refused before the server is asked: without an address nothing would leave.
      if (producer && producer.email === '') throw new UserError('network.access.noEmail', { name: producer.name });
      const { producer: granted } = await grant(producerId);
      return stageProducerAccess(store(), granted, now());
    },
    /** After the folders' sync; an unreachable server is reported, never a failed sync. */
    syncNetwork: async (): Promise<SyncReport['network']> => {
      try {
        const report = await run();
        return report && { ok: true, report };
      } catch (error) {
        if (error instanceof UserError) return { ok: false, error: error.toAppError() };
        throw error;
      }
    },
  };
}

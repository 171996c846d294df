/**
 * The network of relays at each sync (issue 16), for a copy with CouchDB
 * settings: a producer's copy publishes its catalogue and stock
 * (network-publish.ts); an organiser's copy takes its linked producers'
 * publications in (network-intake.ts) and lists what it refused on the sync
 * screen. Without settings, nothing happens and nothing is reported.
 */
import { UserError } from '../../shared/contract/errors';
import type { NetworkSyncReport } from '../../shared/shop/network';
import type { SyncSettings } from '../../shared/sync/settings';
import type { SyncProblem, SyncReport } from '../../shared/sync/status';
import type { Store } from '../store/store';
import type { Identity } from '../sync/identity';
import { couchClient } from './couch-client';
import { networkIdOf } from './network-documents';
import { takeInNetwork } from './network-intake';
import { publishProducer } from './network-publish';
import type { ShopAccountStore } from './shop-account';

export interface NetworkDeps {
  store: () => Store;
  accounts: ShopAccountStore;
  settings: () => SyncSettings;
  identity: () => Promise<Identity>;
  listRefused: (problems: readonly SyncProblem[]) => Promise<void>;
  now: () => Date;
}

export function networkService({ store, accounts, settings, identity, listRefused, now }: NetworkDeps) {
  const run = async (): Promise<NetworkSyncReport | undefined> => {
    const account = await accounts.read();
    if (!account) return undefined;
    const client = couchClient(account);
    const { role, producerId } = settings();
    if (role === 'producer') {
      // Its producer is chosen after the first folder sync brings the list: nothing to publish before.
      if (producerId === null) return undefined;
      const published = await publishProducer(client, store(), producerId, await identity(), now());
      return { role, networkId: published.networkId, products: published.products, distributions: published.distributions };
    }
    const taken = await takeInNetwork(client, store(), now());
    await listRefused(taken.refused);
    return { role, producers: taken.producers, products: taken.products, offers: taken.offers, refused: taken.refused.length };
  };
  return {
    'network.identity': async () => ({ networkId: networkIdOf((await identity()).publicKey) }),
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

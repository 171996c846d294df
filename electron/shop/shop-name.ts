/**
 * The relay's shop database, one name for every organiser's copy (issue 16).
 * Each machine keeps its CouchDB account to itself (shop-account.ts), but the
 * shop's name must be shared: two organiser laptops given the same server
 * would otherwise each open a shop of their own, members would see half the
 * relay, and each laptop would agree on a different link key. So the name is
 * part of the relay's settings, synced like them: the first organiser's copy
 * given a server names the shop, the others take that name.
 */
import { randomBytes } from 'node:crypto';
import { RELAY_ID } from '../store/entities';
import type { Store } from '../store/store';
import { DEFAULT_RELAY_SETTINGS } from '../../shared/model/relay';
import { readRelay } from '../services/relay';
import type { ShopAccountStore } from './shop-account';

/** A new shop's name: random, so relays sharing a CouchDB (a network) never meet in one shop. */
export function newShopName(): string {
  return `cabas-shop-${randomBytes(8).toString('hex')}`;
}

/** The name the relay holds, or null when no organiser's copy has named its shop yet. */
export function relayShopName(store: Store): string | null {
  return readRelay(store).shopDatabase;
}

/**
 * Records `proposed` as the relay's shop unless it has one already, and returns the relay's shop.
 * Two laptops naming it before they sync: the relay's merge keeps one name everywhere, and both
 * use the relay's name from then on (`relayShopName` is read at each use, not only here).
 */
export async function nameRelayShop(store: Store, proposed: string): Promise<string> {
  const named = relayShopName(store);
  if (named !== null) return named;
  return store.transact((tx) => {
    const record = tx.get('relay', RELAY_ID);
    const current = record ? readRelay(tx) : DEFAULT_RELAY_SETTINGS;
    if (current.shopDatabase !== null) return current.shopDatabase;
    // The first write of the relay writes the whole record: its defaults are not news to other copies.
    const baseline = record ? undefined : { ...DEFAULT_RELAY_SETTINGS, id: RELAY_ID };
    tx.put('relay', { ...current, shopDatabase: proposed, id: RELAY_ID }, { baseline });
    return proposed;
  });
}

/**
 * This machine's account with the relay's shop name in place of the one it saved: a laptop that
 * saved its settings before the relay's name reached it by sync publishes to the relay's shop.
 */
export function withRelayShop(accounts: ShopAccountStore, store: () => Store | null): ShopAccountStore {
  return {
    async read() {
      const account = await accounts.read();
      const current = store();
      const named = account && current ? relayShopName(current) : null;
      return account && named !== null && named !== account.database ? { ...account, database: named } : account;
    },
    save: (account) => accounts.save(account),
    // The account as saved: a change keeps the name this machine chose, the relay's is put in at each read.
    update: (change) => accounts.update(change),
  };
}

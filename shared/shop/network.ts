import type { SaleUnit } from '../model/product';

/** A network of relays on one CouchDB (issue 16): what a sync reports of it (electron/shop/network-*.ts). */
export type NetworkSyncReport =
  /** A producer's copy published its catalogue and the stock of `distributions` distributions. */
  | { role: 'producer'; networkId: string; products: number; distributions: number }
  /** A relay read its linked producers' publications: products and offers written, documents or entries refused (listed on the sync screen). */
  | { role: 'organiser'; producers: number; products: number; offers: number; refused: number };

/**
 * A distribution a relay of the network takes producers' stock for, as the relay publishes it to
 * the network's CouchDB and a producer's copy lists it: when and where, nothing about its members.
 */
export interface NetworkDistribution {
  distributionId: string;
  /** The relay's name, as its organiser set it in Réglages. */
  relayName: string;
  pickupDate: string;
  pickupStart: string;
  pickupEnd: string;
  /** When members' ordering closes: stock declared later is still taken in, but members have ordered by then. */
  closesAt: string;
}

/** On a producer's copy: another relay's distribution and the quantities this producer declared for it (a product not listed: not offered). */
export interface NetworkStockView extends NetworkDistribution {
  offers: { productId: string; quantity: number }[];
}

/** What a producer's copy shows on its network screen. */
export interface NetworkStockList {
  /** Its own products to declare, in catalogue order. */
  products: { productId: string; name: string; unit: SaleUnit }[];
  distributions: NetworkStockView[];
  /** When the list was last read from the network; null = never (no server, or not synced yet). */
  readAt: string | null;
}

/** What an organiser hands to a producer so its copy publishes with an account of its own (electron/shop/producer-access.ts). */
export interface ProducerAccess {
  url: string;
  username: string;
  password: string;
}

/** A network of relays on one CouchDB (issue 16): what a sync reports of it (electron/shop/network-*.ts). */
export type NetworkSyncReport =
  /** A producer's copy published its catalogue and the stock of `distributions` distributions. */
  | { role: 'producer'; networkId: string; products: number; distributions: number }
  /** A relay read its linked producers' publications: products and offers written, documents or entries refused (listed on the sync screen). */
  | { role: 'organiser'; producers: number; products: number; offers: number; refused: number };

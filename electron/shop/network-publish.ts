/**
 * A producer's own copy publishes its catalogue and the stock it declared to
 * the network's CouchDB (issue 16, network-documents.ts), at each of its
 * syncs: its own products and offers only, signed with its copy's key.
 * Stock of distributions finished (handed out, cancelled) is taken down: no
 * relay takes stock in for those.
 */
import type { Store } from '../store/store';
import { isFinished } from '../services/distributions';
import { offersOf } from '../services/offers';
import { readRelay } from '../services/relay';
import type { Identity } from '../sync/identity';
import type { NetworkStockFile } from './network-stock';
import { ensureDatabase, type CouchClient } from './couch-client';
import {
  CATALOGUE_ID, networkIdOf, producerDatabase, signDocument, stockId,
  type NetworkDocument, type ProducerCatalogue, type ProducerStock,
} from './network-documents';

export interface NetworkPublication {
  networkId: string;
  database: string;
  products: number;
  distributions: number;
}

/**
 * The documents of `producerId` as this copy holds them now: the stock of its own relay's distributions
 * (in its store), and of the other relays' distributions it declared stock for (network-stock.ts).
 */
export function producerDocuments(store: Store, producerId: string, identity: Identity, now: Date, declared: NetworkStockFile = NO_DECLARATIONS): NetworkDocument[] {
  const publishedAt = now.toISOString();
  const products = store.all('product').filter((product) => product.producerId === producerId);
  const own = new Set(products.map((product) => product.id));
  const catalogue = signDocument<ProducerCatalogue>(identity, {
    _id: CATALOGUE_ID,
    type: 'catalogue',
    publishedAt,
    products: products
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((product) => ({
        productId: product.id, name: product.name, category: product.category, unit: product.unit,
        packDescription: product.packDescription, priceCents: product.priceCents, pricing: product.pricing,
        pieceGrams: product.pieceGrams, vatRateBp: product.vatRateBp, archived: product.archivedAt !== null, updatedAt: product.updatedAt,
      })),
  });
  const { timeZone } = readRelay(store);
  const stocks = store.all('distribution')
    .filter((distribution) => !isFinished(distribution, now, timeZone))
    .map((distribution) => signDocument<ProducerStock>(identity, {
      _id: stockId(distribution.id),
      type: 'stock',
      distributionId: distribution.id,
      publishedAt,
      offers: offersOf(store, distribution.id)
        .filter((offer) => own.has(offer.productId))
        .sort((a, b) => a.productId.localeCompare(b.productId))
        .map((offer) => ({ productId: offer.productId, quantity: offer.quantity, priceCents: offer.priceCents, withdrawn: offer.withdrawnAt !== null, updatedAt: offer.updatedAt })),
    }))
    .filter((stock) => stock.offers.length > 0);
  const elsewhere = declared.distributions
    .filter((distribution) => !store.get('distribution', distribution.distributionId))
    .map((distribution) => signDocument<ProducerStock>(identity, {
      _id: stockId(distribution.distributionId),
      type: 'stock',
      distributionId: distribution.distributionId,
      publishedAt,
      offers: declared.offers
        .filter((offer) => offer.distributionId === distribution.distributionId && own.has(offer.productId))
        .sort((a, b) => a.productId.localeCompare(b.productId))
        // Not offered (null): withdrawn at the relay, if it had been declared before.
        .map((offer) => ({ productId: offer.productId, quantity: offer.quantity, priceCents: null, withdrawn: offer.quantity === null, updatedAt: offer.updatedAt })),
    }))
    .filter((stock) => stock.offers.length > 0);
  return [catalogue, ...stocks, ...elsewhere];
}

const NO_DECLARATIONS: NetworkStockFile = { readAt: null, distributions: [], offers: [] };

/**
 * Rewrites the producer's database in one `_bulk_docs`: every current document, the stock of finished
 * distributions deleted. With the producer's own account (producer-access.ts) the database is the
 * organiser's to create: it is created here only when missing, which the server's admin account may do.
 */
export async function publishProducer(client: CouchClient, store: Store, producerId: string, identity: Identity, now: Date, declared: NetworkStockFile = NO_DECLARATIONS): Promise<NetworkPublication> {
  const networkId = networkIdOf(identity.publicKey);
  const database = producerDatabase(networkId);
  if ((await client.request('GET', database, undefined, [404])).status === 404) await ensureDatabase(client, database);
  const docs = producerDocuments(store, producerId, identity, now, declared);
  const existing = await client.request<{ rows: { id: string; value: { rev: string } }[] }>('GET', `${database}/_all_docs`);
  const revs = new Map(existing.body.rows.map((row) => [row.id, row.value.rev]));
  const current = new Set(docs.map((doc) => doc._id));
  const writes: Record<string, unknown>[] = docs.map((doc) => ({ ...doc, ...(revs.has(doc._id) ? { _rev: revs.get(doc._id) } : {}) }));
  for (const [id, rev] of revs) if (!current.has(id) && id.startsWith('stock:')) writes.push({ _id: id, _rev: rev, _deleted: true });
  await client.request('POST', `${database}/_bulk_docs`, { docs: writes });
  return { networkId, database, products: (docs[0] as ProducerCatalogue).products.length, distributions: docs.length - 1 };
}

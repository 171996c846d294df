/**
 * An organiser's copy takes in what its producers' own copies published on the
 * network's CouchDB (issue 16, network-documents.ts), at each sync: for every
 * producer of this relay with a network id, the catalogue and the stock of
 * this relay's distributions.
 *
 * The database is writable by anyone with an admin account on the server, so
 * nothing read there is trusted, as with a shared folder (DESIGN.md, Trust):
 * a document not signed by the key whose fingerprint is the producer's network
 * id is refused; a producer changes only its own products and offers, under the
 * same rules as a stock entry typed here (offers.ts applyEntry: never below what
 * is ordered, nothing for a finished distribution) and as a product typed here
 * (products.ts: the relay's VAT rates, pricing). Everything goes in one `transact`,
 * the one mutation path; what is refused is listed on the sync screen.
 */
import type { z } from 'zod';
import { UserError } from '../../shared/contract/errors';
import { describeIssue } from '../../shared/contract/validation-issues';
import type { Producer } from '../../shared/model/producer';
import { priceCents, productSchema, stockQuantity, type Product } from '../../shared/model/product';
import type { SyncProblem } from '../../shared/sync/status';
import { canonicalJson } from '../../shared/sync/canonical';
import type { Transaction, Store } from '../store/store';
import { isFinished } from '../services/distributions';
import { applyEntry, offersOf, withdrawFromFutureOffers } from '../services/offers';
import { checkPricing, checkVatRate } from '../services/products';
import { readRelay } from '../services/relay';
import type { CouchClient } from './couch-client';
import {
  catalogueSchema, producerDatabase, signedByNetworkId, stockSchema,
  type CatalogueProduct, type NetworkDocument, type ProducerStock,
} from './network-documents';

export interface NetworkIntake {
  /** Linked producers whose database was read. */
  producers: number;
  products: number;
  offers: number;
  refused: SyncProblem[];
}

/** Every document of the producer's database; none when it does not exist yet (the producer has not published). */
async function readDocuments(client: CouchClient, networkId: string): Promise<{ id: string; doc: unknown }[]> {
  const { status, body } = await client.request<{ rows: { id: string; doc?: unknown }[] }>('GET', `${producerDatabase(networkId)}/_all_docs?include_docs=true`, undefined, [404]);
  if (status === 404) return [];
  return body.rows.filter((row) => !row.id.startsWith('_design/')).map((row) => ({ id: row.id, doc: row.doc }));
}

function parseDocument(doc: unknown): NetworkDocument | null {
  const type = (doc as { type?: unknown } | null)?.type;
  const parsed = type === 'catalogue' ? catalogueSchema.safeParse(doc) : type === 'stock' ? stockSchema.safeParse(doc) : null;
  return parsed?.success ? parsed.data : null;
}

/** The facts a producer's catalogue sets, to tell an unchanged product from one to write (no write, no journal line, at each sync). */
const FACTS = ['producerId', 'name', 'category', 'unit', 'packDescription', 'priceCents', 'pricing', 'pieceGrams', 'vatRateBp'] as const;
const sameFacts = (a: Product, b: Product) => FACTS.every((field) => canonicalJson(a[field]) === canonicalJson(b[field])) && (a.archivedAt === null) === (b.archivedAt === null);

export async function takeInNetwork(client: CouchClient, store: Store, now: Date): Promise<NetworkIntake> {
  const linked = store.all('producer').filter((producer) => producer.archivedAt === null && producer.networkId);
  // Read first, all of it, then one transaction: no store lock held across the network.
  const read = await Promise.all(linked.map(async (producer) => ({ producer, documents: await readDocuments(client, producer.networkId!) })));
  const result: NetworkIntake = { producers: linked.length, products: 0, offers: 0, refused: [] };
  await store.transact((tx) => {
    for (const { producer, documents } of read) {
      const networkId = producer.networkId!;
      for (const { id, doc } of documents) {
        const file = `${producerDatabase(networkId)}/${id}`;
        const refuse = (code: SyncProblem['code'], extra: Partial<SyncProblem> = {}) => void result.refused.push({ code, device: producer.name, file, ...extra });
        const parsed = parseDocument(doc);
        if (!parsed || parsed._id !== id) {
          refuse('networkUnsigned');
          continue;
        }
        if (!signedByNetworkId(networkId, parsed)) {
          refuse('networkUnsigned');
          continue;
        }
        if (parsed.type === 'catalogue') {
          for (const entry of parsed.products) if (takeProduct(tx, producer, entry, now, refuse)) result.products += 1;
        } else result.offers += takeStock(tx, producer, parsed, now, refuse);
      }
    }
  });
  return result;
}

type Refuse = (code: SyncProblem['code'], extra?: Partial<SyncProblem>) => void;

/** A schema's refusal as a message key with the parameters it needs (`validation.tooLong` its `max`). */
function reasonOf(issue: z.core.$ZodIssue): Pick<SyncProblem, 'detail' | 'params'> {
  const { key, params } = describeIssue(issue);
  return { detail: key, ...withParams(params) };
}

/** A refusal's parameters, none when its message needs none. */
function withParams(params: SyncProblem['params']): Pick<SyncProblem, 'params'> {
  return params ? { params } : {};
}

/**
 * A publication states what the producer's copy holds, not a change: read again at every sync, it
 * would undo the relay's own later edits (an organiser's new price, a quantity typed at the relay).
 * So each entry carries when it last changed, and is taken only when later than the relay's record,
 * which then keeps that time (per record, last writer wins, as the folders' sync). A time ahead of
 * this copy's clock counts as now: a producer's clock running fast cannot stamp the future.
 */
function declaredAt(updatedAt: string, now: Date): string | null {
  const time = Date.parse(updatedAt);
  if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}T/.test(updatedAt)) return null;
  return new Date(Math.min(time, now.getTime())).toISOString();
}

/** Writes one product of the producer's catalogue; false when unchanged or refused. */
function takeProduct(tx: Transaction, producer: Producer, entry: CatalogueProduct, now: Date, refuse: Refuse): boolean {
  const record = `product ${entry.productId}`;
  const existing = tx.get('product', entry.productId);
  // Another producer's product (or a forged id): a producer's copy never changes what is not its own.
  if (existing && existing.producerId !== producer.id) {
    refuse('networkNotOwn', { record, value: entry.name });
    return false;
  }
  const at = declaredAt(entry.updatedAt, now);
  if (at === null) {
    refuse('networkInvalid', { record, field: 'updatedAt', detail: 'validation.instant', value: entry.updatedAt });
    return false;
  }
  if (existing && existing.updatedAt >= at) return false;
  const { productId, archived, updatedAt: _updatedAt, ...facts } = entry;
  const candidate = productSchema.safeParse({
    ...facts,
    id: productId,
    producerId: producer.id,
    // The relay's own default for its weekly stock entry is the relay's, not the producer's.
    defaultStock: existing?.defaultStock ?? null,
    archivedAt: archived ? (existing?.archivedAt ?? at) : null,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  });
  if (!candidate.success) {
    const issue = candidate.error.issues[0]!;
    refuse('networkInvalid', { record, field: issue.path.join('.'), ...reasonOf(issue) });
    return false;
  }
  const product = candidate.data;
  if (existing && sameFacts(existing, product)) return false;
  try {
    checkVatRate(tx, product.vatRateBp);
    checkPricing(product);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    refuse('networkInvalid', { record, field: error.issues?.[0]?.path ?? '', detail: error.issues?.[0]?.key ?? 'network.ruleRefused', ...withParams(error.issues?.[0]?.params) });
    return false;
  }
  // Archived by the producer: out of the offers still to come, as products.archive does.
  if (product.archivedAt !== null && existing?.archivedAt === null) withdrawFromFutureOffers(tx, product.id, new Date(at));
  tx.put('product', product);
  return true;
}

/** Applies the stock declared for one of this relay's distributions; another relay's distribution is not this relay's to read. */
function takeStock(tx: Transaction, producer: Producer, stock: ProducerStock, now: Date, refuse: Refuse): number {
  const distribution = tx.get('distribution', stock.distributionId);
  if (!distribution || isFinished(distribution, now, readRelay(tx).timeZone)) return 0;
  let taken = 0;
  for (const offer of stock.offers) {
    const record = `offer ${distribution.id} ${offer.productId}`;
    const product = tx.get('product', offer.productId);
    if (!product || product.producerId !== producer.id) {
      refuse('networkNotOwn', { record, value: product?.name ?? offer.productId });
      continue;
    }
    const current = offersOf(tx, distribution.id).find((each) => each.productId === product.id);
    const at = declaredAt(offer.updatedAt, now);
    if (at === null) {
      refuse('networkInvalid', { record, field: 'updatedAt', detail: 'validation.instant', value: offer.updatedAt });
      continue;
    }
    if (current && current.updatedAt >= at) continue;
    if (offer.withdrawn ? !current || current.withdrawnAt !== null : current?.withdrawnAt === null && current.quantity === offer.quantity && current.priceCents === offer.priceCents) continue;
    const quantity = stockQuantity.nullable().safeParse(offer.quantity);
    const price = priceCents.nullable().safeParse(offer.priceCents);
    if (!quantity.success || !price.success) {
      const issue = (quantity.error ?? price.error)!.issues[0]!;
      refuse('networkInvalid', { record, field: quantity.success ? 'priceCents' : 'quantity', ...reasonOf(issue) });
      continue;
    }
    try {
      applyEntry(tx, { distributionId: distribution.id, productId: product.id, quantity: quantity.data, priceCents: price.data, withdraw: offer.withdrawn }, new Date(at));
      taken += 1;
    } catch (error) {
      // Below what members already ordered, an archived product: refused as the same entry typed here would be.
      if (!(error instanceof UserError)) throw error;
      refuse('networkInvalid', { record, field: 'quantity', detail: error.key === 'error.stockBelowOrdered' ? 'network.belowOrdered' : 'network.ruleRefused', value: String(offer.quantity) });
    }
  }
  return taken;
}

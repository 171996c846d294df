/**
 * A network of relays on one CouchDB (issue 16): what a producer's own copy
 * publishes there for every relay it sells through, in one database of its
 * own, `cabas-producer-<network id>`:
 *
 * - `catalogue`: its products (name, category, unit, price, VAT, pricing) —
 *   the facts every relay shows the same way;
 * - `stock:<distribution id>`: what it declares for one distribution — one
 *   document per distribution, not one per producer: a distribution belongs
 *   to exactly one relay (its id is a random UUID made by that relay), so a
 *   quantity declared to one relay can never be read as another's, a producer
 *   declares different quantities to each relay simply by writing each
 *   relay's distributions, and rewriting one relay's week does not touch (nor
 *   conflict with) what another relay reads.
 *
 * Nothing about members, orders or money owed: a producer's copy holds none.
 *
 * The network id is a fingerprint of the producer copy's own key (identity.ts):
 * the organiser of a relay records it on the producer (the producer reads it
 * to them from Réglages), and from then on only documents signed by the key
 * with that fingerprint are taken in. A relay that never shared a folder with
 * that copy still knows it is that producer's copy, and not anyone who can
 * write to the database.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../shared/sync/canonical';
import { NETWORK_ID_PATTERN } from '../../shared/model/producer';
import { SALE_UNITS, PRICINGS } from '../../shared/model/product';
import { verifySignature, type Identity } from '../sync/identity';

/** The fingerprint of a copy's public key: what the organiser records on the producer. */
export function networkIdOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 24);
}

/** CouchDB database names: lower-case letters, digits and _$()+-/ starting with a letter. */
export const producerDatabase = (networkId: string) => `cabas-producer-${networkId}`;

export const CATALOGUE_ID = 'catalogue';
export const stockId = (distributionId: string) => `stock:${distributionId}`;

/**
 * Read from a database anyone with the admin account can write: every field
 * checked, bounded. The products' own rules (names, prices, VAT) are checked
 * again by the product schema when taken in.
 */
const signedFields = {
  _id: z.string().max(200),
  _rev: z.string().optional(),
  /** The key that signed it: its fingerprint must be the producer's network id. */
  publicKey: z.string().max(100),
  publishedAt: z.string().max(40),
  signature: z.string().max(200),
};

const catalogueProduct = z.object({
  productId: z.string().min(1).max(100),
  name: z.string().max(200),
  category: z.string().max(100),
  unit: z.enum(SALE_UNITS),
  packDescription: z.string().max(200),
  priceCents: z.number(),
  pricing: z.enum(PRICINGS),
  pieceGrams: z.number().nullable(),
  vatRateBp: z.number(),
  archived: z.boolean(),
  /** When the product last changed (where it was changed): a relay's own later change is not undone by it. */
  updatedAt: z.string().max(40),
});
export type CatalogueProduct = z.infer<typeof catalogueProduct>;

export const catalogueSchema = z.object({ ...signedFields, type: z.literal('catalogue'), products: z.array(catalogueProduct).max(5000) });
export type ProducerCatalogue = z.infer<typeof catalogueSchema>;

const stockOffer = z.object({
  productId: z.string().min(1).max(100),
  /** null = no limit, as an offer's quantity. */
  quantity: z.number().nullable(),
  priceCents: z.number().nullable(),
  withdrawn: z.boolean(),
  /** When the offer last changed: a relay's own later change is not undone by it. */
  updatedAt: z.string().max(40),
});
export type StockOffer = z.infer<typeof stockOffer>;

export const stockSchema = z.object({ ...signedFields, type: z.literal('stock'), distributionId: z.string().min(1).max(100), offers: z.array(stockOffer).max(5000) });
export type ProducerStock = z.infer<typeof stockSchema>;

export type NetworkDocument = ProducerCatalogue | ProducerStock;
type Unsigned<T> = Omit<T, 'publicKey' | 'signature' | '_rev'>;

/** What the signature covers: the whole document but its revision (CouchDB's) and the signature itself — its id included, so a stock cannot be moved to another distribution's document. */
function signedText(doc: Record<string, unknown>): string {
  const { _rev: _r, signature: _s, ...rest } = doc;
  return canonicalJson(rest);
}

export function signDocument<T extends NetworkDocument>(identity: Identity, doc: Unsigned<T>): T {
  const withKey = { ...doc, publicKey: identity.publicKey };
  return { ...withKey, signature: identity.sign(signedText(withKey)) } as unknown as T;
}

/** Whether the document was signed by the copy whose fingerprint is `networkId`. */
export function signedByNetworkId(networkId: string, doc: NetworkDocument): boolean {
  if (!NETWORK_ID_PATTERN.test(networkId) || networkIdOf(doc.publicKey) !== networkId) return false;
  return verifySignature(doc.publicKey, signedText(doc as unknown as Record<string, unknown>), doc.signature);
}

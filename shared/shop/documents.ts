/**
 * What Cabas and the member page exchange through the relay's CouchDB
 * (issue 16). Two kinds of database:
 * - the shop (`cabas-shop`, readable by every member): one document per
 *   distribution open for ordering — the products on sale with their
 *   producer's name, unit, price and remaining stock, and the pickup slots.
 *   Nothing about members, orders or money owed ever goes there;
 * - one order database per member (`cabas-member-<id>`), readable and
 *   writable by that member only: one document per distribution, the lines
 *   the member wants, and the status Cabas writes back at each sync.
 * Pure types and helpers: the member page (browser) and the services (Node) share them.
 */

/**
 * The shop's name before relay networks: kept by a relay that already published there (its
 * members' links name no shop), read by the member page from such a link. A relay set up since
 * gets a shop of its own, `cabas-shop-<random>` (services/shop.ts), so several relays share one CouchDB.
 */
export const SHOP_DATABASE = 'cabas-shop';

/** CouchDB database names are lower-case letters, digits and _$()+-/ starting with a letter. */
export function memberDatabase(memberId: string): string {
  return `cabas-member-${memberId.toLowerCase()}`;
}

/** The CouchDB user of a member: one per member, its secret made by Cabas. */
export function memberUser(memberId: string): string {
  return `cabas-${memberId.toLowerCase()}`;
}

export interface ShopProduct {
  productId: string;
  name: string;
  producerName: string;
  unit: string;
  priceCents: number;
  /** What can still be ordered; null = no limit. */
  remaining: number | null;
  /** Sold by weight: grams per piece (the price is an estimate until weighed). */
  pieceGrams: number | null;
}

export interface ShopSlot {
  slotId: string;
  start: string;
  end: string;
  /** Places left (capacity less the orders it holds): a member can choose it while it is above 0. */
  room: number;
}

/** One distribution open for ordering, as the shop shows it. */
export interface ShopDistribution {
  _id: string;
  _rev?: string;
  type: 'distribution';
  distributionId: string;
  pickupDate: string;
  pickupStart: string;
  pickupEnd: string;
  closesAt: string;
  products: ShopProduct[];
  slots: ShopSlot[];
  /** When Cabas published it (its last sync). */
  publishedAt: string;
}

export const shopDocumentId = (distributionId: string) => `distribution:${distributionId}`;
export const memberOrderId = (distributionId: string) => `order:${distributionId}`;

export interface MemberOrderLine {
  productId: string;
  quantity: number;
}

export interface RefusedLine {
  productId: string;
  productName: string;
  wanted: number;
  remaining: number;
}

/** A pickup slot as the status names it: the page shows its hours even once the slot is gone from the shop. */
export interface StatusSlot {
  slotId: string;
  start: string;
  end: string;
}

/**
 * What became of the order at the relay's last sync: `received` (written by the
 * page, not yet seen by Cabas), `accepted`, `partlyRefused` (lines beyond the
 * stock left), `cancelled`, or `closed` (submitted after ordering closed: not taken).
 */
export interface MemberOrderStatus {
  state: 'received' | 'accepted' | 'partlyRefused' | 'cancelled' | 'closed';
  /** The submission Cabas took in: a later submission is `received` again. */
  submittedAt: string;
  refused: RefusedLine[];
  /** Lines as Cabas holds them after the sync. */
  lines: { productId: string; productName: string; quantity: number }[];
  /** The slot the order holds after the sync; null without one (no slots, or all full). Absent from statuses written before slots were chosen. */
  slot?: StatusSlot | null;
  /** The slot the member chose and did not get (full, or removed by the relay); the order was still taken. */
  slotRefused?: StatusSlot | null;
  at: string;
}

export interface MemberOrder {
  _id: string;
  _rev?: string;
  type: 'order';
  distributionId: string;
  lines: MemberOrderLine[];
  cancelled: boolean;
  /** The pickup slot the member chose; null or absent = no preference (the relay places the order). */
  slotId?: string | null;
  /** Set by the page at each submission: first submitted, first served. */
  submittedAt: string;
  status: MemberOrderStatus | null;
}

/** The status the page shows: a submission newer than the last status is still `received`. */
export function orderState(order: Pick<MemberOrder, 'submittedAt' | 'status'>): MemberOrderStatus['state'] {
  if (!order.status || order.status.submittedAt !== order.submittedAt) return 'received';
  return order.status.state;
}

/**
 * The member database's validate_doc_update (CouchDB runs it on every write,
 * replication included): only order documents with whole positive
 * quantities, and a status only the admin (Cabas) writes. Kept as a string
 * because CouchDB stores the function's source.
 */
export const VALIDATE_MEMBER_ORDER = `function (newDoc, oldDoc, userCtx) {
  var admin = userCtx.roles.indexOf('_admin') !== -1;
  if (admin) return;
  if (newDoc._deleted) throw({ forbidden: 'orders are cancelled, not deleted' });
  if (newDoc.type !== 'order' || newDoc._id !== 'order:' + newDoc.distributionId) throw({ forbidden: 'not an order' });
  if (!Array.isArray(newDoc.lines) || newDoc.lines.length > 200) throw({ forbidden: 'bad lines' });
  for (var i = 0; i < newDoc.lines.length; i++) {
    var q = newDoc.lines[i].quantity;
    if (typeof newDoc.lines[i].productId !== 'string' || typeof q !== 'number' || q < 0 || q > 10000 || Math.floor(q) !== q) throw({ forbidden: 'bad quantity' });
  }
  if (newDoc.slotId !== undefined && newDoc.slotId !== null && (typeof newDoc.slotId !== 'string' || newDoc.slotId.length > 100)) throw({ forbidden: 'bad slot' });
  if (typeof newDoc.submittedAt !== 'string') throw({ forbidden: 'submittedAt missing' });
  var before = oldDoc ? JSON.stringify(oldDoc.status || null) : 'null';
  if (JSON.stringify(newDoc.status || null) !== before) throw({ forbidden: 'the status is written by the relay' });
}`;

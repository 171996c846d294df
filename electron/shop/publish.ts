/**
 * The shop as the members see it (issue 16): for each distribution open for
 * ordering — or closed and not yet handed out, so the member page can show
 * the order read-only — the products on sale with their producer's name,
 * unit, price and remaining stock, and the pickup slots. Only catalogue
 * facts: no member, order or amount owed is ever read into it.
 */
import { distributionStatus } from '../../shared/distributions/schedule';
import type { Distribution } from '../../shared/model/distribution';
import { remaining } from '../../shared/offers/stock';
import { shopDocumentId, type ShopDistribution } from '../../shared/shop/documents';
import { compareText } from '../../shared/text/normalise';
import type { Store } from '../store/store';
import { intakeOffers } from '../services/order-intake';
import { orderedByProduct } from '../services/ordered';
import { readRelay } from '../services/relay';
import { slotViews } from '../services/slots';
import { ensureDatabase, type CouchClient } from './couch-client';

/** Distributions the shop shows: ordering open, or closed and the pickup still to come. */
export function shopDistributions(store: Store, now: Date): Distribution[] {
  const { timeZone } = readRelay(store);
  return store.all('distribution').filter((distribution) => {
    const status = distributionStatus(distribution, now, timeZone);
    return status === 'open' || status === 'closed';
  });
}

/** When ordering closes (or closed early): the member page is read-only from then on. */
export const closingOf = (distribution: Distribution) => distribution.closedEarlyAt ?? distribution.closesAt;

export function shopDocument(store: Store, distribution: Distribution, now: Date): ShopDistribution {
  const ordered = orderedByProduct(store, distribution.id);
  const products = intakeOffers(store, distribution.id)
    .sort((a, b) => compareText(a.producerName, b.producerName) || compareText(a.productName, b.productName))
    .map((offer) => ({
      productId: offer.productId,
      name: offer.productName,
      producerName: offer.producerName,
      unit: offer.unit,
      priceCents: offer.priceCents,
      remaining: (() => {
        const left = remaining(offer, ordered.get(offer.productId) ?? 0);
        return left === null ? null : Math.max(left, 0);
      })(),
      pieceGrams: offer.pieceGrams ?? null,
    }));
  // Places left, not who holds them: the count of orders per slot says nothing about any member.
  const slots = slotViews(store, distribution.id)
    .map((slot) => ({ slotId: slot.id, start: slot.start, end: slot.end, room: Math.max(slot.capacity - slot.orderCount, 0) }))
    .sort((a, b) => a.start.localeCompare(b.start));
  return {
    _id: shopDocumentId(distribution.id),
    type: 'distribution',
    distributionId: distribution.id,
    pickupDate: distribution.pickupDate,
    pickupStart: distribution.pickupStart,
    pickupEnd: distribution.pickupEnd,
    closesAt: closingOf(distribution),
    products,
    slots,
    publishedAt: now.toISOString(),
  };
}

/**
 * Writes the shop in one `_bulk_docs`: every shown distribution rewritten, the ones no longer
 * shown (handed out, cancelled) deleted. The database is readable by every member
 * (`_security` with the members' role), writable by the admin only.
 */
export async function publishShop(client: CouchClient, store: Store, now: Date, database: string): Promise<{ published: number }> {
  await ensureDatabase(client, database);
  const docs = shopDistributions(store, now).map((distribution) => shopDocument(store, distribution, now));
  const existing = await client.request<{ rows: { id: string; value: { rev: string } }[] }>('GET', `${database}/_all_docs`);
  const revs = new Map(existing.body.rows.map((row) => [row.id, row.value.rev]));
  const shown = new Set(docs.map((doc) => doc._id));
  const writes: Record<string, unknown>[] = docs.map((doc) => ({ ...doc, ...(revs.has(doc._id) ? { _rev: revs.get(doc._id) } : {}) }));
  for (const [id, rev] of revs) {
    if (!shown.has(id) && id.startsWith('distribution:')) writes.push({ _id: id, _rev: rev, _deleted: true });
  }
  await client.request('POST', `${database}/_bulk_docs`, { docs: writes });
  return { published: docs.length };
}

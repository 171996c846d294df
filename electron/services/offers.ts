/**
 * Producers' stock for each distribution. Every write checks, inside the same
 * transaction, that no offer goes below what is already ordered.
 */
import { randomUUID } from 'node:crypto';
import { UserError } from '../../shared/contract/errors';
import type { OfferRow, StockCell, StockGrid } from '../../shared/catalogue/views';
import type { Distribution, Offer } from '../../shared/model/distribution';
import { checkOfferQuantity, offerPrice, remaining } from '../../shared/offers/stock';
import { compareText } from '../../shared/text/normalise';
import { distributionFile } from '../store/entities';
import type { Store, Transaction } from '../store/store';
import { distributionView, existingDistribution, isFinished } from './distributions';
import { orderedByProduct } from './ordered';
import { readRelay } from './relay';

export interface OfferEntry {
  distributionId: string;
  productId: string;
  /** null = unlimited; undefined with `withdraw` = take it out of the sale. */
  quantity: number | null;
  priceCents?: number | null;
  withdraw?: boolean;
}

export function offersOf(source: Store | Transaction, distributionId: string): Offer[] {
  return source.inFile('offer', distributionFile(distributionId));
}

function findOffer(source: Store | Transaction, distributionId: string, productId: string): Offer | undefined {
  return offersOf(source, distributionId).find((offer) => offer.productId === productId);
}

/** Applies one stock entry; throws a UserError (nothing staged by the caller survives) when a rule says no. */
export function applyEntry(tx: Transaction, entry: OfferEntry, at: Date): void {
  const distribution = existingDistribution(tx, entry.distributionId);
  const { timeZone } = readRelay(tx);
  if (isFinished(distribution, at, timeZone)) {
    throw new UserError('error.distributionFinished', { date: distribution.pickupDate });
  }
  const product = tx.get('product', entry.productId);
  if (!product) throw new UserError('error.productNotFound');
  const ordered = orderedByProduct(tx, distribution.id).get(product.id) ?? 0;
  const current = findOffer(tx, distribution.id, product.id);
  const stamp = at.toISOString();

  if (entry.withdraw) {
    if (!current || current.withdrawnAt !== null) return;
    // An offer with orders stays: withdrawing it would take products out of members' baskets.
    if (ordered > 0) throw new UserError('error.stockBelowOrdered', { product: product.name, ordered, quantity: 0 });
    tx.put('offer', { ...current, withdrawnAt: stamp, updatedAt: stamp });
    return;
  }
  if (product.archivedAt !== null) throw new UserError('error.productArchived', { name: product.name });
  // An archived producer sells nothing, as products.restore already holds.
  const producer = tx.get('producer', product.producerId);
  if (producer && producer.archivedAt !== null) throw new UserError('error.producerArchived', { name: producer.name });
  checkOfferQuantity(entry.quantity, ordered, product.name);
  tx.put('offer', {
    id: current?.id ?? randomUUID(),
    distributionId: distribution.id,
    productId: product.id,
    quantity: entry.quantity,
    priceCents: entry.priceCents === undefined ? (current?.priceCents ?? null) : entry.priceCents,
    withdrawnAt: null,
    updatedAt: stamp,
  });
}

/** Called when a product is archived: it leaves every offer still to come that has no orders. */
export function withdrawFromFutureOffers(tx: Transaction, productId: string, at: Date): void {
  const { timeZone } = readRelay(tx);
  // Distribution by distribution, the finished ones skipped first: years of history stay unread.
  for (const distribution of tx.all('distribution')) {
    if (isFinished(distribution, at, timeZone)) continue;
    for (const offer of tx.inFile('offer', distributionFile(distribution.id))) {
      if (offer.productId !== productId || offer.withdrawnAt !== null) continue;
      if ((orderedByProduct(tx, distribution.id).get(productId) ?? 0) > 0) continue;
      tx.put('offer', { ...offer, withdrawnAt: at.toISOString(), updatedAt: at.toISOString() });
    }
  }
}

function cellsOf(source: Store | Transaction, distribution: Distribution, productIds: ReadonlySet<string>): StockCell[] {
  const ordered = orderedByProduct(source, distribution.id);
  return offersOf(source, distribution.id)
    .filter((offer) => productIds.has(offer.productId) && offer.withdrawnAt === null)
    .map((offer) => ({
      distributionId: distribution.id,
      productId: offer.productId,
      offered: true,
      quantity: offer.quantity,
      priceCents: offer.priceCents,
      ordered: ordered.get(offer.productId) ?? 0,
    }));
}

export function offersService(store: () => Store, now: () => Date) {
  return {
    'offers.forDistribution': async ({ distributionId }: { distributionId: string }): Promise<OfferRow[]> => {
      const source = store();
      existingDistribution(source, distributionId);
      const ordered = orderedByProduct(source, distributionId);
      const rows: OfferRow[] = [];
      for (const offer of offersOf(source, distributionId)) {
        if (offer.withdrawnAt !== null) continue;
        const product = source.get('product', offer.productId);
        const producer = product && source.get('producer', product.producerId);
        if (!product || !producer) continue;
        const sold = ordered.get(product.id) ?? 0;
        rows.push({ offer, product, producer, ordered: sold, remaining: remaining(offer, sold), priceCents: offerPrice(offer, product) });
      }
      return rows.sort(
        (a, b) => compareText(a.producer.name, b.producer.name) || compareText(a.product.name, b.product.name),
      );
    },

    'offers.set': (entry: OfferEntry) =>
      store().transact((tx) => {
        applyEntry(tx, entry, now());
        return { saved: tx.staged.size };
      }),

    /** The stock grid's save: every entry or none, so a refused cell never leaves half a grid saved. */
    'offers.saveMany': ({ entries }: { entries: OfferEntry[] }) =>
      store().transact((tx) => {
        for (const entry of entries) applyEntry(tx, entry, now());
        return { saved: tx.staged.size };
      }),

    'offers.stockGrid': async ({ producerId, weeks }: { producerId: string; weeks: number }): Promise<StockGrid> => {
      const source = store();
      const producer = source.get('producer', producerId);
      if (!producer) throw new UserError('error.producerNotFound');
      const { timeZone } = readRelay(source);
      const at = now();
      const products = source
        .all('product')
        .filter((product) => product.producerId === producerId && product.archivedAt === null)
        .sort((a, b) => compareText(a.name, b.name));
      const productIds = new Set(products.map((product) => product.id));
      const byDate = source.all('distribution').sort((a, b) => a.pickupDate.localeCompare(b.pickupDate));
      const coming = byDate.filter((distribution) => !isFinished(distribution, at, timeZone)).slice(0, weeks);
      const before = coming[0] ? byDate.filter((d) => d.pickupDate < coming[0]!.pickupDate && d.cancelledAt === null) : [];
      const previous = before.at(-1);
      return {
        producer,
        products,
        distributions: coming.map((distribution) => distributionView(source, distribution, at, timeZone)),
        cells: coming.flatMap((distribution) => cellsOf(source, distribution, productIds)),
        previous: previous ? cellsOf(source, previous, productIds) : [],
      };
    },
  };
}


/**
 * On a producer's own copy (issue 16): the distributions of the other relays
 * of the network that take stock from it (network-calendar.ts), and the stock
 * it declares for each. Its own relay's distributions are in its store, synced
 * through the shared folder; these are not the store's to hold — the folder's
 * organiser would refuse another relay's distributions from a producer's copy —
 * so they are kept in `sync/network-stock.json`, this copy's own bookkeeping
 * beside its sync state, never synced through a folder. They reach the relays
 * as the signed `stock:<distribution id>` documents the copy publishes
 * (network-publish.ts); each relay takes in only its own distributions' stock.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../../shared/contract/errors';
import type { NetworkDistribution, NetworkStockList } from '../../shared/shop/network';
import { compareText } from '../../shared/text/normalise';
import type { Store } from '../store/store';
import { writeFileAtomic } from '../store/atomic-write';
import { SYNC_DIR } from '../sync/state';

const fileSchema = z.object({
  readAt: z.string().nullable(),
  distributions: z.array(z.object({
    distributionId: z.string(), relayName: z.string(), pickupDate: z.string(), pickupStart: z.string(), pickupEnd: z.string(), closesAt: z.string(),
  })),
  /** quantity null: not offered (withdrawn if it was). */
  offers: z.array(z.object({ distributionId: z.string(), productId: z.string(), quantity: z.number().nullable(), updatedAt: z.string() })),
});
export type NetworkStockFile = z.infer<typeof fileSchema>;
export type DeclaredOffer = NetworkStockFile['offers'][number];

const EMPTY: NetworkStockFile = { readAt: null, distributions: [], offers: [] };

export function networkStockFile(dataDir: string) {
  const path = join(dataDir, SYNC_DIR, 'network-stock.json');
  // One change after the other: a quantity typed while a sync rewrites the list is not lost.
  let queue: Promise<unknown> = Promise.resolve();
  const read = async (): Promise<NetworkStockFile> => {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
      return parsed.success ? parsed.data : EMPTY;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY;
      throw error;
    }
  };
  const change = <T>(work: (file: NetworkStockFile) => { file: NetworkStockFile; result: T }): Promise<T> => {
    const next = queue.then(async () => {
      const { file, result } = work(await read());
      await writeFileAtomic(path, `${JSON.stringify(file)}\n`);
      return result;
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    read,
    /** The calendar as just read from the network: declarations for distributions no longer listed are dropped with them. */
    replaceCalendar: (distributions: NetworkDistribution[], now: Date) =>
      change((file) => {
        const listed = new Set(distributions.map((each) => each.distributionId));
        return { file: { readAt: now.toISOString(), distributions, offers: file.offers.filter((offer) => listed.has(offer.distributionId)) }, result: undefined };
      }),
    /**
     * A quantity declared for one product of this producer in one listed distribution (checked by the contract);
     * null = not offered there, kept with its time so that the relay withdraws an offer declared before.
     */
    declare: (store: Store, producerId: string | null, input: { distributionId: string; productId: string; quantity: number | null }, now: Date) =>
      change((file) => {
        const distribution = file.distributions.find((each) => each.distributionId === input.distributionId);
        // Its own relay's distributions are declared on the stock screen, into the store (and the folder), not here.
        if (!distribution || store.get('distribution', input.distributionId)) throw new UserError('network.unknownDistribution');
        if (Date.parse(distribution.closesAt) <= now.getTime()) throw new UserError('network.distributionClosed', { relay: distribution.relayName });
        const product = store.get('product', input.productId);
        if (!product || product.producerId !== producerId || product.archivedAt !== null) throw new UserError('network.notOwnProduct');
        const others = file.offers.filter((offer) => !(offer.distributionId === input.distributionId && offer.productId === input.productId));
        const offers = [...others, { distributionId: input.distributionId, productId: input.productId, quantity: input.quantity, updatedAt: now.toISOString() }];
        return { file: { ...file, offers }, result: undefined };
      }),
  };
}
export type NetworkStockStore = ReturnType<typeof networkStockFile>;

/** What the producer's network screen shows: its products, and each listed distribution with what it declared. */
export function networkStockList(store: Store, producerId: string | null, file: NetworkStockFile): NetworkStockList {
  const products = store.all('product')
    .filter((product) => product.producerId === producerId && product.archivedAt === null)
    .sort((a, b) => compareText(a.name, b.name))
    .map((product) => ({ productId: product.id, name: product.name, unit: product.unit }));
  // Its own relay's distributions are in the store: declared on the stock screen, as before, not twice.
  const distributions = file.distributions
    .filter((distribution) => !store.get('distribution', distribution.distributionId))
    .map((distribution) => ({
      ...distribution,
      offers: file.offers.flatMap(({ distributionId, productId, quantity }) => (distributionId === distribution.distributionId && quantity !== null ? [{ productId, quantity }] : [])),
    }));
  return { products, distributions, readAt: file.readAt };
}

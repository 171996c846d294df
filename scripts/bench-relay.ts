/**
 * The relay the benchmarks measure (scripts/bench.ts, scripts/bench-open.ts): per year 40 producers,
 * 400 products, 300 members, 50 weekly distributions of 150 orders × 6 lines, written in the store's
 * own format. Deterministic (seeded), so every run measures the same relay.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Distribution, Offer } from '../shared/model/distribution';
import type { Member } from '../shared/model/member';
import type { Order, OrderLine } from '../shared/model/order';
import type { Producer } from '../shared/model/producer';
import type { Product } from '../shared/model/product';
import { distributionFile } from '../electron/store/entities';
import { serialiseFile } from '../electron/store/envelope';

const DAY = 24 * 3600 * 1000;
/** The histories the benchmarks compare: label and number of weekly distributions. */
export const HISTORY_SIZES = { '1w': ['1 week', 1], '1y': ['1 year', 50], '5y': ['5 years', 250] } as const;

/** The sizes named by `--sizes=1w,1y,5y`. */
export function historySizes(flag: string | undefined) {
  return (flag ?? '1w,1y,5y').split(',').map((size) => {
    if (!(size in HISTORY_SIZES)) throw new Error(`--sizes: ${size} is not one of ${Object.keys(HISTORY_SIZES).join(', ')}`);
    return HISTORY_SIZES[size as keyof typeof HISTORY_SIZES];
  });
}
export const now = Date.now();
export const iso = (ms: number) => new Date(ms).toISOString();
const dateOf = (ms: number) => iso(ms).slice(0, 10);

export interface Relay {
  producers: Producer[];
  products: Product[];
  members: Member[];
  distributions: { distribution: Distribution; offers: Offer[]; orders: Order[] }[];
}

/** A deterministic pseudo-random sequence, so every run builds the same relay. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

export function buildRelay(distributionCount: number): Relay {
  const rand = random(42);
  const stamp = iso(now - 6 * 365 * DAY);
  const producers: Producer[] = Array.from({ length: 40 }, (_, i) => ({
    id: randomUUID(), name: `Producteur ${i + 1}`, businessName: `Ferme ${i + 1}`, contactName: 'Contact', email: `p${i}@example.be`,
    phone: '+32 81 00 00 00', address: 'Rue de la Gare 1, 5030 Gembloux', distanceKm: Math.round(rand() * 60), notes: '',
    archivedAt: null, createdAt: stamp, updatedAt: stamp,
  }));
  const products: Product[] = Array.from({ length: 400 }, (_, i) => ({
    id: randomUUID(), producerId: producers[i % 40]!.id, name: `Produit ${i + 1}`, category: 'légumes', unit: 'kg',
    packDescription: 'sachet de 500 g', priceCents: 100 + Math.round(rand() * 2000), vatRateBp: 600, defaultStock: 20, pricing: 'unit', pieceGrams: null,
    archivedAt: null, createdAt: stamp, updatedAt: stamp,
  }));
  const members: Member[] = Array.from({ length: 300 }, (_, i) => ({
    id: randomUUID(), name: `Membre ${i + 1}`, email: `m${i}@example.be`, phone: '+32 470 00 00 00', notes: '',
    preferredPickupTime: null, archivedAt: null, createdAt: stamp, updatedAt: stamp,
  }));
  const distributions: Relay['distributions'] = [];
  for (let d = 0; d < distributionCount; d++) {
    // The last distribution is this week's, open for ordering now; the others are weekly before it.
    const pickup = now + 2 * DAY - (distributionCount - 1 - d) * 7 * DAY;
    const distribution: Distribution = {
      id: randomUUID(), pickupDate: dateOf(pickup), pickupStart: '17:00', pickupEnd: '19:00',
      opensAt: iso(pickup - 6 * DAY), closesAt: iso(pickup - DAY), closedEarlyAt: null, cancelledAt: null,
      seriesId: null, notes: '',
      // Past distributions hold their frozen rates, as after the format-2 migration (issue 15); this week's is still open.
      rates: d < distributionCount - 1 ? { hostCommissionBp: 835, serviceFeeBp: 1165, currency: 'EUR', frozenAt: iso(pickup - DAY) } : null,
      rateChanges: [], settledAt: null, createdAt: stamp, updatedAt: stamp,
    };
    const offered = products.filter(() => rand() < 0.5);
    const offers: Offer[] = offered.map((product) => ({
      id: randomUUID(), distributionId: distribution.id, productId: product.id, quantity: null, priceCents: null, withdrawnAt: null,
      updatedAt: stamp,
    }));
    const orders: Order[] = Array.from({ length: 150 }, (_, o) => {
      const lines: OrderLine[] = [];
      const used = new Set<string>();
      while (lines.length < 6) {
        const product = offered[Math.floor(rand() * offered.length)]!;
        if (used.has(product.id)) continue;
        used.add(product.id);
        lines.push({
          id: randomUUID(), productId: product.id, productName: product.name, quantity: 1 + Math.floor(rand() * 3),
          unitPriceCents: product.priceCents, vatRateBp: product.vatRateBp, addedAt: stamp, missing: null, pieceGrams: null, weighedGrams: null,
        });
      }
      return {
        id: randomUUID(), distributionId: distribution.id, memberId: members[o]!.id, basketNumber: o + 1, lines, note: '',
        late: false, cancelledAt: null, slotId: null, slotPinned: false, slotOverride: false, collectedAt: null, noShowAt: null, counter: false, buyerName: '',
        createdAt: stamp, updatedAt: stamp,
      };
    });
    distributions.push({ distribution, offers, orders });
  }
  return { producers, products, members, distributions };
}

/** Writes the relay exactly as the store would (one file per distribution). */
export async function writeStoreFormat(dataDir: string, relay: Relay): Promise<void> {
  await mkdir(join(dataDir, 'distributions'), { recursive: true });
  await writeFile(join(dataDir, 'producers.json'), serialiseFile({ producer: relay.producers }));
  await writeFile(join(dataDir, 'products.json'), serialiseFile({ product: relay.products }));
  await writeFile(join(dataDir, 'members.json'), serialiseFile({ member: relay.members }));
  for (const { distribution, offers, orders } of relay.distributions) {
    await writeFile(join(dataDir, distributionFile(distribution.id)), serialiseFile({ distribution: [distribution], offer: offers, order: orders }));
  }
}

/**
 * The ordered totals organisers publish in the producers folder (ordered.json): a
 * producer's copy shows them beside its stock. Like every file in a shared folder it
 * is signed by the copy that writes it (issue 13), and read only from organisers'
 * copies on the roster, with the key the roster holds for them: an unsigned or
 * forged file — say, totals of zero dated years ahead, which would win forever — is
 * refused and listed. Older files without a signature are refused alike; the
 * organiser's next sync writes a signed one.
 */
import { z } from 'zod';
import { canonicalJson, fnv1a64 } from '../../shared/sync/canonical';
import { orderedByProduct } from '../../shared/orders/totals';
import type { SyncProblem } from '../../shared/sync/status';
import type { Store } from '../store/store';
import { ordersOf } from '../services/ordered';
import type { SyncFolder } from './folder';
import { verifySignature, type Identity } from './identity';
import type { Judged } from './trust';

/** A file dated further ahead than this is not from a right clock (hlc.ts allows the same for changes). */
const MAX_AHEAD_MS = 24 * 60 * 60 * 1000;

const orderedSchema = z.object({
  format: z.literal('cabas-sync-ordered'),
  version: z.literal(1),
  device: z.string().optional(),
  at: z.string(),
  totals: z.record(z.string(), z.record(z.string(), z.number().int().min(0))),
  checksum: z.string(),
  signature: z.string().optional(),
});
export type OrderedTotals = z.infer<typeof orderedSchema>;

function signedPart(file: OrderedTotals): string {
  const { signature: _signature, ...rest } = file;
  return canonicalJson(rest);
}

/** The first pickup date whose totals are published (and kept on a producer's copy): those of the last month and to come. */
export function publishedSince(now: Date): string {
  return new Date(now.getTime() - 31 * 86_400_000).toISOString().slice(0, 10);
}

/** Per distribution still to come (or of the last month), per product: this copy's own orders. */
export function orderedFile(store: Store, now: Date, identity: Identity): string {
  const since = publishedSince(now);
  const totals: Record<string, Record<string, number>> = {};
  for (const distribution of store.all('distribution')) {
    if (distribution.pickupDate < since) continue;
    // This copy's own orders only: what another copy published must not be published back as if it were ours.
    totals[distribution.id] = Object.fromEntries(orderedByProduct(ordersOf(store, distribution.id)));
  }
  const file: OrderedTotals = { format: 'cabas-sync-ordered', version: 1, device: store.deviceId, at: now.toISOString(), totals, checksum: fnv1a64(canonicalJson(totals)) };
  return `${JSON.stringify({ ...file, signature: identity.sign(signedPart(file)) })}\n`;
}

/** The latest totals an organiser's copy on the roster signed; what does not hold up is handed to `refuse`. */
export async function latestOrdered(folder: SyncFolder, devices: readonly (Judged & { awaiting: false })[], now: Date, refuse: (problem: SyncProblem) => void): Promise<OrderedTotals | null> {
  let latest: OrderedTotals | null = null;
  for (const { device, role, key } of devices) {
    if (role.role !== 'organiser') continue;
    const text = await folder.readOrdered(device);
    if (text === null) continue;
    const file = `${device}/ordered.json`;
    const parsed = orderedSchema.safeParse(safeJson(text));
    if (!parsed.success || fnv1a64(canonicalJson(parsed.data.totals)) !== parsed.data.checksum) continue;
    const totals = parsed.data;
    // No roster yet (key null): nothing to check against, as for batches (trust.ts).
    if (key !== null && (totals.device !== device || totals.signature === undefined || !verifySignature(key, signedPart(totals), totals.signature))) {
      refuse({ code: 'badSignature', detail: file, device, file, value: totals.signature === undefined ? 'unsigned' : 'signature' });
      continue;
    }
    const at = Date.parse(totals.at);
    if (Number.isNaN(at) || at - now.getTime() > MAX_AHEAD_MS) {
      refuse({ code: 'futureTimestamp', detail: file, device, file, value: totals.at });
      continue;
    }
    if (!latest || totals.at > latest.at) latest = totals;
  }
  return latest;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The roster (issue 13, case 5): which copies may write to the sync folders and
 * in which role, kept by the organiser's copy that first enrolled (the keeper)
 * and signed with its key. It is published in each folder so the other copies
 * can read it; what a copy says about itself in its device.json is never trusted.
 *
 * Bringing in a folder synced before rosters existed: the first organiser's copy
 * to sync with this version, finding no roster in the folder, enrols itself as
 * the keeper; every other copy (organiser or producer) is then listed as
 * awaiting approval, with its code, and its files wait until approved. A copy
 * of an older version has no key: it waits until it is updated. Each copy, at
 * its first sync with a key, writes a new signed snapshot in place of its old
 * unsigned files (engine.ts), which are refused from then on.
 */
import { z } from 'zod';
import { canonicalJson } from '../../shared/sync/canonical';
import type { RosterRole } from '../../shared/sync/status';
import { verifySignature, type Identity } from './identity';

const entrySchema = z.object({
  device: z.string().min(1).max(100),
  publicKey: z.string().min(1).max(100),
  role: z.enum(['organiser', 'producer']),
  producerId: z.string().nullable(),
  approvedAt: z.string(),
});
export type RosterEntry = z.infer<typeof entrySchema>;

export const rosterSchema = z.object({
  format: z.literal('cabas-roster'),
  version: z.literal(1),
  /** The organiser's copy that keeps and signs the roster. */
  keeper: z.string().min(1),
  keeperKey: z.string().min(1),
  issuedAt: z.string(),
  copies: z.array(entrySchema).max(1000),
  /**
   * Copies the organiser took off the roster (a lost laptop, a producer who left): their later
   * files are refused and listed. Left out while empty, so rosters signed before it still verify.
   */
  removed: z.array(z.object({ device: z.string().min(1).max(100), publicKey: z.string().min(1).max(100), removedAt: z.string() })).max(1000).optional(),
  signature: z.string(),
});
export type Roster = z.infer<typeof rosterSchema>;

function signedPart(roster: Omit<Roster, 'signature'> & { signature?: string }): string {
  const { signature: _signature, ...rest } = roster;
  return canonicalJson(rest);
}

function signRoster(identity: Identity, unsigned: Omit<Roster, 'signature'>): Roster {
  return { ...unsigned, signature: identity.sign(signedPart(unsigned)) };
}

/** The first organiser's copy enrols itself: the roster starts with it alone. */
export function firstRoster(identity: Identity, device: string, now: Date): Roster {
  const at = now.toISOString();
  return signRoster(identity, {
    format: 'cabas-roster',
    version: 1,
    keeper: device,
    keeperKey: identity.publicKey,
    issuedAt: at,
    copies: [{ device, publicKey: identity.publicKey, role: 'organiser', producerId: null, approvedAt: at }],
  });
}

/** The roster with one more copy (or a copy's role changed), signed again by the keeper. */
export function approve(identity: Identity, roster: Roster, entry: Omit<RosterEntry, 'approvedAt'>, now: Date): Roster {
  if (identity.publicKey !== roster.keeperKey) throw new Error('only the keeper signs the roster');
  const at = nextIssue(roster, now);
  const copies = [...roster.copies.filter((copy) => copy.device !== entry.device), { ...entry, approvedAt: at }];
  // Approved again after a removal: the organiser compared its code again.
  const removed = (roster.removed ?? []).filter((copy) => copy.device !== entry.device);
  return signRoster(identity, { format: roster.format, version: roster.version, keeper: roster.keeper, keeperKey: roster.keeperKey, issuedAt: at, copies, ...(removed.length > 0 && { removed }) });
}

/** The roster without one copy, signed again by the keeper: that copy's files from now on are refused. The keeper cannot remove itself. */
export function removeCopy(identity: Identity, roster: Roster, device: string, now: Date): Roster {
  if (identity.publicKey !== roster.keeperKey) throw new Error('only the keeper signs the roster');
  const entry = roster.copies.find((copy) => copy.device === device);
  if (!entry || device === roster.keeper) throw new Error('not a copy the keeper can remove');
  const at = nextIssue(roster, now);
  const copies = roster.copies.filter((copy) => copy.device !== device);
  const removed = [...(roster.removed ?? []).filter((copy) => copy.device !== device), { device, publicKey: entry.publicKey, removedAt: at }];
  return signRoster(identity, { format: roster.format, version: roster.version, keeper: roster.keeper, keeperKey: roster.keeperKey, issuedAt: at, copies, removed });
}

/**
 * Each roster the keeper signs is strictly later than the one before, even if the clock
 * stood still or went back: the other copies take a roster only when it is newer.
 */
function nextIssue(roster: Roster, now: Date): string {
  const previous = Date.parse(roster.issuedAt);
  return new Date(Number.isNaN(previous) ? now.getTime() : Math.max(now.getTime(), previous + 1)).toISOString();
}

/**
 * A roster read from a file, if it is one and its keeper signed it. `trusted`
 * (the keeper's key this copy already holds) must match: a roster signed by any
 * other key is someone else's, whatever it says.
 */
export function readRoster(text: string | null, trusted?: { keeper: string; keeperKey: string }): Roster | null {
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = rosterSchema.safeParse(data);
  if (!parsed.success) return null;
  const roster = parsed.data;
  if (trusted && (roster.keeper !== trusted.keeper || roster.keeperKey !== trusted.keeperKey)) return null;
  // The keeper is on its own roster as an organiser, with the key that signs it.
  const keeper = roster.copies.find((copy) => copy.device === roster.keeper);
  if (!keeper || keeper.publicKey !== roster.keeperKey || keeper.role !== 'organiser') return null;
  return verifySignature(roster.keeperKey, signedPart(roster), roster.signature) ? roster : null;
}

export function serialiseRoster(roster: Roster): string {
  return `${JSON.stringify(roster, null, 1)}\n`;
}

/** What a copy may do, by the roster: its role, or null when it is not on it (or with another key). */
export function roleOf(roster: Roster, device: string, publicKey?: string): RosterRole | null {
  const entry = roster.copies.find((copy) => copy.device === device);
  if (!entry || (publicKey !== undefined && entry.publicKey !== publicKey)) return null;
  return { role: entry.role, producerId: entry.producerId };
}

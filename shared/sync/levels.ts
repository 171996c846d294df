/**
 * The two sharing levels, each its own folder (issue 6). The team folder
 * carries everything, for organisers. The producers folder carries what a
 * producer needs to enter stock — the relay's settings, producers, catalogue,
 * distributions and offers — and, apart from the change records, the ordered
 * quantity of each product (sync/ordered totals): never a member's name,
 * phone, email, order or account.
 */
import type { EntityKind } from '../model/change';

export const SYNC_LEVELS = ['team', 'producers'] as const;
export type SyncLevel = (typeof SYNC_LEVELS)[number];

const PRODUCERS_KINDS: ReadonlySet<EntityKind> = new Set(['relay', 'producer', 'product', 'distribution', 'offer']);

/**
 * The outbox (issue 15) stays on the copy that prepared it: a message's sending state synced to
 * another copy could be overwritten by that copy's own "prepared" and sent twice.
 */
const LOCAL_KINDS: ReadonlySet<EntityKind> = new Set(['outboxMessage']);

export function carries(level: SyncLevel, kind: EntityKind): boolean {
  if (LOCAL_KINDS.has(kind)) return false;
  return level === 'team' || PRODUCERS_KINDS.has(kind);
}

/** What a producer's copy may change, and so what organisers accept from it: its offers. */
export const PRODUCER_WRITES: ReadonlySet<EntityKind> = new Set(['offer']);

/**
 * What the store asks of the sync journal (electron/sync/journal.ts), without depending on sync.
 *
 * A copy that syncs keeps every committed change in its sync journal until each folder has had
 * it. Written there on its own, that was a second durable write per change (issue 11: a
 * syncing copy's change cost twice the store's). Instead, a commit's sync journal entries ride
 * in the store's own journal line, durable with it; the sync journal's file catches up before
 * the store drops the lines that carry them (a fold), and after a crash the lines replayed at
 * open hand back what it had not written yet.
 */
import { z } from 'zod';
import type { ChangeRecord } from '../../shared/model/change';
import { changeSchema } from '../../shared/sync/envelope';

/** A commit's entries in the sync journal: its changes, numbered on from `from`, and where they came from. */
export interface JournaledChanges {
  /** The sync journal number of the first change; the next ones follow. */
  from: number;
  /** null: made on this copy; otherwise the sync folder they were merged from. */
  origin: string | null;
  changes: ChangeRecord[];
}

export const journaledChangesSchema = z.strictObject({
  from: z.number().int().min(1),
  origin: z.string().nullable(),
  changes: z.array(changeSchema),
});

export interface SyncLog {
  /** The entries a commit's line carries, or undefined when no folder needs them. Asked one commit at a time, in order. */
  entriesFor(changes: readonly ChangeRecord[], origin: string | null): JournaledChanges | undefined;
  /** The line carrying them is on disk: they are the sync journal's now. Also called with the lines replayed at open. */
  taken(entries: JournaledChanges): void;
  /** Resolves once the sync journal's own file holds every entry taken: the store is about to drop the lines that carry them. */
  flush(): Promise<void>;
}

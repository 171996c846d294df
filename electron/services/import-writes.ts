/**
 * The write of an import of whole records, one per row (producers, members):
 * what the plan matched is updated only when it changes, the rest is created
 * with the model's defaults for the columns the file left out.
 */
import { randomUUID } from 'node:crypto';
import { differs } from '../../shared/csv/columns';
import type { EntityOf } from '../store/entities';
import type { Transaction } from '../store/store';

type Kind = 'producer' | 'member';
type Fields<K extends Kind> = Omit<EntityOf<K>, 'id' | 'archivedAt' | 'createdAt' | 'updatedAt'>;

export function writeImportedRecords<K extends Kind>(
  tx: Transaction,
  kind: K,
  writes: readonly { existingId: string | null; fields: Partial<Fields<K>> }[],
  /** The model's draft schema: the defaults of a new record. */
  draft: (fields: Partial<Fields<K>>) => Fields<K>,
  at: string,
): void {
  for (const { existingId, fields } of writes) {
    const current = existingId ? tx.get(kind, existingId) : undefined;
    if (current) {
      // An unchanged row is not a change: no new updatedAt, no file rewritten.
      if (differs(current, fields)) tx.put(kind, { ...current, ...fields, updatedAt: at });
    } else {
      tx.put(kind, { ...draft(fields), id: randomUUID(), archivedAt: null, createdAt: at, updatedAt: at } as EntityOf<K>);
    }
  }
}

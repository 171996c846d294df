/** The store's records in memory: one map per kind, by id, filled from the data files. */
import type { EntityKind } from '../../shared/model/change';
import type { Stamps } from '../../shared/sync/stamps';
import type { LoadedFile } from './data-files';
import { entityKinds, type EntityOf } from './entities';
import { keyOf, type Grave } from './sync-ledger';

export type Tables = { [K in EntityKind]: Map<string, EntityOf<K>> };

export function emptyTables(): Tables {
  return Object.fromEntries(entityKinds.map((kind) => [kind, new Map()])) as Tables;
}

/** Puts a file's records, stamps and removed records into the tables and the ledger's maps. */
export function takeIn(file: Pick<LoadedFile, 'records' | 'sync'>, tables: Tables, stamps: Map<string, Stamps>, graves: Map<string, Grave>): void {
  for (const kind of entityKinds) {
    for (const record of file.records[kind] ?? []) (tables[kind] as Map<string, unknown>).set(record.id, record);
    for (const [id, stamp] of Object.entries(file.sync.stamps?.[kind] ?? {})) stamps.set(keyOf(kind, id), stamp);
    for (const [id, grave] of Object.entries(file.sync.removed?.[kind] ?? {})) graves.set(keyOf(kind, id), grave);
  }
}

/**
 * Store tests open folders and compare what two openings hold: one way to open a
 * folder that must be ready, and one fingerprint of everything a reopening must find.
 */
import { entityKinds } from '../store/entities';
import { openStore, type Store, type StoreOptions } from '../store/store';

export async function readyStore(options: StoreOptions): Promise<Store> {
  const opened = await openStore(options);
  if (opened.state !== 'ready') throw new Error(`expected a ready store, got ${JSON.stringify(opened.problem)}`);
  return opened.store;
}

/** Everything a reopening must find the same: every record of every kind, its field timestamps, the removals. */
export function storeState(store: Store): string {
  const records = entityKinds.map((kind) =>
    store
      .all(kind)
      .map((record) => ({ kind, record, stamps: store.stampsOf(kind, record.id) }))
      .sort((a, b) => a.record.id.localeCompare(b.record.id)),
  );
  const removed = store.removedRecords().sort((a, b) => a.id.localeCompare(b.id));
  return JSON.stringify({ records, removed });
}

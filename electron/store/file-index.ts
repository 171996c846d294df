/**
 * Which records each data file holds, and which removed records it keeps: so that reading
 * one distribution's offers, or writing one file at a fold, never scans years of other
 * files' records. Kept in step with the tables by the store (every applied change, every
 * partition loaded later).
 */
import type { EntityKind } from '../../shared/model/change';
import type { Stamps } from '../../shared/sync/stamps';
import { entityKinds, fileOf } from './entities';
import type { FileRecords, SyncSection } from './envelope';
import { keyOf, type SyncLedger } from './sync-ledger';
import type { Tables } from './tables';
import type { Transaction } from './transaction';

export class FileIndex {
  /** path → kind → ids. */
  private readonly records = new Map<string, Map<EntityKind, Set<string>>>();
  /** path → `kind:id` of the removed records the file keeps. */
  private readonly graves = new Map<string, Set<string>>();

  /** The ids of one kind a file holds (not to be changed by the caller). */
  idsOf(path: string, kind: EntityKind): ReadonlySet<string> | undefined {
    return this.records.get(path)?.get(kind);
  }

  add(kind: EntityKind, record: { id: string }): void {
    const path = fileOf(kind, record as never);
    const kinds = this.records.get(path) ?? new Map<EntityKind, Set<string>>();
    kinds.set(kind, (kinds.get(kind) ?? new Set()).add(record.id));
    this.records.set(path, kinds);
  }

  remove(kind: EntityKind, record: { id: string }): void {
    this.records.get(fileOf(kind, record as never))?.get(kind)?.delete(record.id);
  }

  addGrave(path: string, key: string): void {
    this.graves.set(path, (this.graves.get(path) ?? new Set()).add(key));
  }

  /** Takes every record held and every removal the ledger keeps. */
  rebuild(tables: Tables, ledger: SyncLedger): void {
    this.records.clear();
    for (const kind of entityKinds) {
      for (const record of tables[kind].values()) this.add(kind, record);
    }
    this.graves.clear();
    for (const [key, grave] of ledger.graves) {
      const kind = key.slice(0, key.indexOf(':')) as EntityKind;
      const record = grave.record ?? tables[kind].get(key.slice(key.indexOf(':') + 1));
      if (!record) continue;
      this.addGrave(fileOf(kind, record as never), key);
    }
  }

  /** A file's records as it is to be written: what it holds, with what `tx` stages in it. */
  recordsOf(path: string, tx: Transaction): FileRecords {
    const records: Record<string, unknown[]> = {};
    const ids = new Map<EntityKind, Set<string>>();
    for (const [kind, known] of this.records.get(path) ?? []) ids.set(kind, new Set(known));
    for (const { kind, record } of tx.staged.values()) {
      if (fileOf(kind, record as never) === path) ids.set(kind, (ids.get(kind) ?? new Set()).add(record.id));
    }
    for (const kind of entityKinds) {
      const inFile = [...(ids.get(kind) ?? [])].flatMap((id) => tx.get(kind, id) ?? []);
      if (inFile.length > 0) records[kind] = inFile;
    }
    return records as FileRecords;
  }

  /** The stamps of the records a file holds and the records taken out of it. */
  syncOf(path: string, tx: Transaction, tables: Tables, ledger: SyncLedger): SyncSection {
    const stamps: Record<string, Record<string, Stamps>> = {};
    const removed: NonNullable<SyncSection['removed']> = {};
    const staged = (kind: EntityKind, id: string) => tx.staged.get(keyOf(kind, id));
    const kinds = new Map<EntityKind, Set<string>>();
    for (const [kind, ids] of this.records.get(path) ?? []) kinds.set(kind, new Set(ids));
    for (const key of this.graves.get(path) ?? []) {
      const at = key.indexOf(':');
      const kind = key.slice(0, at) as EntityKind;
      kinds.set(kind, (kinds.get(kind) ?? new Set()).add(key.slice(at + 1)));
    }
    for (const { kind, record } of tx.staged.values()) {
      if (fileOf(kind, record as never) === path) kinds.set(kind, (kinds.get(kind) ?? new Set()).add(record.id));
    }
    for (const [kind, ids] of kinds) {
      for (const id of ids) {
        const key = keyOf(kind, id);
        const entry = staged(kind, id);
        const grave = entry ? entry.grave : ledger.graves.get(key);
        if (grave) (removed[kind] ??= {})[id] = grave;
        if (entry?.removed) continue;
        const stamp = entry ? entry.stamps : ledger.stamps.get(key);
        if (stamp && (entry || tables[kind].has(id))) (stamps[kind] ??= {})[id] = stamp;
      }
    }
    return { stamps, removed };
  }
}

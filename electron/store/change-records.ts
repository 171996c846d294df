/**
 * What a transaction changed, as change records (the one stream persistence, undo and
 * sync feed on): per record, the fields that differ from the state held, each dated by
 * the copy's clock, with the field stamps and removals the commit writes beside them.
 * Staged records that change nothing are dropped from the transaction.
 */
import type { ChangeRecord, EntityKind } from '../../shared/model/change';
import type { HybridClock } from '../../shared/sync/hlc';
import { legacyStamp, stampedAt, withFields, type Stamps } from '../../shared/sync/stamps';
import { sameJson } from './same-json';
import { keyOf, type SyncLedger } from './sync-ledger';
import type { Tables } from './tables';
import type { Transaction } from './transaction';

export interface ChangeContext {
  deviceId: string;
  tables: Tables;
  ledger: SyncLedger;
  clock: HybridClock;
  stampsOf(kind: EntityKind, id: string): Stamps | undefined;
}

export function changesOf(tx: Transaction, { deviceId, tables, ledger, clock, stampsOf }: ChangeContext): ChangeRecord[] {
  const changes: ChangeRecord[] = [];
  for (const { kind, record, removed, baseline } of tx.staged.values()) {
    const key = keyOf(kind, record.id);
    const before = tables[kind].get(record.id) as Record<string, unknown> | undefined;
    if (removed) {
      // Put and removed in the same transaction: it never reached the disk, nothing to say.
      if (before) {
        const at = clock.tick();
        tx.staged.set(key, { kind, record, removed, grave: { at, record: before, stamps: stampsOf(kind, record.id) ?? {} } });
        changes.push({ at, device: deviceId, entity: kind, entityId: record.id, fields: {}, removed: true });
      } else tx.staged.delete(key);
      continue;
    }
    const fields: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(record)) {
      // Compared without serialising: the parts a service kept from the record it read are the same objects.
      if (!sameJson(before?.[field], value)) fields[field] = value;
    }
    if (Object.keys(fields).length === 0) {
      tx.staged.delete(`${kind}:${record.id}`);
      continue;
    }
    const at = clock.tick();
    let stamps = before ? withFields(stampsOf(kind, record.id), Object.keys(fields), at, Object.keys(record)) : stampedAt(at);
    let news = fields;
    if (!before && baseline) {
      const legacy = legacyStamp(deviceId);
      const assumed = Object.fromEntries(Object.entries(fields).filter(([field, value]) => sameJson(baseline[field], value)));
      news = Object.fromEntries(Object.entries(fields).filter(([field]) => !(field in assumed)));
      stamps = withFields({ _: legacy }, Object.keys(news), at, Object.keys(record));
      if (Object.keys(assumed).length > 0) changes.push({ at: legacy, device: deviceId, entity: kind, entityId: record.id, fields: assumed });
    }
    tx.staged.set(key, { kind, record, stamps, grave: ledger.graves.get(key) && { ...ledger.graves.get(key)!, record: null, stamps: {} } });
    if (Object.keys(news).length > 0) changes.push({ at, device: deviceId, entity: kind, entityId: record.id, fields: news });
  }
  return changes;
}

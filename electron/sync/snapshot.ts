/**
 * A copy's whole state written as change records: each record's fields grouped
 * by the timestamp of their write, with the device that made it, and each
 * removal. Merging it gives another copy exactly what merging every change ever
 * made would have (per-field last writer wins only looks at the latest write),
 * which is what lets a copy join without replaying years of history and lets a
 * device drop its old batches.
 */
import type { ChangeRecord, EntityKind } from '../../shared/model/change';
import { parseTimestamp } from '../../shared/sync/hlc';
import { expand, legacyStamp } from '../../shared/sync/stamps';
import { entityKinds } from '../store/entities';
import type { Store } from '../store/store';

export type Keep = (kind: EntityKind, record: Record<string, unknown>) => boolean;

export function stateChanges(store: Store, keep: Keep): ChangeRecord[] {
  const changes: ChangeRecord[] = [];
  const fallback = legacyStamp(store.deviceId);
  const push = (kind: EntityKind, id: string, record: Record<string, unknown>, stamps: Readonly<Record<string, string>> | undefined) => {
    const byAt = new Map<string, Record<string, unknown>>();
    for (const [field, at] of Object.entries(expand(stamps, Object.keys(record), fallback))) {
      byAt.set(at, { ...byAt.get(at), [field]: record[field] });
    }
    for (const [at, fields] of [...byAt].sort(([a], [b]) => (a < b ? -1 : 1))) {
      changes.push({ at, device: parseTimestamp(at).device, entity: kind, entityId: id, fields });
    }
  };
  for (const kind of entityKinds) {
    for (const record of store.all(kind) as unknown as Record<string, unknown>[]) {
      if (keep(kind, record)) push(kind, record.id as string, record, store.stampsOf(kind, record.id as string));
    }
  }
  for (const { kind, id, grave } of store.removedRecords()) {
    if (!grave.record || !keep(kind, grave.record)) continue;
    push(kind, id, grave.record, grave.stamps);
    changes.push({ at: grave.at, device: parseTimestamp(grave.at).device, entity: kind, entityId: id, fields: {}, removed: true });
  }
  return changes;
}

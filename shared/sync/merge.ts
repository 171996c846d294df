/**
 * The replica state a copy merges changes into: per field, last writer wins
 * (the Actual Budget model). For each (entity, entityId, field) it keeps the
 * value and the hybrid-clock timestamp of the latest write; for each record,
 * the timestamp of its latest removal.
 *
 * Rules (each is a "keep the maximum" over a total order, so merging is
 * commutative, associative and idempotent: every copy that has applied the same
 * set of changes holds an identical state, in whatever order and however many
 * times they arrived):
 * - A field keeps a write only if the write's `at` is greater than the stored one.
 *   HLC timestamps (hlc.ts) compare as strings and end with the device id, so two
 *   devices never produce the same `at`, and one device never produces it twice:
 *   an equal `at` is the same change seen again, and changes nothing. Should two
 *   different values ever share an `at` (a corrupted or hand-made file), the greater
 *   canonical JSON wins, so copies still agree.
 * - A removal is a tombstone with its timestamp; the record's fields are kept
 *   underneath. A record is visible when it has a field write later than its
 *   latest removal: "remove wins over writes with a smaller timestamp". A later
 *   write comes from a copy that had not yet seen the removal; it brings the whole
 *   record back (never a record made of only the later fields) rather than
 *   silently dropping that copy's edit — the conflicts list can point it out.
 *
 * The state is plain data and never mutated: `apply` returns a new state that
 * shares every untouched record with the old one, or the very same state when the
 * change brought nothing new.
 */
import type { ChangeRecord, EntityKind } from '../model/change';
import { canonicalJson } from './canonical';

export interface FieldWrite {
  readonly value: unknown;
  /** HLC timestamp of the write. */
  readonly at: string;
}

export interface RecordState {
  readonly fields: Readonly<Record<string, FieldWrite>>;
  /** HLC timestamp of the latest removal, if the record was ever removed. */
  readonly removedAt?: string;
}

export type ReplicaState = { readonly [K in EntityKind]?: Readonly<Record<string, RecordState>> };

/** The visible records of each kind, by id: field name → value. Kinds with no visible record are left out. */
export type Materialised = { [K in EntityKind]?: Record<string, Record<string, unknown>> };

export const emptyReplica: ReplicaState = Object.freeze(dict<never>());

export function apply(state: ReplicaState, change: ChangeRecord): ReplicaState {
  return applyAll(state, [change]);
}

/** Applies a batch with one copy of each touched record, however many changes touch it. */
export function applyAll(state: ReplicaState, changes: Iterable<ChangeRecord>): ReplicaState {
  const draft = new Draft(state);
  for (const change of changes) draft.apply(change);
  return draft.result();
}

/**
 * Applies changes in order over one copy of the state, as `apply` one after the other would,
 * and says which of them changed something. `seeing` is shown each change with its record as
 * it stands just before it (read it then: it is the draft's). A record of years is merged in one
 * pass instead of being copied again for each of its changes (issue 11).
 */
export function applyEach(
  state: ReplicaState,
  changes: Iterable<ChangeRecord>,
  seeing?: (change: ChangeRecord, record: RecordState | undefined) => void,
): { state: ReplicaState; applied: ChangeRecord[] } {
  const draft = new Draft(state);
  const applied: ChangeRecord[] = [];
  for (const change of changes) {
    seeing?.(change, draft.current(change));
    if (draft.apply(change)) applied.push(change);
  }
  return { state: draft.result(), applied };
}

export function isVisible(record: RecordState): boolean {
  if (record.removedAt === undefined) return Object.keys(record.fields).length > 0;
  const removedAt = record.removedAt;
  return Object.values(record.fields).some((write) => write.at > removedAt);
}

export function materialise(state: ReplicaState): Materialised {
  const result: Materialised = dict<never>();
  for (const kind of Object.keys(state).sort() as EntityKind[]) {
    const records = state[kind] ?? {};
    const visible = dict<Record<string, unknown>>();
    for (const id of Object.keys(records).sort()) {
      const record = records[id]!;
      if (!isVisible(record)) continue;
      const values = dict<unknown>();
      for (const field of Object.keys(record.fields).sort()) values[field] = record.fields[field]!.value;
      visible[id] = values;
    }
    if (Object.keys(visible).length > 0) result[kind] = visible;
  }
  return result;
}

/** Does `write` replace `current`? The total order behind every rule above. */
function wins(write: FieldWrite, current: FieldWrite | undefined): boolean {
  if (!current || write.at > current.at) return true;
  if (write.at < current.at) return false;
  return canonicalJson(write.value) > canonicalJson(current.value);
}

type MutableRecord = { fields: Record<string, FieldWrite>; removedAt?: string };
type MutableState = { [K in EntityKind]?: Record<string, MutableRecord> };

/** Copy-on-write over a state: each kind map and record is copied at most once. */
class Draft {
  private readonly state: MutableState;
  private readonly copied = new Set<object>();
  private changed = false;

  constructor(private readonly original: ReplicaState) {
    this.state = Object.assign(dict(), original) as MutableState;
  }

  /** Whether the change changed anything. */
  apply(change: ChangeRecord): boolean {
    const current = (): MutableRecord | undefined => this.current(change);
    let changed = false;
    const removedAt = current()?.removedAt;
    if (change.removed && (removedAt === undefined || change.at > removedAt)) {
      this.record(change).removedAt = change.at;
      changed = true;
    }
    for (const [field, value] of Object.entries(change.fields)) {
      const write: FieldWrite = { value, at: change.at };
      if (wins(write, current()?.fields[field])) {
        this.record(change).fields[field] = write;
        changed = true;
      }
    }
    return changed;
  }

  current({ entity, entityId }: ChangeRecord): MutableRecord | undefined {
    return this.state[entity]?.[entityId];
  }

  result(): ReplicaState {
    return this.changed ? this.state : this.original;
  }

  private record({ entity, entityId }: ChangeRecord): MutableRecord {
    this.changed = true;
    let records = this.state[entity];
    if (!records || !this.copied.has(records)) {
      records = Object.assign(dict<MutableRecord>(), records);
      this.copied.add(records);
      this.state[entity] = records;
    }
    let record = records[entityId];
    if (!record || !this.copied.has(record)) {
      record = { ...record, fields: Object.assign(dict<FieldWrite>(), record?.fields) };
      this.copied.add(record);
      records[entityId] = record;
    }
    return record;
  }
}

/** A map with no prototype, so ids and field names from another device's file ("__proto__"…) stay plain keys. */
function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

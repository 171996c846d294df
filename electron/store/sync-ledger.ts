/**
 * The sync ledger: what the store keeps beside its records so that copies can
 * merge each other's changes — each record's field timestamps (stamps.ts) and
 * the records taken out (graves) — and the merge of changes from other copies.
 *
 * The decisions of that merge (which write of a field wins, whether a record is
 * visible after a removal) are taken by the pure shared/sync/merge.ts, the one
 * the convergence properties test: here it runs over one record at a time,
 * seeded with what the store holds. What is left to this module is what the
 * store adds around it: the record must still be valid for its schema, and the
 * result is handed back as entries to stage in one transaction.
 *
 * Validation is field by field (issue 13): a write whose value its field does not
 * accept is refused on its own, and the record is merged again without it, so the
 * record's creation and the change's other fields still land. A record that is
 * not whole yet (its creation has not arrived) or carries a field this version
 * does not know is parked whole, as before.
 */
import type { z } from 'zod';
import type { MessageParams } from '../../shared/contract/errors';
import { describeIssue } from '../../shared/contract/validation-issues';
import type { ChangeRecord, EntityKind } from '../../shared/model/change';
import { canonicalJson } from '../../shared/sync/canonical';
import { applyEach, isVisible, type FieldWrite, type RecordState, type ReplicaState } from '../../shared/sync/merge';
import { compact, legacyStamp, stampOf, type Stamps } from '../../shared/sync/stamps';
import { entities } from './entities';

/** A record taken out, kept so a later change from a copy that had not seen the removal can be judged. */
export interface Grave {
  at: string;
  /** Its last state, or null while only the removal's time matters (the record is visible again). */
  record: Record<string, unknown> | null;
  stamps: Stamps;
}

/** Two copies wrote different values to the same field; `winner` is the one now held everywhere. */
export interface FieldContest {
  entity: EntityKind;
  entityId: string;
  field: string;
  local: { value: unknown; at: string };
  remote: { value: unknown; at: string };
  winner: 'local' | 'remote';
}

export interface MergeResult {
  /** Changes that made a difference here. */
  applied: ChangeRecord[];
  /** Changes whose record cannot be formed yet (its creation has not arrived): retry with the next ones. */
  parked: ChangeRecord[];
  contests: FieldContest[];
  /** Field writes no schema accepts (`distanceKm: "far"`): left out, the rest of their change merged without them. */
  refused: RefusedField[];
}

/** One field of one change, refused: its value does not fit the field (`reason`, an i18n key of the schema's message). */
export interface RefusedField {
  change: ChangeRecord;
  field: string;
  value: unknown;
  /** An i18n key (zod's built-in issues mapped to ours, so that the screen can translate them). */
  reason: string;
  /** What the reason's message needs (`validation.tooLong` its `max`). */
  params?: MessageParams;
}

/** What a merge stages for one record: its new state, or its removal with the grave that remembers it. */
export interface LedgerEntry {
  kind: EntityKind;
  record: { id: string };
  removed?: true;
  stamps?: Stamps;
  grave?: Grave;
}

export function keyOf(kind: EntityKind, id: string): string {
  return `${kind}:${id}`;
}

/** The latest timestamp among stamps and graves: a restarted clock resumes after it. */
export function latestOf(stamps: Iterable<Stamps>, graves: Iterable<Grave>): string {
  let latest = '';
  for (const stamp of stamps) for (const at of Object.values(stamp)) if (at > latest) latest = at;
  for (const grave of graves) if (grave.at > latest) latest = grave.at;
  return latest;
}

type Current = (kind: EntityKind, id: string) => Record<string, unknown> | undefined;

export class SyncLedger {
  constructor(
    readonly deviceId: string,
    /** Each record's field timestamps, by `kind:id`. */
    readonly stamps = new Map<string, Stamps>(),
    /** Records taken out, by `kind:id`. */
    readonly graves = new Map<string, Grave>(),
  ) {}

  /** The field timestamps of a record; fields written before sync existed count as this copy's, at the epoch. */
  stampsOf(kind: EntityKind, id: string, record: Record<string, unknown> | undefined): Stamps | undefined {
    if (!record) return undefined;
    return compact({ _: legacyStamp(this.deviceId), ...this.stamps.get(keyOf(kind, id)) }, Object.keys(record));
  }

  /** Records taken out, with their removal time: part of a copy's state for sync. */
  removedRecords(): { kind: EntityKind; id: string; grave: Grave }[] {
    return [...this.graves].map(([key, grave]) => {
      const at = key.indexOf(':');
      return { kind: key.slice(0, at) as EntityKind, id: key.slice(at + 1), grave };
    });
  }

  /** Takes in a committed entry (made here or merged): its stamps, or its removal. */
  record({ kind, record, removed, stamps, grave }: LedgerEntry): void {
    const key = keyOf(kind, record.id);
    if (grave) this.graves.set(key, grave);
    if (removed) this.stamps.delete(key);
    else if (stamps) this.stamps.set(key, stamps);
  }

  /**
   * Merges changes made on other copies, record by record (see `mergeRecord`): what to stage,
   * and what the store reports. `current` reads a record as the store holds it.
   */
  merge(changes: readonly ChangeRecord[], current: Current): { result: MergeResult; entries: LedgerEntry[] } {
    const result: MergeResult = { applied: [], parked: [], contests: [], refused: [] };
    const entries: LedgerEntry[] = [];
    const byRecord = new Map<string, ChangeRecord[]>();
    for (const change of changes) {
      const key = keyOf(change.entity, change.entityId);
      const list = byRecord.get(key);
      if (list) list.push(change);
      else byRecord.set(key, [change]);
    }
    for (const list of byRecord.values()) {
      const entry = this.mergeRecord(list, current, result);
      if (entry) entries.push(entry);
    }
    return { result, entries };
  }

  /**
   * One record's changes, over what this copy holds of it (its record and stamps, or
   * its grave), through merge.ts. When the merged record fails its schema on a field
   * whose winning write came in these changes, that write is refused and the record
   * merged again without it (the field falls back to the latest write it accepts). A
   * record still not whole and valid (its creation has not arrived yet, or a field from
   * a newer version) is left as it is and its changes are parked, to be merged again.
   */
  private mergeRecord(original: readonly ChangeRecord[], current: Current, result: MergeResult): LedgerEntry | undefined {
    const { entity: kind, entityId: id } = original[0]!;
    const key = keyOf(kind, id);
    const grave = this.graves.get(key);
    const held = this.heldState(key, current(kind, id), grave);
    const schema = entities[kind].schema as z.ZodType<{ id: string }>;
    const refused = new Map<ChangeRecord, Set<string>>();
    // A record new here whose every write lands in it (a snapshot's, for a copy joining): the check of the
    // whole record below names each field whose value is refused, as the checks field by field would.
    const firsts = grave === undefined && Object.keys(held.fields).length === 0 ? firstWrites(original) : undefined;
    // Each written value against its own field first: one that would lose to a later write is refused
    // and listed all the same (issue 13: every refused change is listed, never silently dropped).
    for (const refusal of firsts ? [] : invalidValues(schema, original)) {
      refused.set(refusal.change, (refused.get(refusal.change) ?? new Set()).add(refusal.field));
      result.refused.push(refusal);
    }
    for (;;) {
      const changes = refused.size === 0 ? original : original.flatMap((change) => without(change, refused.get(change)));
      const together = firsts && (refused.size === 0 ? firsts : firstWrites(changes));
      const { merged, applied, contests } = together || fold(kind, id, held, changes);
      if (applied.length === 0) {
        result.contests.push(...contests);
        return undefined;
      }
      const values = dict<unknown>();
      const fieldAt = dict<string>();
      for (const [field, write] of Object.entries(merged.fields)) {
        values[field] = write.value;
        fieldAt[field] = write.at;
      }
      const parsed = schema.safeParse(values);
      if (!parsed.success) {
        const bad = badWrites(parsed.error, values, fieldAt, original, refused);
        if (bad.length > 0) {
          for (const refusal of bad) {
            refused.set(refusal.change, (refused.get(refusal.change) ?? new Set()).add(refusal.field));
            result.refused.push(refusal);
          }
          continue;
        }
        result.contests.push(...contests);
        result.parked.push(...changes);
        return undefined;
      }
      result.contests.push(...contests);
      result.applied.push(...applied);
      const stamps = compact(fieldAt, Object.keys(values));
      const removedAt = merged.removedAt;
      if (isVisible(merged)) {
        return { kind, record: parsed.data, stamps, grave: removedAt === undefined ? undefined : { at: removedAt, record: null, stamps: {} } };
      }
      return { kind, record: parsed.data, removed: true, grave: { at: removedAt!, record: values, stamps } };
    }
  }

  /** What this copy holds of a record, as merge.ts sees it: each field's value and timestamp, and its removal. */
  private heldState(key: string, record: Record<string, unknown> | undefined, grave: Grave | undefined): RecordState {
    const values = record ?? grave?.record ?? {};
    const stamps = record ? this.stamps.get(key) : grave?.stamps;
    const fallback = legacyStamp(this.deviceId);
    // Maps without a prototype: a field named "__proto__" in another copy's file stays a plain (unknown, refused) field
    // instead of replacing the record's prototype, where the schema would read values no filter has seen.
    const fields = dict<FieldWrite>();
    for (const [field, value] of Object.entries(values)) fields[field] = { value, at: stampOf(stamps, field) ?? fallback };
    return grave ? { fields, removedAt: grave.at } : { fields };
  }
}

/** Changes applied one by one over what is held: the merged record, the changes that made a difference, and the contests they tell of. */
function fold(kind: EntityKind, id: string, held: RecordState, changes: readonly ChangeRecord[]) {
  const contests: FieldContest[] = [];
  // A change that loses every field still tells of a contest (the other copy's edit set aside).
  const seeing = (change: ChangeRecord, record: RecordState | undefined) => void contests.push(...contestsOf(change, record!));
  const { state, applied } = applyEach({ [kind]: { [id]: held } } as ReplicaState, changes, seeing);
  return { merged: state[kind]![id]!, applied, contests };
}

/**
 * A record this copy holds nothing of, whose changes write each field once and take
 * nothing out: what a snapshot brings a copy joining it (issue 11). Each write is the
 * field's latest, so the record is the writes put together, with no clock to compare;
 * `fold` would come to the same, copying the record again for each change. Undefined
 * when the changes are not of that kind.
 */
function firstWrites(changes: readonly ChangeRecord[]): ReturnType<typeof fold> | undefined {
  const fields = dict<FieldWrite>();
  const applied: ChangeRecord[] = [];
  for (const change of changes) {
    if (change.removed) return undefined;
    let wrote = false;
    for (const field of Object.keys(change.fields)) {
      if (field in fields) return undefined;
      fields[field] = { value: change.fields[field], at: change.at };
      wrote = true;
    }
    if (wrote) applied.push(change);
  }
  return { merged: { fields }, applied, contests: [] };
}

/**
 * The writes to refuse: fields the schema rejects for their value (not for being
 * missing, nor unknown to this version) whose value came from one of these changes
 * (what this copy held was valid). Fields it could not pin on a change are left to parking.
 */
function badWrites(
  error: z.ZodError,
  values: Record<string, unknown>,
  fieldAt: Record<string, string>,
  changes: readonly ChangeRecord[],
  refused: ReadonlyMap<ChangeRecord, ReadonlySet<string>>,
): RefusedField[] {
  const bad = new Map<string, RefusedField>();
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || bad.has(field) || values[field] === undefined) continue;
    const change = changes.find(
      (candidate) => candidate.at === fieldAt[field] && Object.hasOwn(candidate.fields, field) && !refused.get(candidate)?.has(field),
    );
    if (change) bad.set(field, { change, field, value: change.fields[field], ...reasonOf(issue) });
  }
  return [...bad.values()];
}

/**
 * The values the schema's own field rejects, whatever wins the merge. Fields the schema does
 * not know (a newer version's) and rules across fields are left to the merged record's check.
 */
function invalidValues(schema: z.ZodType, changes: readonly ChangeRecord[]): RefusedField[] {
  const shape = (schema as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape) return [];
  const bad: RefusedField[] = [];
  for (const change of changes) {
    for (const [field, value] of Object.entries(change.fields)) {
      const fieldSchema = Object.hasOwn(shape, field) ? shape[field] : undefined;
      const parsed = fieldSchema?.safeParse(value);
      const issue = parsed && !parsed.success ? parsed.error.issues[0] : undefined;
      if (parsed && !parsed.success) bad.push({ change, field, value, ...(issue ? reasonOf(issue) : { reason: 'validation.invalid' }) });
    }
  }
  return bad;
}

/** Why a field was refused, as a message key with what it needs (a name too long says how long it may be). */
function reasonOf(issue: z.core.$ZodIssue): Pick<RefusedField, 'reason' | 'params'> {
  const { key, params } = describeIssue(issue);
  return params ? { reason: key, params } : { reason: key };
}

/** A change without its refused fields; nothing when it has nothing left to say. */
function without(change: ChangeRecord, fields: ReadonlySet<string> | undefined): ChangeRecord[] {
  if (!fields) return [change];
  const kept = Object.fromEntries(Object.entries(change.fields).filter(([field]) => !fields.has(field)));
  if (Object.keys(kept).length === 0 && !change.removed) return [];
  return [{ ...change, fields: kept }];
}

/** The fields of a change that hold another value than this copy's, written at another time. */
function contestsOf(change: ChangeRecord, held: RecordState): FieldContest[] {
  const contests: FieldContest[] = [];
  for (const [field, value] of Object.entries(change.fields)) {
    const local = held.fields[field];
    if (!local || local.at === change.at || canonicalJson(local.value) === canonicalJson(value)) continue;
    const remoteWins = change.at > local.at;
    contests.push({
      entity: change.entity,
      entityId: change.entityId,
      field,
      local: { value: local.value, at: local.at },
      remote: { value, at: change.at },
      winner: remoteWins ? 'remote' : 'local',
    });
  }
  return contests;
}

function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * Every record a transaction writes is checked against its kind's schema. Most writes
 * change a few fields of a record the store holds (an order given one more line): the
 * state held passed the same schema when it was read, replayed, merged or written, so
 * only what differs from it needs checking again — the changed fields, and of a changed
 * list only its new items (plus the list's own bounds). Checking the whole order again
 * cost more than the rest of the change (issue 11).
 *
 * This path only ever accepts: whatever it cannot vouch for (a field added or gone, an
 * item or field that fails) goes to the full schema, so a refusal reads exactly as before.
 * It applies to kinds whose schema is an object without whole-record rules, possibly
 * behind a step that fills absent fields with their defaults (entities.ts): a record with
 * every field of the state held passes that step unchanged.
 */
import { z } from 'zod';
import type { EntityKind } from '../../shared/model/change';
import { entities, type EntityOf } from './entities';

type FieldCheck = { kind: 'whole'; schema: z.ZodType } | { kind: 'items'; item: z.ZodType; bounds: z.ZodType };

/** Per kind, each field's own check; null where the record must be checked whole. */
const fieldChecks = new Map<EntityKind, Map<string, FieldCheck> | null>();

function checksOf(kind: EntityKind): Map<string, FieldCheck> | null {
  let checks = fieldChecks.get(kind);
  if (checks === undefined) {
    checks = fieldChecksOf(entities[kind].schema as unknown as z.ZodType);
    fieldChecks.set(kind, checks);
  }
  return checks;
}

function fieldChecksOf(schema: z.ZodType): Map<string, FieldCheck> | null {
  let def = schema._zod.def as z.core.$ZodTypeDef & { in?: z.ZodType; out?: z.ZodType };
  // A preprocess step (defaults filled in): the object behind it.
  if (def.type === 'pipe' && def.in?._zod.def.type === 'transform' && def.out) def = def.out._zod.def;
  if (def.type !== 'object' || (def.checks?.length ?? 0) > 0) return null;
  const checks = new Map<string, FieldCheck>();
  for (const [field, fieldSchema] of Object.entries((def as z.core.$ZodObjectDef).shape)) {
    const fieldDef = fieldSchema._zod.def;
    if (fieldDef.type === 'array') {
      const list = fieldSchema as unknown as z.ZodArray;
      // The list's own checks (its length bound), with items left to the item check.
      checks.set(field, { kind: 'items', item: list.element as z.ZodType, bounds: list.clone({ ...list._zod.def, element: z.unknown() }) });
    } else checks.set(field, { kind: 'whole', schema: fieldSchema as z.ZodType });
  }
  return checks;
}

/** The record as checked: the changed parts as the schema gives them back, the rest shared with the state held. */
export function checkRecord<K extends EntityKind>(kind: K, record: EntityOf<K>, held: EntityOf<K> | undefined): EntityOf<K> {
  const checked = held && checkChanges(kind, record as Record<string, unknown>, held as Record<string, unknown>);
  return (checked ?? entities[kind].schema.parse(record)) as EntityOf<K>;
}

/** The checked record, or undefined when only the full schema can say. */
function checkChanges(kind: EntityKind, record: Record<string, unknown>, held: Record<string, unknown>): Record<string, unknown> | undefined {
  const checks = checksOf(kind);
  if (!checks || typeof record !== 'object' || record === null) return undefined;
  // The same fields as the state held, taken in its order (the schema's, as a full check gives them back).
  const fields = Object.keys(held);
  if (fields.length !== Object.keys(record).length) return undefined;
  const checked: Record<string, unknown> = {};
  for (const field of fields) {
    const check = checks.get(field);
    if (!check || !Object.hasOwn(record, field)) return undefined;
    const value = record[field];
    const before = held[field];
    if (value === before) {
      checked[field] = value;
      continue;
    }
    if (check.kind === 'whole') {
      const result = check.schema.safeParse(value);
      if (!result.success) return undefined;
      checked[field] = result.data;
      continue;
    }
    if (!Array.isArray(before) || !Array.isArray(value) || !check.bounds.safeParse(value).success) return undefined;
    const kept = new Set(before);
    const items: unknown[] = [];
    for (const item of value) {
      if (kept.has(item)) {
        items.push(item);
        continue;
      }
      const result = check.item.safeParse(item);
      if (!result.success) return undefined;
      items.push(result.data);
    }
    checked[field] = items;
  }
  return checked;
}

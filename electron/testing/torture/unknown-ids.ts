/**
 * The fuzz pass's second half (issue 13): payloads every schema accepts but whose
 * ids name nothing this copy holds — an unknown producer, product, member,
 * distribution, order, slot… Malformed payloads stop at the schema; these reach
 * the services, which must answer with a clear refusal (a message key the screen
 * can show, never an internal error or a throw) and change nothing.
 *
 * A payload is built from the operation's own schema: each id field gets a fresh
 * random UUID, every other field the first plain value its schema accepts.
 * Operations without an id field, or whose schema no plain value satisfies, are
 * counted as skipped. Against a folder with records, each id in turn is the
 * unknown one and the others name records that exist (an existing order, an
 * unknown product), so the check is not only the first lookup of each service.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { contract, type OperationName } from '../../../shared/contract/operations';

/** A key naming a record or a copy by its id: `id`, `producerId`, `orderIds`, `device`… */
export const ID_KEY = /(^id$|^device$|Id$|Ids$)/;

const PLAIN_STRINGS = ['Nom', '2026-03-06', '17:00', '2026-03-06T09:00:00.000Z', '2026-03', '2026', 'kg', 'x', 'a@b.fr'];
/** For the end of a range (pickupEnd, end…): after the start the plain values give, so order refinements hold. */
const END_STRINGS = ['19:00', '2026-03-07', ...PLAIN_STRINGS];
const PLAIN_NUMBERS = [1, 100, 0, 2026, 1000];

interface Def {
  type?: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  entries?: Record<string, unknown>;
  values?: unknown[];
  options?: z.ZodType[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { def?: Def }).def ?? {};

function firstAccepted(schema: z.ZodType, candidates: readonly unknown[]): unknown {
  return candidates.find((candidate) => schema.safeParse(candidate).success);
}

/** A value `schema` accepts, with fresh UUIDs under id keys; undefined when none is found (or left out: optional). */
function sample(schema: z.ZodType, key: string, required = false): unknown {
  const def = defOf(schema);
  const idLike = ID_KEY.test(key);
  switch (def.type) {
    case 'optional':
    case 'default':
      // Left out unless it names a record: fewer fields, fewer refinements between them to satisfy.
      return idLike || required ? sample(def.innerType!, key) : undefined;
    case 'nonoptional':
      return sample(def.innerType!, key, true);
    case 'nullable':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return sample(def.innerType!, key, required);
    case 'pipe':
      return sample(def.in!, key);
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [field, inner] of Object.entries(def.shape ?? {})) {
        const got = sample(inner, field);
        if (got !== undefined) value[field] = got;
      }
      return value;
    }
    case 'array': {
      const element = sample(def.element!, idLike ? key.replace(/s$/, '') : key);
      return element === undefined ? [] : [element];
    }
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    case 'union':
      for (const option of def.options ?? []) {
        const got = sample(option, key);
        if (got !== undefined && schema.safeParse(got).success) return got;
      }
      return undefined;
    case 'string':
      return idLike ? randomUUID() : firstAccepted(schema, /end$/i.test(key) ? END_STRINGS : PLAIN_STRINGS);
    case 'number':
      return firstAccepted(schema, PLAIN_NUMBERS);
    case 'boolean':
      return false;
    case 'record':
      return {};
    default:
      return undefined;
  }
}

/** Whether `payload` names a record by id anywhere (so the call is about an unknown record). */
function namesIds(value: unknown, key = ''): boolean {
  if (ID_KEY.test(key) && (typeof value === 'string' || Array.isArray(value))) return true;
  if (Array.isArray(value)) return value.some((item) => namesIds(item, key));
  if (value && typeof value === 'object') return Object.entries(value).some(([field, inner]) => namesIds(inner, field));
  return false;
}

/** For one operation: a payload its schema accepts naming only unknown ids, or null (no id to name, or none built). */
export function unknownIdsPayload(name: OperationName): unknown {
  const schema = contract[name].input as z.ZodType;
  const payload = sample(schema, '');
  if (payload === undefined || !namesIds(payload) || !schema.safeParse(payload).success) return null;
  return payload;
}

/** An id of a record that exists, per kind (`producer`, `order`…). */
export type KnownIds = Partial<Record<string, string>>;

/** The record kind an operation's `id` names: `orders.addLine` → order. */
const OPERATION_KINDS: Record<string, string> = {
  producers: 'producer',
  products: 'product',
  distributions: 'distribution',
  members: 'member',
  orders: 'order',
  slots: 'slot',
  offers: 'offer',
  standingOrders: 'standingOrder',
};

function kindOf(name: OperationName, key: string): string | undefined {
  if (key === 'id') return OPERATION_KINDS[name.split('.')[0]!];
  return /Ids?$/.test(key) ? key.replace(/Ids?$/, '') : undefined;
}

/**
 * For one operation: payloads naming one unknown id each, the other top-level ids naming records that
 * exist (`known`); the same payload as `unknownIdsPayload` when no other id is known. Empty: no id to name.
 */
export function unknownIdsPayloads(name: OperationName, known: KnownIds): unknown[] {
  const base = unknownIdsPayload(name);
  if (base === null || typeof base !== 'object' || Array.isArray(base)) return base === null ? [] : [base];
  const schema = contract[name].input as z.ZodType;
  const keys = Object.keys(base).filter((key) => ID_KEY.test(key));
  const variants = new Map<string, unknown>();
  for (const unknown of keys) {
    const payload: Record<string, unknown> = { ...base };
    for (const key of keys) {
      const id = key === unknown ? undefined : known[kindOf(name, key) ?? ''];
      if (id !== undefined) payload[key] = Array.isArray(payload[key]) ? [id] : id;
    }
    if (schema.safeParse(payload).success) variants.set(JSON.stringify(payload), payload);
  }
  for (const payload of nestedUnknownIdsPayloads(name, known)) variants.set(JSON.stringify(payload), payload);
  return variants.size > 0 ? [...variants.values()] : [base];
}

/** Where an id sits inside a payload: `['lines', 0, 'productId']`. */
type IdPath = (string | number)[];

function idPaths(value: unknown, path: IdPath = []): IdPath[] {
  const key = [...path].reverse().find((step) => typeof step === 'string') ?? '';
  if (typeof value === 'string') return ID_KEY.test(key) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => idPaths(item, [...path, index]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([field, inner]) => idPaths(inner, [...path, field]));
  return [];
}

/** An id nested in a list or an object (`lines[].productId`), not one of the payload's own fields. */
const isNested = (path: IdPath) => path.filter((step) => typeof step === 'string').length > 1;

function setAt(payload: unknown, path: IdPath, id: string | undefined): void {
  let parent = payload as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (id !== undefined) parent[last] = id;
  else delete parent[last];
}

/**
 * For one operation whose payload nests ids (`lines[].productId`, `entries[].distributionId`): payloads where
 * every other id names a record that exists (`known`) and one nested id names nothing, so the refusal must
 * come from the nested lookup. An id with no record of its kind known is left out when the schema allows it
 * (`seriesId`); otherwise no payload is built for that id. Empty: no nested id, or none could be built.
 */
export function nestedUnknownIdsPayloads(name: OperationName, known: KnownIds): unknown[] {
  const base = unknownIdsPayload(name);
  if (base === null || typeof base !== 'object') return [];
  const schema = contract[name].input as z.ZodType;
  const paths = idPaths(base);
  const payloads: unknown[] = [];
  for (const unknown of paths.filter(isNested)) {
    const payload = structuredClone(base);
    for (const path of paths) {
      if (path === unknown) continue;
      const key = [...path].reverse().find((step) => typeof step === 'string') as string;
      // A nested `id` names a record of the list's own kind, which `kindOf` cannot tell: left as the schema allows.
      setAt(payload, path, isNested(path) && key === 'id' ? undefined : known[kindOf(name, key) ?? '']);
    }
    if (schema.safeParse(payload).success) payloads.push(payload);
  }
  return payloads;
}

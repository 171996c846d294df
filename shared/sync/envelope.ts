/**
 * The file a device appends to a shared sync folder: one batch of its changes,
 * with a checksum so that a file the sync tool (Syncthing, Dropbox, a USB copy)
 * has only half copied is recognised and left for later rather than half read.
 *
 * One batch per file, compact JSON on a single line followed by a newline: the
 * newline is written last, so a file that does not end with it is still arriving.
 */
import { z } from 'zod';
import { ENTITY_KINDS, type ChangeRecord } from '../model/change';
import { canonicalJson, fnv1a64, fnv1a64Bytes } from './canonical';
import { readTimestamp } from './hlc';

export const SYNC_FORMAT = 'cabas-sync';
/** 2: batches are signed by their copy (issue 13); version 1 files (unsigned) are still read, and refused from any copy on the roster. */
export const SYNC_VERSION = 2;

export interface SyncBatch {
  format: typeof SYNC_FORMAT;
  version: 1 | typeof SYNC_VERSION;
  /** The device that wrote the file (each device writes only its own files). */
  device: string;
  /** The batch's place in that device's sequence, from 1; a snapshot carries the last batch it stands for (0: none yet). */
  seq: number;
  changes: ChangeRecord[];
  /** fnv1a64 over the canonical JSON of `changes`. */
  checksum: string;
  /** Ed25519 signature (base64) by the writing copy over `signedText` of the batch (electron/sync/identity.ts). */
  signature?: string;
}

/** A change left out of a batch it came in, and why; the rest of the batch stands. */
export interface RefusedChange {
  change: ChangeRecord;
  reason: 'badTimestamp';
}

export type ParsedBatch =
  /** `batch.changes` holds the changes that can be merged; `refused` the ones that never can. */
  | {
      ok: true;
      batch: SyncBatch;
      refused: RefusedChange[];
      signed: () => string;
      /** `signed()` as UTF-8, when the file's own text of the changes was taken (`rawChanges`): encoded once, for the checksum and the signature. */
      signedBytes?: Uint8Array;
    }
  /** Truncated or checksum mismatch: most likely still being copied; read it again on the next sync. */
  | { ok: false; error: 'incomplete'; message: string }
  /** Written by a newer Cabas: refuse it and tell the user to update this copy. */
  | { ok: false; error: 'newerFormat'; version: number; supported: typeof SYNC_VERSION; message: string }
  /** Not a sync batch, or a complete one that breaks the format: skip it. */
  | { ok: false; error: 'invalid'; message: string };


export const changeSchema = z.strictObject({
  at: z.string(),
  device: z.string().min(1),
  entity: z.enum(ENTITY_KINDS),
  entityId: z.string().min(1),
  fields: z.record(z.string(), z.unknown()),
  removed: z.literal(true).optional(),
});

/** Just enough to tell which format version wrote a file, whatever the rest of it looks like. */
const headerSchema = z.object({ format: z.literal(SYNC_FORMAT), version: z.number().int().min(1) });

export const batchSchema = z.strictObject({
  format: z.literal(SYNC_FORMAT),
  version: z.union([z.literal(1), z.literal(SYNC_VERSION)]),
  device: z.string().min(1),
  seq: z.number().int().min(0),
  changes: z.array(changeSchema),
  checksum: z.string().regex(/^[0-9a-f]{16}$/),
  signature: z.string().max(200).optional(),
});

/**
 * The canonical JSON of a batch's changes, computed once per list: the checksum and the
 * signature both cover it, and at five years it is 130 MB of text (issue 11). A list is
 * never changed once it is in a batch.
 */
const canonicalChanges = new WeakMap<readonly ChangeRecord[], string>();

function changesText(changes: readonly ChangeRecord[]): string {
  let text = canonicalChanges.get(changes);
  if (text === undefined) {
    text = canonicalJson(changes);
    canonicalChanges.set(changes, text);
  }
  return text;
}

const BATCH_KEYS = new Set(['format', 'version', 'device', 'seq', 'changes', 'checksum', 'signature']);
const CHANGE_KEYS = new Set(['at', 'device', 'entity', 'entityId', 'fields', 'removed']);
const KINDS = new Set<string>(ENTITY_KINDS);
const CHECKSUM = /^[0-9a-f]{16}$/;

/**
 * The rules of `batchSchema`, checked by hand: zod took a second per 60 000 changes of a
 * snapshot (issue 11). Never looser than the schema: what this does not accept goes to the
 * schema, whose verdict and message stand.
 */
export function fitsBatchSchema(data: unknown): boolean {
  if (!isObject(data) || !Object.keys(data).every((key) => BATCH_KEYS.has(key))) return false;
  const { format, version, device, seq, changes, checksum, signature } = data;
  if (format !== SYNC_FORMAT || (version !== 1 && version !== SYNC_VERSION) || !nonEmpty(device)) return false;
  if (!Number.isSafeInteger(seq) || (seq as number) < 0 || typeof checksum !== 'string' || !CHECKSUM.test(checksum)) return false;
  if (signature !== undefined && (typeof signature !== 'string' || signature.length > 200)) return false;
  return Array.isArray(changes) && changes.every(fitsChangeSchema);
}

function fitsChangeSchema(change: unknown): boolean {
  if (!isObject(change)) return false;
  for (const key in change) if (!CHANGE_KEYS.has(key)) return false;
  const { at, device, entity, entityId, fields, removed } = change;
  return typeof at === 'string' && nonEmpty(device) && typeof entity === 'string' && KINDS.has(entity) && nonEmpty(entityId) && isObject(fields) && (removed === undefined || removed === true);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

export function checksumOf(changes: readonly ChangeRecord[]): string {
  return fnv1a64(changesText(changes));
}

export function createBatch(device: string, seq: number, changes: ChangeRecord[]): SyncBatch {
  return { format: SYNC_FORMAT, version: SYNC_VERSION, device, seq, changes, checksum: checksumOf(changes) };
}

/**
 * The text a batch's signature covers: every field but the signature, in canonical
 * JSON, so that changing any byte that means something (a change, the seq, the
 * device) breaks it. The checksum alone would not do: FNV-1a can be forged.
 */
export function signedText(batch: SyncBatch): string {
  const tail = signedTail(batch);
  return tail === undefined ? canonicalJson({ ...batch, signature: undefined }) : `{"changes":${changesText(batch.changes)}${tail}`;
}

/**
 * What follows the changes' text in `signedText`. "changes" sorts before every other key of a
 * batch: its canonical text (already computed for the checksum) opens the object, the rest
 * follows. Undefined when another key sorts before it: then the long way.
 */
function signedTail(batch: SyncBatch): string | undefined {
  const { signature: _signature, changes: _changes, ...rest } = batch;
  if (Object.keys(rest).some((key) => key < 'changes')) return undefined;
  const tail = canonicalJson(rest);
  return tail === '{}' ? '}' : `,${tail.slice(1)}`;
}

const utf8 = new TextEncoder();

/** `signedText` as UTF-8 around the changes' text already encoded (one copy, no second encoding of years of changes). */
function signedBytesOf(changes: Uint8Array, tail: string): Uint8Array {
  const head = utf8.encode('{"changes":');
  const end = utf8.encode(tail);
  const bytes = new Uint8Array(head.length + changes.length + end.length);
  bytes.set(head, 0);
  bytes.set(changes, head.length);
  bytes.set(end, head.length + changes.length);
  return bytes;
}

/**
 * The changes are written as their canonical JSON, first: the text the checksum and the
 * signature cover (already computed for them), which a reader finds again in the file
 * instead of rebuilding it from the parsed changes (`rawChanges`, issue 11). Any JSON of
 * the same batch reads the same; only the reading is slower.
 */
export function serialiseBatch(batch: SyncBatch): string {
  const { changes, ...rest } = batch;
  return `{"changes":${changesText(changes)},${JSON.stringify(rest).slice(1)}\n`;
}

/**
 * The text of the changes as they stand in `text`, when it is laid out as `serialiseBatch`
 * writes it; undefined otherwise. Taken as their canonical JSON only once it hashes to the
 * checksum, and then a signature is verified over that very text (trust.ts): what passes is
 * what the copy signed, whose parse is these changes.
 */
function rawChanges(text: string, data: Record<string, unknown>): string | undefined {
  const head = '{"changes":';
  if (!text.startsWith(head)) return undefined;
  const { changes: _changes, ...rest } = data;
  const tail = `,${JSON.stringify(rest).slice(1)}`;
  const end = text.endsWith('\n') ? text.length - 1 : text.length;
  if (text.length - 1 < head.length + tail.length || text.slice(end - tail.length, end) !== tail) return undefined;
  return text.slice(head.length, end - tail.length);
}

export function parseBatch(text: string): ParsedBatch {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return text.endsWith('\n')
      ? { ok: false, error: 'invalid', message: 'not JSON' }
      : { ok: false, error: 'incomplete', message: 'file is still being written or copied' };
  }
  // Look at the version before the shape: a newer format may look like anything.
  const header = headerSchema.safeParse(data);
  if (!header.success) return { ok: false, error: 'invalid', message: 'not a Cabas sync file' };
  if (header.data.version > SYNC_VERSION) {
    const { version } = header.data;
    return {
      ok: false,
      error: 'newerFormat',
      version,
      supported: SYNC_VERSION,
      message: `written by a newer version of Cabas (sync format ${version}, this copy reads up to ${SYNC_VERSION}): update this copy`,
    };
  }
  if (!fitsBatchSchema(data)) {
    const parsed = batchSchema.safeParse(data);
    if (!parsed.success) return { ok: false, error: 'invalid', message: z.prettifyError(parsed.error) };
  }
  // The validated input itself, not zod's rebuilt copy: JSON.parse keeps every key as data ("__proto__" included).
  const batch = data as SyncBatch;
  const raw = rawChanges(text, data as Record<string, unknown>);
  const rawBytes = raw === undefined ? undefined : utf8.encode(raw);
  const taken = raw !== undefined && fnv1a64Bytes(rawBytes!) === batch.checksum;
  if (taken) canonicalChanges.set(batch.changes, raw);
  else if (checksumOf(batch.changes) !== batch.checksum) {
    return { ok: false, error: 'incomplete', message: 'checksum does not match: file is still being copied' };
  }
  // Merge relies on timestamps being real (they are compared as strings) and unique per device (merge.ts):
  // a change whose stamp is not one, or not its device's, is refused on its own; the others stand.
  const refused: RefusedChange[] = [];
  const valid: ChangeRecord[] = [];
  for (const change of batch.changes) {
    if (readTimestamp(change.at)?.device === change.device) valid.push(change);
    else refused.push({ change, reason: 'badTimestamp' });
  }
  // What the signature covers is the file as written, refused changes included.
  const tail = taken ? signedTail(batch) : undefined;
  const signedBytes = tail === undefined ? undefined : signedBytesOf(rawBytes!, tail);
  return { ok: true, batch: { ...batch, changes: valid }, refused, signed: () => signedText(batch), ...(signedBytes && { signedBytes }) };
}

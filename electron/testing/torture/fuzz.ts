/**
 * The fuzz pass of `npm run torture` (issue 13): every operation of the contract
 * is called through the real dispatch with payloads its schema refuses — wrong
 * types, out-of-range numbers, impossible dates, oversized and hostile strings,
 * unknown keys, deep nesting. Each must come back as a clear refusal (the
 * invalid-input error naming its fields, never an internal error or a throw)
 * and leave every file of the folder as it was. Then the same with payloads the
 * schema accepts but whose ids name no record (unknown-ids.ts): a clear refusal
 * by a message key, never an internal error, and nothing written.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFLICTS_CHECKED } from '../../store/data-files';
import { z } from 'zod';
import { contract, type OperationName } from '../../../shared/contract/operations';
import type { TestApp } from '../service-calls';
import type { Random } from './random';
import { unknownIdsPayloads, type KnownIds } from './unknown-ids';

export interface FuzzFigures {
  operations: number;
  payloads: number;
  /** Operations called with a valid payload naming unknown ids, and those with no id to name (or no payload built). */
  unknownIds: number;
  /** The payloads those got (one per id when other ids name records that exist). */
  unknownIdPayloads: number;
  unknownIdsSkipped: string[];
  failures: string[];
}

const BAD_VALUES: unknown[] = [
  null,
  -1,
  1.5,
  1e308,
  -0,
  '',
  '   ',
  'x'.repeat(100_000),
  {},
  [],
  true,
  '2200-13-45T99:99:99.999Z',
  '../../../etc/passwd',
  '\u0000\u202e<script>',
  'NaN',
  [null, {}, 'x'],
];

function deeplyNested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

const WHOLE_PAYLOADS: unknown[] = [
  0,
  'payload',
  [],
  true,
  { unexpected: 1 },
  JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
  deeplyNested(2_000),
  'x'.repeat(1_000_000),
];

/** The keys an operation's payload has, when its schema is an object (possibly behind refinements). */
function keysOf(schema: z.ZodType): string[] {
  let current: unknown = schema;
  for (let i = 0; i < 5 && current; i += 1) {
    if (current instanceof z.ZodObject) return Object.keys(current.shape);
    const def = (current as { def?: { in?: unknown; innerType?: unknown; schema?: unknown } }).def;
    current = def?.in ?? def?.innerType ?? def?.schema;
  }
  return [];
}

/** Every malformed payload for one operation (the ones its own schema accepts are left out: they are not malformed). */
export function malformedPayloads(name: OperationName): unknown[] {
  const schema = contract[name].input as z.ZodType;
  const keys = keysOf(schema);
  const payloads: unknown[] = [...WHOLE_PAYLOADS];
  for (const key of keys) for (const value of BAD_VALUES) payloads.push({ [key]: value });
  for (const value of BAD_VALUES) if (keys.length > 0) payloads.push(Object.fromEntries(keys.map((key) => [key, value])));
  return payloads.filter((payload) => !schema.safeParse(payload ?? {}).success);
}

/**
 * Every file's path, size and modification time: what any write, even one rewriting the same bytes, changes.
 * Left out: the conflicts screen's saved answer, which a look (sync.status) may rewrite after it answers —
 * derived, not data, and written atomically through a temporary file that may vanish while the folder is walked.
 */
async function folderPrint(dir: string): Promise<string> {
  const lines: string[] = [];
  async function walk(current: string): Promise<void> {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      if (entry.name.startsWith(CONFLICTS_CHECKED)) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else {
        const info = await stat(path, { bigint: true });
        lines.push(`${path} ${info.size} ${info.mtimeNs}`);
      }
    }
  }
  await walk(dir);
  return lines.sort().join('\n');
}

/** `sample`: how many payloads per operation (all of them when left out). */
export async function fuzzContract(app: TestApp, random: Random, sample?: number): Promise<FuzzFigures> {
  const figures: FuzzFigures = { operations: 0, payloads: 0, unknownIds: 0, unknownIdPayloads: 0, unknownIdsSkipped: [], failures: [] };
  const before = await folderPrint(app.dataDir);
  for (const name of Object.keys(contract) as OperationName[]) {
    figures.operations += 1;
    let payloads = malformedPayloads(name);
    if (sample !== undefined) payloads = Array.from({ length: Math.min(sample, payloads.length) }, () => random.pick(payloads));
    for (const payload of payloads) {
      figures.payloads += 1;
      const shown = JSON.stringify(payload)?.slice(0, 80);
      try {
        const outcome = await app.dispatch(name, payload);
        if (outcome.ok) figures.failures.push(`${name} accepted ${shown}`);
        else if (outcome.error.key !== 'error.invalidInput' || !outcome.error.issues?.length) figures.failures.push(`${name} refused ${shown} without naming a field: ${JSON.stringify(outcome.error).slice(0, 200)}`);
      } catch (error) {
        figures.failures.push(`${name} threw on ${shown}: ${(error as Error).message}`);
      }
    }
    if ((await folderPrint(app.dataDir)) !== before) {
      figures.failures.push(`${name}: a malformed payload changed the folder`);
      break;
    }
    if (!(await unknownIdsOf(app, name, {}, figures, before))) break;
  }
  return figures;
}

/**
 * The unknown-ids pass alone, against a folder with records (`known`: one of each kind): one unknown id
 * at a time beside ids that exist. The folder must be folded first (its files are compared).
 */
export async function fuzzUnknownIds(app: TestApp, known: KnownIds): Promise<FuzzFigures> {
  const figures: FuzzFigures = { operations: 0, payloads: 0, unknownIds: 0, unknownIdPayloads: 0, unknownIdsSkipped: [], failures: [] };
  const before = await folderPrint(app.dataDir);
  for (const name of Object.keys(contract) as OperationName[]) {
    figures.operations += 1;
    if (!(await unknownIdsOf(app, name, known, figures, before))) break;
  }
  return figures;
}

/** Sends `name` its payloads naming unknown ids; false once the folder changed (the rest would be judged against a moved state). */
async function unknownIdsOf(app: TestApp, name: OperationName, known: KnownIds, figures: FuzzFigures, before: string): Promise<boolean> {
  const payloads = unknownIdsPayloads(name, known);
  if (payloads.length === 0) figures.unknownIdsSkipped.push(name);
  else figures.unknownIds += 1;
  for (const payload of payloads) {
    figures.unknownIdPayloads += 1;
    const failure = await refusedCleanly(app, name, payload);
    if (failure) figures.failures.push(failure);
    if ((await folderPrint(app.dataDir)) !== before) {
      figures.failures.push(`${name}: a payload naming unknown ids changed the folder: ${JSON.stringify(payload).slice(0, 160)}`);
      return false;
    }
  }
  return true;
}

/** Why the answer to a payload naming unknown ids is not a clear refusal; null when it is. Every read and change must refuse. */
async function refusedCleanly(app: TestApp, name: OperationName, payload: unknown): Promise<string | null> {
  const shown = JSON.stringify(payload).slice(0, 160);
  try {
    const outcome = await app.dispatch(name, payload);
    if (outcome.ok) return `${name} answered unknown ids instead of refusing them ${shown}`;
    if (outcome.error.key === 'error.internal') return `${name} failed internally on unknown ids ${shown}: ${JSON.stringify(outcome.error).slice(0, 200)}`;
    return null;
  } catch (error) {
    return `${name} threw on unknown ids ${shown}: ${(error as Error).message}`;
  }
}

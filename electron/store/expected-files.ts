/**
 * The data files that must exist: every data file Cabas has written in this
 * folder, listed in `expected-files.json`. A file deleted behind the app's back
 * (`members.json`, a month of accounts) is then as loud as a damaged one: the
 * folder opens on the recovery screen naming it, instead of opening ready with
 * that data gone (issue 13).
 *
 * A file is listed only once it is on disk (a crash in between leaves a file
 * not yet listed, which the next open adds), never before: a listed file is
 * one that really was there. A folder without the list (new, or from an older
 * version) starts it from the files it has.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { StoreProblem } from '../../shared/contract/results';
import { writeFileAtomic } from './atomic-write';

export const EXPECTED_FILES = 'expected-files.json';

const manifestSchema = z.object({
  format: z.literal('cabas-expected-files'),
  version: z.literal(1),
  files: z.array(z.string()),
});

/** What each open data folder is known to hold, so a write checks the list without reading it. */
const known = new Map<string, Set<string>>();

async function readManifest(dataDir: string): Promise<Set<string> | null> {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(await readFile(join(dataDir, EXPECTED_FILES), 'utf8')));
    // An unreadable list protects nothing this time; it is written again from the files found.
    return parsed.success ? new Set(parsed.data.files) : null;
  } catch {
    return null;
  }
}

/** Replaces the list (an open, a restore). */
export async function saveExpectedFiles(dataDir: string, files: Iterable<string>): Promise<void> {
  const sorted = [...new Set(files)].sort();
  await writeFileAtomic(join(dataDir, EXPECTED_FILES), `${JSON.stringify({ format: 'cabas-expected-files', version: 1, files: sorted }, null, 1)}\n`);
  known.set(dataDir, new Set(sorted));
}

/** At open, with the data files found: the first expected one that is missing, or null (then the list holds what was found). */
export async function missingExpectedFile(dataDir: string, found: readonly string[]): Promise<StoreProblem | null> {
  const listed = await readManifest(dataDir);
  const expected = listed ?? new Set<string>();
  const present = new Set(found);
  const missing = [...expected].filter((file) => !present.has(file)).sort();
  if (missing.length > 0) return { file: missing[0]!, reason: 'missing', detail: `missing: ${missing.join(', ')}` };
  // Nothing missing: the list grows by what was written without being listed (a crash in between, an older version).
  if (expected.size !== found.length || (listed === null && found.length > 0)) await saveExpectedFiles(dataDir, found);
  else known.set(dataDir, expected);
  return null;
}

/** After a data file was written: listed if it is new. */
export async function noteWritten(dataDir: string, path: string): Promise<void> {
  const files = known.get(dataDir) ?? (await readManifest(dataDir)) ?? new Set<string>();
  known.set(dataDir, files);
  if (!files.has(path)) await saveExpectedFiles(dataDir, [...files, path]);
}

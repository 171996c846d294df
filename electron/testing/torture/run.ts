/**
 * `npm run torture` (issue 13): the crash loop, the fuzz pass over the contract
 * and the hostile-folder cases, with one seed for all of it, and one summary.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pickupDay } from '../pickup-day';
import type { StandingOrderView } from '../../../shared/standing/views';
import { call, openApp, settle } from '../service-calls';
import { crashLoop, type CrashFigures } from './crash-loop';
import { fuzzContract, fuzzUnknownIds, type FuzzFigures } from './fuzz';
import { seeded } from './random';

export interface TortureOptions {
  iterations: number;
  seed: number;
  /** Payloads per operation in the fuzz pass; all of them when left out. */
  fuzzSample?: number;
  /** Runs the hostile-folder test files too (they are already in `npm test`'s unit tests). */
  hostile: boolean;
  maxKillDelayMs?: number;
  log?: (line: string) => void;
}

export interface HostileFigures {
  passed: number;
  failed: number;
}

export interface TortureSummary {
  seed: number;
  iterations: number;
  crash: CrashFigures;
  fuzz: FuzzFigures;
  /** Unknown ids again, one at a time beside ids of records that exist (a relay with an order). */
  unknownBesideKnown: FuzzFigures;
  hostile: HostileFigures | null;
  failures: string[];
}

/** The files whose cases are what a hostile folder or bad luck does: forged, damaged, torn, missing, left over. */
export const HOSTILE_SUITES = [
  'electron/sync/hostile-folder.test.ts',
  'electron/sync/roster.test.ts',
  'electron/sync/torn-journal.test.ts',
  'electron/store/expected-files.test.ts',
  'electron/store/stale-temps.test.ts',
  'electron/store/restore-crash.test.ts',
];

const root = fileURLToPath(new URL('../../../', import.meta.url));

async function hostileCases(log: (line: string) => void): Promise<HostileFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'cabas-torture-hostile-'));
  const report = join(dir, 'report.json');
  try {
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...HOSTILE_SUITES, '--reporter=json', `--outputFile=${report}`], { cwd: root, stdio: 'ignore' });
      child.on('exit', () => resolve());
    });
    const results = JSON.parse(await readFile(report, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    log(`hostile folder: ${results.numPassedTests} passed, ${results.numFailedTests} failed`);
    return { passed: results.numPassedTests, failed: results.numFailedTests };
  } catch {
    return { passed: 0, failed: 1 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runTorture(options: TortureOptions): Promise<TortureSummary> {
  const { iterations, seed, log = () => undefined } = options;
  const random = seeded(seed);
  const crash = await crashLoop({ iterations, random, maxKillDelayMs: options.maxKillDelayMs, log });

  const fuzzDir = await mkdtemp(join(tmpdir(), 'cabas-torture-fuzz-'));
  let fuzz: FuzzFigures;
  try {
    const app = await openApp(fuzzDir);
    fuzz = await fuzzContract(app, random, options.fuzzSample);
    await app.close();
  } finally {
    await rm(fuzzDir, { recursive: true, force: true });
  }
  log(`fuzz: ${fuzz.payloads} malformed payloads over ${fuzz.operations} operations; unknown ids sent to ${fuzz.unknownIds} operations`);
  const unknownBesideKnown = await unknownIdsWithRecords();
  log(`unknown ids beside known ones: ${unknownBesideKnown.unknownIdPayloads} payloads over ${unknownBesideKnown.unknownIds} operations`);

  const hostile = options.hostile ? await hostileCases(log) : null;
  const failures = [...crash.failures, ...fuzz.failures, ...unknownBesideKnown.failures, ...(hostile && hostile.failed > 0 ? [`${hostile.failed} hostile-folder cases failed (npx vitest run ${HOSTILE_SUITES.join(' ')})`] : [])];
  return { seed, iterations, crash, fuzz, unknownBesideKnown, hostile, failures };
}

/** A relay with producers, products on offer in a distribution, a member and an order: each id in turn unknown beside these. */
async function unknownIdsWithRecords(): Promise<FuzzFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'cabas-torture-ids-'));
  try {
    const day = await pickupDay(dir);
    const member = await day.member('Zoé Martin');
    const order = await day.order(member);
    const standing = await call<StandingOrderView>(day.app, 'standingOrders.create', { memberId: member.id, lines: [{ productId: day.bread.id, quantity: 1 }] });
    const store = day.app.workspace.store;
    const known = {
      producer: day.carrots.producerId,
      product: day.carrots.id,
      distribution: day.distribution.id,
      member: member.id,
      order: order.id,
      offer: store.all('offer')[0]?.id,
      standingOrder: standing.standingOrder.id,
    };
    await settle(day.app);
    const figures = await fuzzUnknownIds(day.app, known);
    await day.app.close();
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function describeSummary(summary: TortureSummary): string {
  const { crash, fuzz, unknownBesideKnown, hostile } = summary;
  return [
    `torture --iterations ${summary.iterations} --seed ${summary.seed}`,
    `  crash loop: ${crash.kills} kills, ${crash.acked} acknowledged changes, ${crash.ackedChecked} checks of them after kills (${crash.syncs} sync rounds, ${crash.folds} folds, ${crash.restores} restores acknowledged)`,
    `  fuzz: ${fuzz.payloads} malformed payloads over ${fuzz.operations} operations`,
    `  unknown ids: ${fuzz.unknownIds} operations called with ids that name nothing (${fuzz.unknownIdsSkipped.length} have no id to name)`,
    `  unknown ids beside known ones: ${unknownBesideKnown.unknownIdPayloads} payloads over ${unknownBesideKnown.unknownIds} operations`,
    `  hostile folder: ${hostile ? `${hostile.passed} cases passed, ${hostile.failed} failed` : 'not run'}`,
    `  failures: ${summary.failures.length}`,
    ...summary.failures.slice(0, 50).map((failure) => `    - ${failure}`),
  ].join('\n');
}

/**
 * Sync at several sizes of history, side by side (issue 11): an organiser's copy holding the
 * relay, a second copy that joins it through a shared folder, then the same week of 900
 * changes (150 baskets × 6 lines added on the organiser's copy) synced to the second copy.
 *
 *   - join: the new copy's first sync, from an empty store (reads the organiser's snapshot);
 *   - week sync: the organiser's sync (writes the week's batch) plus the other copy's sync
 *     (reads and merges it), once per simulated week; median over `weeks`;
 *   - the week's orders.addLine with the sync journal on (median / p95).
 * Each time is wall clock and the process's CPU time beside it: on a machine shared with other
 * work the wall clock also counts waiting for the cores and the disk.
 *
 * Called by scripts/bench.ts; alone: `npx tsx scripts/bench-sync.ts --sizes=1w,1y,5y --weeks=3`.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SyncStatus } from '../shared/sync/status';
import { openBackend, type Backend } from '../electron/backend';
import { ROOT } from '../electron/sync/folder';
import { flagValue } from '../electron/data-folder';
import { buildRelay, historySizes, writeStoreFormat } from './bench-relay';

const LINES_PER_ORDER = 6;

export interface SyncBench {
  label: string;
  distributions: number;
  snapshotMb: number;
  firstSync: Timed;
  join: Timed;
  joinedOrders: number;
  /** Per week: the organiser's sync (writes), the other copy's sync (reads and merges). */
  weeks: { write: Timed; read: Timed; changes: number }[];
  addLineMs: number[];
}

interface Timed {
  ms: number;
  cpuMs: number;
}

async function must<T>(backend: Backend, name: string, payload: unknown): Promise<T> {
  const outcome = await backend.dispatch(name, payload);
  if (!outcome.ok) throw new Error(`${name} refused: ${JSON.stringify(outcome.error)}`);
  return outcome.value as T;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, Timed]> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return [value, { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 }];
}

export async function benchSync(label: string, distributionCount: number, weekCount: number, keep = false): Promise<SyncBench> {
  const organiserDir = await mkdtemp(join(tmpdir(), `cabas-bench-sync-${label}-`));
  const joinerDir = await mkdtemp(join(tmpdir(), `cabas-bench-join-${label}-`));
  const folder = await mkdtemp(join(tmpdir(), `cabas-bench-folder-${label}-`));
  const relay = buildRelay(distributionCount);
  await writeStoreFormat(organiserDir, relay);
  // Sync timed alone: no daily backup starting in the background mid-measure (scripts/bench.ts times it).
  const organiser = await openBackend({ dataDir: organiserDir, dailyBackup: false });
  organiser.syncer.stop();
  await must(organiser, 'sync.saveSettings', { teamFolder: folder, autoSyncMinutes: 0 });
  const [, firstSync] = await timed(() => must(organiser, 'sync.now', {}));
  const snapshotMb = (await stat(join(folder, ROOT, organiser.workspace.store.deviceId, 'snapshot.json'))).size / 1e6;

  const joiner = await openBackend({ dataDir: joinerDir, dailyBackup: false });
  joiner.syncer.stop();
  await must(joiner, 'sync.saveSettings', { teamFolder: folder, autoSyncMinutes: 0 });
  const [, joined] = await timed(() => must(joiner, 'sync.now', {}));
  const joinedOrders = joiner.workspace.store.all('order').length;
  if (joinedOrders !== relay.distributions.reduce((sum, { orders }) => sum + orders.length, 0)) throw new Error(`${label}: the new copy holds ${joinedOrders} orders`);
  // The organiser approves the new copy, which takes the roster: from now on it checks every file's signature.
  await must(organiser, 'sync.now', {});
  await must(organiser, 'sync.approveCopy', { device: joiner.workspace.store.deviceId });
  await must(joiner, 'sync.now', {});
  const roster = await must<SyncStatus>(joiner, 'sync.status', {});
  if (!roster.copies.approved) throw new Error(`${label}: the new copy was not approved`);

  const current = relay.distributions.at(-1)!;
  const weeks: SyncBench['weeks'] = [];
  const addLineMs: number[] = [];
  for (let week = 0; week < weekCount; week++) {
    for (let line = 0; line < LINES_PER_ORDER; line++) {
      for (const [o, order] of current.orders.entries()) {
        const offer = current.offers[(o * 7 + line + week) % current.offers.length]!;
        const [, added] = await timed(() => must(organiser, 'orders.addLine', { orderId: order.id, productId: offer.productId, quantity: 1 }));
        addLineMs.push(added.ms);
      }
    }
    const [sent, write] = await timed(() => must<{ folders: { sent: number }[] }>(organiser, 'sync.now', {}));
    const [received, read] = await timed(() => must<{ folders: { received: number }[] }>(joiner, 'sync.now', {}));
    if (received.folders[0]!.received !== sent.folders[0]!.sent) throw new Error(`${label}: sent ${sent.folders[0]!.sent}, received ${received.folders[0]!.received}`);
    weeks.push({ write, read, changes: sent.folders[0]!.sent });
  }
  const sample = current.orders[0]!.id;
  const lines = (backend: Backend) => backend.workspace.store.get('order', sample)?.lines.length;
  if (lines(joiner) !== lines(organiser)) throw new Error(`${label}: the copies differ after the weeks`);
  await organiser.close();
  await joiner.close();
  if (!keep) for (const dir of [organiserDir, joinerDir, folder]) await rm(dir, { recursive: true, force: true });
  return { label, distributions: distributionCount, snapshotMb, firstSync, join: joined, joinedOrders, weeks, addLineMs };
}

const quantile = (values: number[], q: number) => [...values].sort((x, y) => x - y)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;
const median = (values: number[]) => quantile(values, 0.5);
const ms = (value: number) => `${value.toFixed(0)} ms`;
const both = (timed: Timed) => `${ms(timed.ms)} (CPU ${ms(timed.cpuMs)})`;
const weekOf = (result: SyncBench): Timed => ({
  ms: median(result.weeks.map((week) => week.write.ms + week.read.ms)),
  cpuMs: median(result.weeks.map((week) => week.write.cpuMs + week.read.cpuMs)),
});

export function printSyncBench(results: readonly SyncBench[]): void {
  console.log('\nSync between two copies through a shared folder (scripts/bench-sync.ts): the same week of 900 changes at each size of history, and a new copy joining. Wall clock, with the process CPU time in brackets.');
  console.log('\n| history | snapshot | week sync, both copies (median) | organiser writes / other copy reads (median) | weeks sampled | changes per week | addLine with the sync journal on, median / p95 (samples) | a new copy joins (1 run) | first sync of the organiser (1 run) |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const result of results) {
    const write = { ms: median(result.weeks.map((week) => week.write.ms)), cpuMs: median(result.weeks.map((week) => week.write.cpuMs)) };
    const read = { ms: median(result.weeks.map((week) => week.read.ms)), cpuMs: median(result.weeks.map((week) => week.read.cpuMs)) };
    console.log(
      `| ${result.label} | ${result.snapshotMb.toFixed(1)} MB | ${both(weekOf(result))} | ${both(write)} / ${both(read)} | ${result.weeks.length} | ${result.weeks[0]?.changes ?? 0} | ${median(result.addLineMs).toFixed(2)} / ${quantile(result.addLineMs, 0.95).toFixed(2)} ms (${result.addLineMs.length}) | ${both(result.join)}, ${result.joinedOrders} orders | ${both(result.firstSync)} |`,
    );
  }
  const week = results.find((result) => result.distributions === 1);
  const year = results.find((result) => result.distributions === 50);
  const five = results.find((result) => result.distributions === 250);
  if (week && year && week.weeks.length > 0 && year.weeks.length > 0) {
    const growth = weekOf(year).ms / weekOf(week).ms;
    const cpuGrowth = weekOf(year).cpuMs / weekOf(week).cpuMs;
    console.log(`week sync 1 year / 1 week: ${growth.toFixed(2)}× wall, ${cpuGrowth.toFixed(2)}× CPU (target ≤ 2×) ${growth <= 2 ? 'OK' : 'MISSED'}`);
  }
  if (year) console.log(`join of 1 year: ${both(year.join)} (target ≤ 3 s) ${year.join.ms <= 3000 ? 'OK' : 'MISSED'}`);
  if (five) console.log(`join of 5 years: ${both(five.join)}, ${five.joinedOrders} orders (target: joins) OK`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const weeks = Number(flagValue(argv, '--weeks') ?? 3);
  const results: SyncBench[] = [];
  for (const [label, count] of historySizes(flagValue(argv, '--sizes'))) {
    process.stdout.write(`sync at ${label}…\n`);
    results.push(await benchSync(label, count, weeks, argv.includes('--keep')));
  }
  printSyncBench(results);
}

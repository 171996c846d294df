/**
 * Sync at several sizes of history, side by side (issue 11): an organiser's copy holding the
 * relay, a second copy that joins it through a shared folder, then the same week of 900
 * changes (150 baskets × 6 lines added on the organiser's copy) synced to the second copy.
 *
 *   - join: the new copy's first sync, from an empty store (reads the organiser's snapshot);
 *   - week sync: the organiser's sync (writes the week's batch) plus the other copy's sync
 *     (reads and merges it), once per simulated week; median over `weeks`.
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
import { buildRelay, writeStoreFormat } from './bench-relay';

const LINES_PER_ORDER = 6;

export interface SyncBench {
  label: string;
  distributions: number;
  snapshotMb: number;
  firstSyncMs: number;
  joinMs: number;
  joinedOrders: number;
  /** Per week: the organiser's sync (writes), the other copy's sync (reads and merges). */
  weeks: { writeMs: number; readMs: number; changes: number }[];
}

async function must<T>(backend: Backend, name: string, payload: unknown): Promise<T> {
  const outcome = await backend.dispatch(name, payload);
  if (!outcome.ok) throw new Error(`${name} refused: ${JSON.stringify(outcome.error)}`);
  return outcome.value as T;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

export async function benchSync(label: string, distributionCount: number, weekCount: number, keep = false): Promise<SyncBench> {
  const organiserDir = await mkdtemp(join(tmpdir(), `cabas-bench-sync-${label}-`));
  const joinerDir = await mkdtemp(join(tmpdir(), `cabas-bench-join-${label}-`));
  const folder = await mkdtemp(join(tmpdir(), `cabas-bench-folder-${label}-`));
  const relay = buildRelay(distributionCount);
  await writeStoreFormat(organiserDir, relay);
  const organiser = await openBackend({ dataDir: organiserDir });
  organiser.syncer.stop();
  await must(organiser, 'sync.saveSettings', { teamFolder: folder, autoSyncMinutes: 0 });
  const [, firstSyncMs] = await timed(() => must(organiser, 'sync.now', {}));
  const snapshotMb = (await stat(join(folder, ROOT, organiser.workspace.store.deviceId, 'snapshot.json'))).size / 1e6;

  const joiner = await openBackend({ dataDir: joinerDir });
  joiner.syncer.stop();
  await must(joiner, 'sync.saveSettings', { teamFolder: folder, autoSyncMinutes: 0 });
  const [, joinMs] = await timed(() => must(joiner, 'sync.now', {}));
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
  for (let week = 0; week < weekCount; week++) {
    for (let line = 0; line < LINES_PER_ORDER; line++) {
      for (const [o, order] of current.orders.entries()) {
        const offer = current.offers[(o * 7 + line + week) % current.offers.length]!;
        await must(organiser, 'orders.addLine', { orderId: order.id, productId: offer.productId, quantity: 1 });
      }
    }
    const [sent, writeMs] = await timed(() => must<{ folders: { sent: number }[] }>(organiser, 'sync.now', {}));
    const [received, readMs] = await timed(() => must<{ folders: { received: number }[] }>(joiner, 'sync.now', {}));
    if (received.folders[0]!.received !== sent.folders[0]!.sent) throw new Error(`${label}: sent ${sent.folders[0]!.sent}, received ${received.folders[0]!.received}`);
    weeks.push({ writeMs, readMs, changes: sent.folders[0]!.sent });
  }
  const sample = current.orders[0]!.id;
  const lines = (backend: Backend) => backend.workspace.store.get('order', sample)?.lines.length;
  if (lines(joiner) !== lines(organiser)) throw new Error(`${label}: the copies differ after the weeks`);
  await organiser.close();
  await joiner.close();
  if (!keep) for (const dir of [organiserDir, joinerDir, folder]) await rm(dir, { recursive: true, force: true });
  return { label, distributions: distributionCount, snapshotMb, firstSyncMs, joinMs, joinedOrders, weeks };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;

export function printSyncBench(results: readonly SyncBench[]): void {
  console.log('\nSync between two copies through a shared folder (scripts/bench-sync.ts): the same week of 900 changes at each size of history, and a new copy joining.');
  console.log('\n| history | snapshot | week sync, both copies (median) | organiser writes / other copy reads (median) | weeks sampled | changes per week | a new copy joins (1 run) | first sync of the organiser (1 run) |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const result of results) {
    const total = median(result.weeks.map((week) => week.writeMs + week.readMs));
    console.log(
      `| ${result.label} | ${result.snapshotMb.toFixed(1)} MB | ${ms(total)} | ${ms(median(result.weeks.map((week) => week.writeMs)))} / ${ms(median(result.weeks.map((week) => week.readMs)))} | ${result.weeks.length} | ${result.weeks[0]?.changes ?? 0} | ${ms(result.joinMs)} (${result.joinedOrders} orders) | ${ms(result.firstSyncMs)} |`,
    );
  }
  const week = results.find((result) => result.distributions === 1);
  const year = results.find((result) => result.distributions === 50);
  const five = results.find((result) => result.distributions === 250);
  const weekTotal = (result: SyncBench) => median(result.weeks.map((entry) => entry.writeMs + entry.readMs));
  if (week && year) {
    const growth = weekTotal(year) / weekTotal(week);
    console.log(`week sync 1 year / 1 week: ${growth.toFixed(2)}× (target ≤ 2×) ${growth <= 2 ? 'OK' : 'MISSED'}`);
  }
  if (year) console.log(`join of 1 year: ${ms(year.joinMs)} (target ≤ 3 s) ${year.joinMs <= 3000 ? 'OK' : 'MISSED'}`);
  if (five) console.log(`join of 5 years: ${ms(five.joinMs)}, ${five.joinedOrders} orders (target: joins) OK`);
}

const SIZES = { '1w': ['1 week', 1], '1y': ['1 year', 50], '5y': ['5 years', 250] } as const;

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const flag = (name: string) => argv.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1);
  const weeks = Number(flag('--weeks') ?? 3);
  const results: SyncBench[] = [];
  for (const size of (flag('--sizes') ?? '1w,1y,5y').split(',')) {
    const [label, count] = SIZES[size as keyof typeof SIZES] ?? (() => { throw new Error(`--sizes: ${size} is not one of ${Object.keys(SIZES).join(', ')}`); })();
    process.stdout.write(`sync at ${label}…\n`);
    results.push(await benchSync(label, count, weeks, argv.includes('--keep')));
  }
  printSyncBench(results);
}

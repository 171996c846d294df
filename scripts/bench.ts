/**
 * `npm run bench` — the season benchmark (issue 4). Builds a realistic relay
 * (per year: 40 producers, 400 products, 300 members, 50 distributions of
 * ~150 orders × 6 lines) in the real store format, then measures in one run:
 *   - one durable change (orders.addLine through the real dispatch: checked,
 *     written with fsync, acknowledged) at 1 week, 1 year and 5 years of history;
 *   - cold open of the store: the first open of the day until usable, then the daily backup it starts in
 *     the background, timed apart, with the changes made one after another while it runs (the first one, then
 *     the median of the others beside the durable change's); the second open of the day;
 *   - the same change against one conf file holding everything (the naive baseline).
 *   - the preview of a 1 000-row catalogue file, CSV and .xlsx (issue 12, scripts/bench-import.ts);
 *   - 150 orders in from returned order forms and from a form export, previewed and written (issue 12, scripts/bench-order-intake.ts).
 *   - sync (issues 6 and 11, scripts/bench-sync.ts) at each size: the same week of 900 changes synced
 *     between two copies, a new copy joining, the first sync writing the organiser's snapshot, and
 *     orders.addLine with the sync journal on (two copies in one process, no warm-up: the like-for-like figure is the
 *     durable change table's syncing-copy row).
 *   - beside the durable change, two anchors on the same disk in the same run (issue 11): a bare
 *     append-only journal (write one line + fdatasync) and SQLite in WAL mode with synchronous=FULL
 *     (better-sqlite3), each with a line the size of a real journal line.
 * Prints a table with the ratios. Targets: 5 years < 2× 1 week; 5 years > 20× faster than naive;
 * durable change p95 ≤ 1 ms at 5 years and ≤ 2× the journal anchor.
 *   - a counter payment on first use after the open at each size, with the months of accounts it read (scripts/bench-counter.ts);
 *   - cold open in a fresh process at each size (files known valid, and once with nothing known valid), RSS after
 *     open (through tsx, and with the child bundled as the app is built), and browser host launch → first screen visible (scripts/bench-open.ts; the host needs `npm run build`).
 *   - the same durable change on a copy that syncs (scripts/bench-syncing-copy.ts: the same folder copied, opened by
 *     openBackend, a team sync folder set, nothing synced), its own row in the durable change table, with the same anchors.
 * The durable change, the syncing copy's and the anchors are warmed up alike (10 unmeasured each) and taken in turns, in rotation.
 * Options: --samples=N (default 40), --naive-samples=N (default 8), --keep (keep the folders),
 * --open-runs=N (fresh-process opens per size, default 5), --host-runs=N (host launches per size, default 3),
 * --sizes=1w,1y,5y (the histories to build; default all three: 5 years takes a few minutes to build and open),
 * --sync-weeks=N (weeks of 900 changes synced per size, default 3).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, open, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Conf from 'conf';
import type { Order, OrderLine } from '../shared/model/order';
import { openBackend, type Backend } from '../electron/backend';
import { flagValue } from '../electron/data-folder';
import { listDataFiles } from '../electron/store/data-files';
import { VALIDATED_FILES } from '../electron/store/validated-files';
import { benchImport, printImportBench } from './bench-import';
import { benchOrderIntake, printOrderIntakeBench } from './bench-order-intake';
import { bundleOpenChild, coldOpens, hostLaunches } from './bench-open';
import { buildRelay, historySizes, iso, now, writeStoreFormat, type Relay } from './bench-relay';
import { benchSync, printSyncBench } from './bench-sync';
import { openSyncingCopy } from './bench-syncing-copy';
import { benchCounter, printCounterBench } from './bench-counter';
import { benchConflicts, printConflictsBench } from './bench-conflicts';

const argv = process.argv.slice(2);
const SAMPLES = Number(flagValue(argv, '--samples') ?? 40);
const NAIVE_SAMPLES = Number(flagValue(argv, '--naive-samples') ?? 8);
const KEEP = argv.includes('--keep');
const OPEN_RUNS = Number(flagValue(argv, '--open-runs') ?? 5);
const HOST_RUNS = Number(flagValue(argv, '--host-runs') ?? 3);
const SYNC_WEEKS = Number(flagValue(argv, '--sync-weeks') ?? 3);
/** Changes made before the measured ones, on the store and the anchors alike. */
const WARM_UP = 10;
const sizes = historySizes(flagValue(argv, '--sizes'));

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

async function measureStore(label: string, distributionCount: number) {
  const dataDir = await mkdtemp(join(tmpdir(), `cabas-bench-${label}-`));
  const relay = buildRelay(distributionCount);
  await writeStoreFormat(dataDir, relay);

  // Yesterday's session: the folder as the app leaves it (its index, its validated-files list, yesterday's
  // backup), and the modules loaded, as in the opens timed next.
  const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const before = await openBackend({ dataDir, dailyBackup: false, now: () => yesterday });
  // Yesterday's change too: the first addLine in a process runs code not run yet (~8 ms at 5 years, with no backup
  // at all), which the change timed during today's backup would otherwise measure instead of the backup's cost.
  const yesterdays = relay.distributions.at(-1)!;
  const warm = await before.dispatch('orders.addLine', { orderId: yesterdays.orders.at(-1)!.id, productId: yesterdays.offers.at(-1)!.productId, quantity: 1 });
  if (!warm.ok) throw new Error(`addLine refused: ${JSON.stringify(warm.error)}`);
  await before.workspace.store.backupIfNewDay();
  await before.close();
  // The first open of the day: usable as soon as openBackend resolves; its daily backup then runs in the
  // background (started here at once instead of after BACKUP_AFTER_OPEN_MS) and is timed on its own.
  let started = performance.now();
  const first = await openBackend({ dataDir });
  const firstOpenOfDay = performance.now() - started;
  started = performance.now();
  const backingUp = first.workspace.store.backupIfNewDay();
  let backupEnded = false;
  void backingUp.then(() => (backupEnded = true));
  // The first change of the day, made while that backup copies: acknowledged on its journal line, not after the backup.
  // Then changes one after another until the backup ends: the first one also runs code not run yet in this process,
  // and one sample says little on a shared machine; the others show what the backup's work on the main thread costs a change.
  const last = relay.distributions.at(-1)!;
  const duringBackup: number[] = [];
  do {
    const i = duringBackup.length;
    const changeStarted = performance.now();
    const during = await first.dispatch('orders.addLine', { orderId: last.orders[i % last.orders.length]!.id, productId: last.offers[(i * 7) % last.offers.length]!.productId, quantity: 1 });
    duringBackup.push(performance.now() - changeStarted);
    if (!during.ok) throw new Error(`addLine refused: ${JSON.stringify(during.error)}`);
  } while (!backupEnded);
  const changeDuringBackup = duringBackup[0]!;
  const changesDuringBackup = { count: duringBackup.length - 1, ...(duringBackup.length > 1 ? stats(duringBackup.slice(1)) : { median: NaN, p95: NaN }) };
  await backingUp;
  const backgroundBackup = performance.now() - started;
  if (first.workspace.store.backupFailure) throw new Error(`the daily backup failed: ${first.workspace.store.backupFailure.detail}`);
  await first.close();
  started = performance.now();
  // The day's backup is taken (above): nothing to back up again; the changes below are timed with no check beside them.
  const backend = await openBackend({ dataDir, dailyBackup: false });
  const coldOpen = performance.now() - started;
  // Beside it, a copy of the same folder that syncs (a team folder set, nothing synced): the same changes, journaled a second time for the folder.
  const syncing = await openSyncingCopy(dataDir, label);

  const current = relay.distributions.at(-1)!;
  // The anchors write a line the size of the store's journal line for one order edit.
  const anchorLine = `${JSON.stringify({ n: 1, v: 1, staged: [{ kind: 'order', record: current.orders[0], stamps: { _: `${iso(now)}-0000-${randomUUID()}` } }] })}\n`;
  const anchors = await openAnchors(dataDir);
  const samples: number[] = [];
  const syncingSamples: number[] = [];
  const changeOn = (dispatch: Backend['dispatch']) => async (i: number) => {
    const order = current.orders[i % current.orders.length]!;
    const offer = current.offers[(i * 7) % current.offers.length]!;
    const t0 = performance.now();
    const outcome = await dispatch('orders.addLine', { orderId: order.id, productId: offer.productId, quantity: 1 });
    const elapsed = performance.now() - t0;
    if (!outcome.ok) throw new Error(`addLine refused: ${JSON.stringify(outcome.error)}`);
    return elapsed;
  };
  const change = changeOn(backend.dispatch);
  const syncingChange = changeOn(syncing.backend.dispatch);
  // Warm-up, unmeasured on every side: the first changes compile the code and schemas they run, the first appends open the files.
  for (let i = 0; i < WARM_UP; i++) {
    await change(SAMPLES + i);
    await anchors.measure(anchorLine, false);
    await syncingChange(SAMPLES + i);
  }
  // The sync journal's file is written at each fold of the store's journal, not with each change (its entries
  // ride in the store's line): folded before and after, so that its growth shows every change was journaled.
  await syncing.backend.workspace.store.fold();
  const syncBytesBefore = await syncing.syncBytes();
  const sides: ((i: number) => Promise<void>)[] = [
    async (i) => void samples.push(await change(i)),
    () => anchors.measure(anchorLine),
    async (i) => void syncingSamples.push(await syncingChange(i)),
  ];
  for (let i = 0; i < SAMPLES; i++) {
    // Taken in turns, each side first, second and third in rotation: a flush right after another one finds the disk in another state, and no side should always get it.
    for (let step = 0; step < sides.length; step++) await sides[(i + step) % sides.length]!(i);
  }
  await syncing.backend.workspace.store.fold();
  const syncBytesPerChange = ((await syncing.syncBytes()) - syncBytesBefore) / SAMPLES;
  await syncing.close(KEEP);
  const anchored = await anchors.close();
  const journalLines = (await readFile(join(dataDir, 'journal.jsonl'), 'utf8')).split('\n').filter(Boolean);
  const lineBytes = Math.round(journalLines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0) / Math.max(journalLines.length, 1));
  await backend.close();

  // Cold open, each in a fresh process: first as the app finds the folder every day (its files known valid
  // since the last open), then once with the validated-files list removed (every record checked, as a first open).
  const dataMb = (await Promise.all((await listDataFiles(dataDir)).map(async (path) => (await stat(join(dataDir, path))).size))).reduce((a, b) => a + b, 0) / 1e6;
  const fresh = await coldOpens(dataDir, OPEN_RUNS);
  // The same opens with the child bundled and run by plain Node: the backend as built, without tsx in the process.
  const bundled = await coldOpens(dataDir, OPEN_RUNS, await bundleOpenChild());
  const host = await hostLaunches(dataDir, HOST_RUNS);
  await rm(join(dataDir, VALIDATED_FILES));
  const untrusted = await coldOpens(dataDir, 1);
  if (!KEEP) await rm(dataDir, { recursive: true, force: true });
  return { label, relay, firstOpenOfDay, backgroundBackup, changeDuringBackup, changesDuringBackup, coldOpen, dataMb, fresh, bundled, untrusted, host, samples: samples.length, lineBytes, anchorBytes: Buffer.byteLength(anchorLine), ...anchored, ...stats(samples), syncing: { samples: syncingSamples.length, bytesPerChange: syncBytesPerChange, ...stats(syncingSamples) } };
}

async function measureNaive(relay: Relay) {
  const cwd = await mkdtemp(join(tmpdir(), 'cabas-bench-naive-'));
  const conf = new Conf<Record<string, unknown>>({ cwd, configName: 'cabas', projectName: 'cabas-bench' });
  const orders: Record<string, Order> = {};
  for (const { orders: list } of relay.distributions) for (const order of list) orders[order.id] = order;
  conf.store = {
    producers: relay.producers,
    products: relay.products,
    members: relay.members,
    distributions: relay.distributions.map(({ distribution, offers }) => ({ distribution, offers })),
    orders,
  };
  const current = relay.distributions.at(-1)!;
  const samples: number[] = [];
  for (let i = 0; i < NAIVE_SAMPLES; i++) {
    const order = current.orders[i % current.orders.length]!;
    const t0 = performance.now();
    const lines = conf.get(`orders.${order.id}.lines`) as OrderLine[];
    conf.set(`orders.${order.id}.lines`, [...lines, { ...lines[0]!, id: randomUUID(), quantity: 1 }]);
    samples.push(performance.now() - t0);
  }
  if (!KEEP) await rm(cwd, { recursive: true, force: true });
  return stats(samples);
}

/**
 * The anchors of a durable change, on the same disk as the store and timed between its
 * changes (the disk is shared, so conditions drift; interleaving keeps the comparison fair):
 * a bare append-only journal (one line written at the end, then fdatasync) and SQLite in WAL
 * mode with synchronous=FULL (every commit flushed), one row per change.
 */
async function openAnchors(dir: string) {
  const handle = await open(join(dir, 'anchor-journal.jsonl'), 'a');
  let sqlite: { insert: (line: string) => void; close: () => void } | null = null;
  try {
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(join(dir, 'anchor.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE changes (n INTEGER PRIMARY KEY, line TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO changes (line) VALUES (?)');
    sqlite = { insert: (line) => void insert.run(line), close: () => db.close() };
  } catch (error) {
    console.log(`SQLite anchor skipped: better-sqlite3 does not load (${(error as Error).message.split('\n')[0]}); npm rebuild better-sqlite3 builds it.`);
  }
  const journal: number[] = [];
  const sql: number[] = [];
  return {
    /** One line on each anchor; `record` false for the warm-up. */
    async measure(line: string, record = true) {
      let t0 = performance.now();
      await handle.write(line);
      await handle.datasync();
      if (record) journal.push(performance.now() - t0);
      if (sqlite) {
        t0 = performance.now();
        sqlite.insert(line);
        if (record) sql.push(performance.now() - t0);
      }
    },
    async close() {
      await handle.close();
      sqlite?.close();
      return { journal: { samples: journal.length, ...stats(journal) }, sqlite: sqlite ? { samples: sql.length, ...stats(sql) } : null };
    },
  };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const fine = (value: number) => `${value.toFixed(2)} ms`;
const results = [];
for (const [label, count] of sizes) {
  process.stdout.write(`building and measuring ${label} (${count} distributions)…\n`);
  results.push(await measureStore(label, count));
}
const counters = [];
for (const [label, count] of sizes) {
  process.stdout.write(`measuring a counter payment on first use at ${label}…\n`);
  counters.push(await benchCounter(label, count, KEEP));
}
const conflictLooks = [];
for (const [label, count] of sizes) {
  process.stdout.write(`measuring the conflict count after a change at ${label}…\n`);
  conflictLooks.push(await benchConflicts(label, count));
}
const week = results[0]!;
const largest = results.at(-1)!;
process.stdout.write(`measuring the naive single conf file at ${largest.label}…\n`);
const naive = await measureNaive(largest.relay);

console.log('\nDurable change: orders.addLine through the real dispatch (checked, journaled and flushed to disk (an O_DSYNC write, or write + fdatasync where the system lacks O_DSYNC), acknowledged), each sample beside, on the same disk, one append-only journal line + fdatasync and one SQLite WAL insert (synchronous=FULL), and the same change on a copy of the same folder with a team sync folder set (role organiser, never synced: each change also journaled for the folder), the three taken in turns in rotation, after 10 unmeasured of each.');
console.log('\n| history | distributions | orders | store median / p95 | journal anchor median / p95 | SQLite WAL median / p95 | samples | store / journal anchor (median, p95) | store / SQLite (median, p95) | 1st open of the day (usable, × cold open) | its daily backup (background) / a change made during it | the next changes during it: median / p95 (count), median × store median | cold open |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const duringCell = ({ changesDuringBackup: during, median }: Awaited<ReturnType<typeof measureStore>>) =>
  during.count === 0 ? 'none (the backup ended first)' : `${fine(during.median)} / ${fine(during.p95)} (${during.count}), ${ratio(during.median, median)}`;
for (const result of results) {
  const orders = result.relay.distributions.reduce((sum, d) => sum + d.orders.length, 0);
  const sql = result.sqlite;
  console.log(
    `| ${result.label} | ${result.relay.distributions.length} | ${orders} | ${fine(result.median)} / ${fine(result.p95)} | ${fine(result.journal.median)} / ${fine(result.journal.p95)} | ${sql ? `${fine(sql.median)} / ${fine(sql.p95)}` : 'n/a'} | ${result.samples} | ${ratio(result.median, result.journal.median)}, ${ratio(result.p95, result.journal.p95)} | ${sql ? `${ratio(result.median, sql.median)}, ${ratio(result.p95, sql.p95)}` : 'n/a'} | ${ms(result.firstOpenOfDay)} (${ratio(result.firstOpenOfDay, result.coldOpen)}) | ${ms(result.backgroundBackup)} / ${fine(result.changeDuringBackup)} | ${duringCell(result)} | ${ms(result.coldOpen)} |`,
  );
  // The same turns' anchors: the syncing copy's changes were taken between them, like the store alone's.
  const { syncing } = result;
  console.log(
    `| ${result.label}, addLine, copy with a sync folder set | ${result.relay.distributions.length} | ${orders} | ${fine(syncing.median)} / ${fine(syncing.p95)} | ${fine(result.journal.median)} / ${fine(result.journal.p95)} | ${sql ? `${fine(sql.median)} / ${fine(sql.p95)}` : 'n/a'} | ${syncing.samples} | ${ratio(syncing.median, result.journal.median)}, ${ratio(syncing.p95, result.journal.p95)} | ${sql ? `${ratio(syncing.median, sql.median)}, ${ratio(syncing.p95, sql.p95)}` : 'n/a'} | | | | |`,
  );
}
const naiveOrders = largest.relay.distributions.length * 150;
console.log(`| naive single conf file, ${largest.label} | ${largest.relay.distributions.length} | ${naiveOrders} | ${ms(naive.median)} / ${ms(naive.p95)} | | | ${NAIVE_SAMPLES} | | | | | | |`);
console.log(`\nstore journal line: ${largest.lineBytes} B on average; anchor line: ${largest.anchorBytes} B`);
const growth = largest.median / week.median;
const speedup = naive.median / largest.median;
const vsAnchor = largest.p95 / largest.journal.p95;
console.log(`${largest.label} vs ${week.label} (median): ${growth.toFixed(2)}× (target < 2×) ${growth < 2 ? 'OK' : 'MISSED'}`);
console.log(`naive vs store at ${largest.label} (median): ${speedup.toFixed(1)}× faster (target > 20×) ${speedup > 20 ? 'OK' : 'MISSED'}`);
console.log(`durable change p95 at ${largest.label}: ${fine(largest.p95)} (target ≤ 1 ms) ${largest.p95 <= 1 ? 'OK' : 'MISSED'}; ${vsAnchor.toFixed(2)}× the journal anchor (target ≤ 2×) ${vsAnchor <= 2 ? 'OK' : 'MISSED'}`);
for (const { label, journal, syncing, median, p95 } of results) {
  console.log(
    `addLine, copy with a sync folder set, ${label}: ${fine(syncing.median)} / ${fine(syncing.p95)} (median / p95), ${ratio(syncing.median, journal.median)} / ${ratio(syncing.p95, journal.p95)} the journal anchor, ${ratio(syncing.median, median)} / ${ratio(syncing.p95, p95)} the store alone; its sync journal grew ${Math.round(syncing.bytesPerChange)} B per change (written at the folds)`,
  );
}
const syncingVsAnchor = largest.syncing.p95 / largest.journal.p95;
console.log(`durable change p95 on a copy with a sync folder set at ${largest.label}: ${fine(largest.syncing.p95)} (target ≤ 1 ms) ${largest.syncing.p95 <= 1 ? 'OK' : 'MISSED'}; ${syncingVsAnchor.toFixed(2)}× the journal anchor (target ≤ 2×) ${syncingVsAnchor <= 2 ? 'OK' : 'MISSED'}`);
console.log(`\nCold open in a fresh process (scripts/bench-open-child.ts: load the backend's modules, open the folder), median of ${OPEN_RUNS} runs; host launch → first screen (Chromium, heading visible), median of ${HOST_RUNS}.`);
console.log('Bundled: the same child bundled by esbuild and run by plain Node (no tsx loader thread or compiled sources in the process), as the built app runs the backend.');
console.log('\n| history | data files | open (files known valid) | open, bundled | open, nothing known valid (1 run) | module load | whole process from spawn | RSS after open | RSS after open, bundled | files left unread at open | host launch → first screen |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const result of results) {
  const { fresh, bundled, untrusted, host } = result;
  console.log(
    `| ${result.label} | ${result.dataMb.toFixed(1)} MB | ${ms(fresh.openMs)} | ${ms(bundled.openMs)} | ${ms(untrusted.openMs)} | ${ms(fresh.loadMs)} | ${ms(fresh.processMs)} | ${fresh.rssMb.toFixed(0)} MB | ${bundled.rssMb.toFixed(0)} MB | ${fresh.unreadFiles} | ${host ? `${ms(host.ms)} (${host.runs} runs)` : HOST_RUNS < 1 ? 'not asked (--host-runs=0)' : 'n/a: run npm run build first'} |`,
  );
}
const openGrowth = largest.fresh.openMs / week.fresh.openMs;
const bundledGrowth = largest.bundled.openMs / week.bundled.openMs;
console.log(`cold open ${largest.label} / ${week.label}: ${openGrowth.toFixed(2)}× (target ≤ 2×) ${openGrowth <= 2 ? 'OK' : 'MISSED'}, bundled ${bundledGrowth.toFixed(2)}×; ${largest.label} ${ms(largest.fresh.openMs)} (target ≤ 300 ms) ${largest.fresh.openMs <= 300 ? 'OK' : 'MISSED'}; RSS ${largest.fresh.rssMb.toFixed(0)} MB through tsx (target ≤ 200 MB) ${largest.fresh.rssMb <= 200 ? 'OK' : 'MISSED'}, ${largest.bundled.rssMb.toFixed(0)} MB bundled ${largest.bundled.rssMb <= 200 ? 'OK' : 'MISSED'}`);


printCounterBench(counters);
printConflictsBench(conflictLooks);

const synced = [];
for (const [label, count] of sizes) {
  process.stdout.write(`\nmeasuring sync at ${label}…\n`);
  synced.push(await benchSync(label, count, SYNC_WEEKS, KEEP));
}
printSyncBench(synced);

printImportBench(await benchImport());
printOrderIntakeBench(await benchOrderIntake());

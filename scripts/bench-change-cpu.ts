/**
 * CPU per durable change (issue 11): the same `orders.addLine` as `npm run bench`, on the same
 * relay, timed by `process.cpuUsage()` over many changes rather than by the wall clock, so a
 * loaded, shared machine still gives a steady figure. Run it under `node --cpu-prof` to see
 * where the time goes:
 *   npx tsx scripts/bench-change-cpu.ts --size=5y --changes=2000
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/bench-change-cpu.ts --dir=/tmp/relay-5y
 * Options: --size=1w|1y|5y (default 5y), --changes=N (default 1000), --dir=PATH (build the relay
 * there once and reuse it on the next runs; default a temporary folder, removed after).
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openBackend } from '../electron/backend';
import { flagValue } from '../electron/data-folder';
import { buildRelay, historySizes, writeStoreFormat } from './bench-relay';

const argv = process.argv.slice(2);
const [label, count] = historySizes(flagValue(argv, '--size') ?? '5y')[0]!;
const CHANGES = Number(flagValue(argv, '--changes') ?? 1000);
const kept = flagValue(argv, '--dir');
const profile = flagValue(argv, '--profile');
const TURNS = Number(flagValue(argv, '--turns') ?? 400);

const relay = buildRelay(count);
const pristine = kept ?? (await mkdtemp(join(tmpdir(), 'cabas-cpu-')));
if (!existsSync(join(pristine, 'members.json'))) await writeStoreFormat(pristine, relay);
// Each run changes a copy, so a kept relay stays as built (the same orders, the same stock).
const dataDir = await mkdtemp(join(tmpdir(), 'cabas-cpu-run-'));
await cp(pristine, dataDir, { recursive: true });

// A kept relay was built in an earlier run: its ids come from that run, so they are read back from the store.
// No fold during the run: folding is off the acknowledgement path, and this measures that path alone.
const backend = await openBackend({ dataDir, foldWhenIdleMs: false, foldPastBytes: Number.POSITIVE_INFINITY });
const { dispatch, workspace } = backend;
const store = workspace.store;
const current = store.all('distribution').reduce((latest, d) => (d.pickupDate > latest.pickupDate ? d : latest));
const path = `distributions/${current.id}.json`;
const orders = store.inFile('order', path);
const offers = store.inFile('offer', path);

const change = async (i: number) => {
  const order = orders[i % orders.length]!;
  const offer = offers[(i * 7) % offers.length]!;
  const outcome = await dispatch('orders.addLine', { orderId: order.id, productId: offer.productId, quantity: 1 });
  if (!outcome.ok) throw new Error(`addLine refused: ${JSON.stringify(outcome.error)}`);
};
for (let i = 0; i < 50; i++) await change(CHANGES + i);
const session = profile ? new Session() : null;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < CHANGES; i++) await change(i);
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
if (session && profile) {
  const { profile: taken } = await session.post('Profiler.stop');
  await writeFile(profile, JSON.stringify(taken));
  session.disconnect();
}
console.log(
  `${label}: ${CHANGES} changes, CPU per change ${((cpu.user + cpu.system) / CHANGES).toFixed(0)} µs (user ${(cpu.user / CHANGES).toFixed(0)}, system ${(cpu.system / CHANGES).toFixed(0)}), wall ${((wall * 1000) / CHANGES).toFixed(0)} µs`,
);

// The floor: the same number of bare appends (one journal-sized line written, then fdatasync), as the bench's journal anchor.
const journal = (await readFile(join(dataDir, 'journal.jsonl'), 'utf8')).split('\n').filter(Boolean);
const line = `${journal.at(-1)}\n`;
const anchor = await open(join(dataDir, 'anchor-journal.jsonl'), 'a');
const appendLine = async () => {
  await anchor.write(line);
  await anchor.datasync();
};
for (let i = 0; i < 50; i++) await appendLine();
const anchor0 = process.cpuUsage();
for (let i = 0; i < CHANGES; i++) await appendLine();
const anchorCpu = process.cpuUsage(anchor0);
console.log(
  `journal anchor: CPU per append ${((anchorCpu.user + anchorCpu.system) / CHANGES).toFixed(0)} µs (user ${(anchorCpu.user / CHANGES).toFixed(0)}, system ${(anchorCpu.system / CHANGES).toFixed(0)}), line ${Buffer.byteLength(line)} B`,
);

// Wall clock, as the bench takes it: a change and an append in turns (each first every other time), so both see the same disk and load.
const changeWalls: number[] = [];
const anchorWalls: number[] = [];
const timed = async (samples: number[], work: () => Promise<void>) => {
  const started = performance.now();
  await work();
  samples.push(performance.now() - started);
};
for (let i = 0; i < TURNS; i++) {
  if (i % 2 === 0) await timed(changeWalls, () => change(CHANGES + 50 + i));
  await timed(anchorWalls, appendLine);
  if (i % 2 === 1) await timed(changeWalls, () => change(CHANGES + 50 + i));
}
await anchor.close();
const at = (samples: number[], q: number) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
console.log(
  `wall, ${TURNS} in turns: change ${at(changeWalls, 0.5).toFixed(2)} / ${at(changeWalls, 0.95).toFixed(2)} ms, anchor ${at(anchorWalls, 0.5).toFixed(2)} / ${at(anchorWalls, 0.95).toFixed(2)} ms (median / p95), ratio ${(at(changeWalls, 0.5) / at(anchorWalls, 0.5)).toFixed(2)}× / ${(at(changeWalls, 0.95) / at(anchorWalls, 0.95)).toFixed(2)}×`,
);
await backend.close();
await rm(dataDir, { recursive: true, force: true });
if (!kept) await rm(pristine, { recursive: true, force: true });

/**
 * The conflict count after an everyday change (issue 11), for `npm run bench` or alone
 * (`npx tsx scripts/bench-conflicts.ts --sizes 5y`): the counter bench's folder (scripts/bench-counter.ts:
 * every past order debited and paid, in months of accounts), a first look at the conflicts (a check of
 * every month, its answer saved), then, after a restart, one counter payment and the sync status with
 * its conflict count, as shown after every sync: its time and the partition files it had to read.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { AccountEntry } from '../shared/accounts/ledger';
import type { SyncStatus } from '../shared/sync/status';
import { openBackend } from '../electron/backend';
import { accountsFile } from '../electron/store/entities';
import { serialiseFile } from '../electron/store/envelope';
import { withAccounts } from './bench-counter';
import { buildRelay, historySizes, writeStoreFormat } from './bench-relay';

export interface ConflictsBench {
  label: string;
  months: number;
  /** The first look: every month read. */
  fullMs: number;
  fullRead: number;
  /** The sync status after a counter payment, on the next open. */
  afterChangeMs: number;
  afterChangeRead: number;
  conflicts: number;
}

async function look(dataDir: string, change: ((dispatch: (name: string, payload: unknown) => Promise<unknown>) => Promise<void>) | null) {
  const backend = await openBackend({ dataDir });
  backend.syncer.stop();
  const store = backend.workspace.store;
  const dispatch = async (name: string, payload: unknown) => {
    const outcome = await backend.dispatch(name as never, payload);
    if (!outcome.ok) throw new Error(`${name} refused: ${JSON.stringify(outcome.error)}`);
    return outcome.value;
  };
  if (change) await change(dispatch);
  const unread = store.unloadedFiles;
  const started = performance.now();
  const status = (await dispatch('sync.status', {})) as SyncStatus;
  const elapsed = performance.now() - started;
  const read = unread - store.unloadedFiles;
  await backend.close();
  return { elapsed, read, conflicts: status.conflicts };
}

export async function benchConflicts(label: string, distributionCount: number): Promise<ConflictsBench> {
  const { relay, entries } = withAccounts(buildRelay(distributionCount));
  const dataDir = await mkdtemp(join(tmpdir(), `cabas-bench-conflicts-${label}-`));
  await writeStoreFormat(dataDir, relay);
  await mkdir(join(dataDir, 'accounts'));
  const byMonth = new Map<string, AccountEntry[]>();
  for (const entry of entries) byMonth.set(accountsFile(entry.at), [...(byMonth.get(accountsFile(entry.at)) ?? []), entry]);
  for (const [path, list] of byMonth) await writeFile(join(dataDir, path), serialiseFile({ accountEntry: list }));
  // The first open reads and checks every file and writes the index, as an app's first open of the folder does.
  await (await openBackend({ dataDir })).close();

  const full = await look(dataDir, null);
  const basket = relay.distributions.at(-1)!.orders[0]!;
  const after = await look(dataDir, async (dispatch) => {
    await dispatch('counter.collectAndPay', { orderId: basket.id, method: 'cash', tenderedCents: 1_000_000 });
  });
  await rm(dataDir, { recursive: true, force: true });
  return { label, months: byMonth.size, fullMs: full.elapsed, fullRead: full.read, afterChangeMs: after.elapsed, afterChangeRead: after.read, conflicts: after.conflicts };
}

export function printConflictsBench(results: readonly ConflictsBench[]): void {
  console.log('\nConflict count (sync.status, in-process): at the first look (every month checked, the answer saved), then after a restart and one counter payment (only what changed rechecked): time and partition files read by the look.');
  console.log('\n| history | months of accounts | first look | files read | after a payment | files read | conflicts |');
  console.log('|---|---|---|---|---|---|---|');
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  for (const r of results) console.log(`| ${r.label} | ${r.months} | ${ms(r.fullMs)} | ${r.fullRead} | ${ms(r.afterChangeMs)} | ${r.afterChangeRead} | ${r.conflicts} |`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--sizes');
  const results = [];
  for (const [label, count] of historySizes(at >= 0 ? argv[at + 1] : '5y')) results.push(await benchConflicts(label, count));
  printConflictsBench(results);
}

/**
 * Counter payment on first use (issue 11), for `npm run bench`: the bench relay (scripts/bench-relay.ts)
 * with its accounts — every past order collected, debited and paid at the counter, two entries each, in
 * months of accounts as the store files them — opened as the app opens it (past months unread), then one
 * "Encaisser et remettre" of this week's first basket, whose member has entries in every month. Measured
 * in-process right after the open: the time of the payment and the months of accounts it had to read;
 * beside it, the same payment after reading every month first (what it cost when the counter read them all).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AccountEntry } from '../shared/accounts/ledger';
import { orderTotal } from '../shared/orders/totals';
import { openBackend } from '../electron/backend';
import { accountsFile } from '../electron/store/entities';
import { serialiseFile } from '../electron/store/envelope';
import { buildRelay, writeStoreFormat, type Relay } from './bench-relay';

export interface CounterBench {
  label: string;
  months: number;
  entries: number;
  /** First use, past months unread at open. */
  lazyMs: number;
  monthsRead: number;
  /** The same payment once every month is read (the reading included). */
  allMs: number;
}

/** The relay with every past order collected at its pickup, debited and paid by card then. */
export function withAccounts(relay: Relay): { relay: Relay; entries: AccountEntry[] } {
  const entries: AccountEntry[] = [];
  let n = 0;
  const id = () => `00000000-0000-4000-8000-${(n++).toString(16).padStart(12, '0')}`;
  const distributions = relay.distributions.map((held, d) => {
    if (d === relay.distributions.length - 1) return held;
    const at = `${held.distribution.pickupDate}T16:00:00.000Z`;
    const orders = held.orders.map((order) => {
      const total = orderTotal(order);
      const base = { memberId: order.memberId, at, reference: '', reason: '', orderId: order.id, distributionId: order.distributionId };
      entries.push({ ...base, id: id(), kind: 'order', amountCents: -total }, { ...base, id: id(), kind: 'payment', amountCents: total, method: 'card' });
      return { ...order, collectedAt: at };
    });
    return { ...held, orders };
  });
  return { relay: { ...relay, distributions }, entries };
}

async function payFirstBasket(dataDir: string, orderId: string, readAll: boolean) {
  const backend = await openBackend({ dataDir });
  backend.syncer.stop();
  const store = backend.workspace.store;
  const unread = store.unloadedFiles;
  const started = performance.now();
  if (readAll) store.loadAll();
  const outcome = await backend.dispatch('counter.collectAndPay', { orderId, method: 'cash', tenderedCents: 1_000_000 });
  const elapsed = performance.now() - started;
  if (!outcome.ok) throw new Error(`collectAndPay refused: ${JSON.stringify(outcome.error)}`);
  const read = unread - store.unloadedFiles;
  // Undone as it came (no fold kept): the other run starts from the same folder.
  await backend.close();
  return { elapsed, read };
}

export async function benchCounter(label: string, distributionCount: number, keep: boolean): Promise<CounterBench> {
  const { relay, entries } = withAccounts(buildRelay(distributionCount));
  const dataDir = await mkdtemp(join(tmpdir(), `cabas-bench-counter-${label}-`));
  await writeStoreFormat(dataDir, relay);
  await mkdir(join(dataDir, 'accounts'));
  const byMonth = new Map<string, AccountEntry[]>();
  for (const entry of entries) {
    const path = accountsFile(entry.at);
    const list = byMonth.get(path) ?? [];
    list.push(entry);
    byMonth.set(path, list);
  }
  for (const [path, list] of byMonth) await writeFile(join(dataDir, path), serialiseFile({ accountEntry: list }));
  // The first open reads and checks every file and writes the index, as an app's first open of the folder does.
  await (await openBackend({ dataDir })).close();

  const current = relay.distributions.at(-1)!;
  const [lazyOrder, allOrder] = current.orders;
  const lazy = await payFirstBasket(dataDir, lazyOrder!.id, false);
  const all = await payFirstBasket(dataDir, allOrder!.id, true);
  if (!keep) await rm(dataDir, { recursive: true, force: true });
  else console.log(`kept ${dataDir}`);
  return { label, months: byMonth.size, entries: entries.length, lazyMs: lazy.elapsed, monthsRead: lazy.read, allMs: all.elapsed };
}

export function printCounterBench(results: readonly CounterBench[]): void {
  console.log('\nCounter payment on first use (counter.collectAndPay of this week\'s first basket right after a cold open, in-process; its member has entries in every month): time and past months of accounts read.');
  console.log('\n| history | months of accounts | account entries | first payment | months read | the same after reading every month |');
  console.log('|---|---|---|---|---|---|');
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  for (const result of results) {
    console.log(`| ${result.label} | ${result.months} | ${result.entries} | ${ms(result.lazyMs)} | ${result.monthsRead} | ${ms(result.allMs)} |`);
  }
}

/**
 * `npm run bench:render` — how long the long list screens take to show
 * (issue 14: 1 500 members, 300 orders of one distribution, 250 distributions).
 * Builds the relay through the browser host's real API, opens each screen in
 * Chromium and times, inside the page, from the hash change to the first
 * animation frame after the list's rows are in the DOM (React commits every
 * row of a list at once, so the first row found means the last one too).
 * The figure includes asking the host for the list, which paging does not change.
 * Needs `npm run build` first. Options: --samples=N (default 10).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { flagValue } from '../electron/data-folder';
import { startHostProcess, type HostInfo } from '../e2e/support/host-process';

const SAMPLES = Number(flagValue(process.argv.slice(2), '--samples') ?? 10);

function caller(host: HostInfo) {
  return async function call<T>(name: string, data: object): Promise<T> {
    const response = await fetch(`${host.url}api/call/${name}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(data),
    });
    const outcome = (await response.json()) as { ok: boolean; value: T };
    if (!outcome.ok) throw new Error(`${name}: ${JSON.stringify(outcome)}`);
    return outcome.value;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000);

async function buildRelay(call: ReturnType<typeof caller>) {
  const rows = Array.from({ length: 1500 }, (_, i) => `Membre ${String(i + 1).padStart(4, '0')};m${i}@example.be;0470 00 00 00;;`);
  await call('members.import', { contentBase64: Buffer.from(['Nom;E-mail;Téléphone;Remarques;Heure de retrait', ...rows].join('\r\n')).toString('base64') });
  const members = await call<{ id: string }[]>('members.list', { query: '', archived: 'active' });

  const { producer } = await call<{ producer: { id: string } }>('producers.create', { name: 'Ferme du Bois' });
  const product = await call<{ id: string }>('products.create', { producerId: producer.id, name: 'Carottes', category: 'légumes', unit: 'kg', priceCents: 250, vatRateBp: 600 });
  const open = await call<{ id: string }>('distributions.create', {
    pickupDate: localDate(inDays(3)), pickupStart: '17:00', pickupEnd: '19:00',
    opens: { date: localDate(inDays(-1)), time: '09:00' }, closes: { date: localDate(inDays(2)), time: '23:59' },
  });
  await call('offers.set', { distributionId: open.id, productId: product.id, quantity: 10_000 });
  for (const member of members.slice(0, 300)) {
    const order = await call<{ id: string }>('orders.open', { distributionId: open.id, memberId: member.id });
    await call('orders.addLine', { orderId: order.id, productId: product.id, quantity: 2 });
  }

  // 249 more, weekly on three other weekdays from next week: 250 distributions to come.
  for (const [offset, weeks] of [[8, 104], [9, 104], [10, 41]] as const) {
    const from = inDays(offset);
    await call('distributions.createSeries', { from: localDate(from), weekday: from.getDay(), weeks, pickupStart: '17:00', pickupEnd: '19:00' });
  }
  return { ordersHash: `#/orders/${open.id}` };
}

/** Milliseconds from the hash change to the frame after `selector` appears. */
async function timeScreen(page: Page, hash: string, selector: string): Promise<number> {
  await page.evaluate(() => (window.location.hash = '#/settings'));
  await page.waitForSelector('main h1');
  await page.waitForTimeout(200);
  // A string, not a function: tsx would wrap a function's inner closures in a helper the page does not have.
  return page.evaluate(`new Promise((resolve) => {
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (!document.querySelector(${JSON.stringify(selector)})) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - start));
    });
    observer.observe(document.body, { childList: true, subtree: true });
    window.location.hash = ${JSON.stringify(hash)};
  })`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'cabas-bench-render-'));
  const host = await startHostProcess(dataDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    process.stdout.write('building 1 500 members, 300 orders, 250 distributions…\n');
    const { ordersHash } = await buildRelay(caller(host));
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-BE' });
    await page.goto(host.openUrl);
    await page.waitForSelector('main h1');
    const screens = [
      { name: 'members (1 500)', hash: '#/members', selector: 'table.member-table tbody tr' },
      { name: 'orders (300)', hash: ordersHash, selector: 'table.order-table tbody tr' },
      { name: 'season (250)', hash: '#/distributions', selector: '.season-list li' },
    ];
    for (const screen of screens) {
      await timeScreen(page, screen.hash, screen.selector); // warm-up: the screen's code and first fetch
      const samples: number[] = [];
      for (let i = 0; i < SAMPLES; i++) samples.push(await timeScreen(page, screen.hash, screen.selector));
      const rows = await page.locator(screen.selector).count();
      process.stdout.write(
        `${screen.name.padEnd(16)} median ${median(samples).toFixed(0).padStart(4)} ms  rows drawn ${String(rows).padStart(4)}  samples ${samples.map((s) => s.toFixed(0)).join(' ')}\n`,
      );
    }
  } finally {
    await browser.close();
    await host.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();

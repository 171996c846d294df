/**
 * The orders intake benchmark (issue 12): 150 members' orders brought in from
 * spreadsheets, previewed then written, through the real dispatch on a real
 * data folder — as 150 returned .xlsx order forms, and as one online-form
 * export of 150 rows (CSV, one column per product). 50 products of 5
 * producers on sale, each order 5 lines. Target: previewed and written ≤ 5 s.
 * Run alone with `npx tsx scripts/bench-order-intake.ts`; `npm run bench` runs it last.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { utils, write } from '@e965/xlsx';
import { openBackend } from '../electron/backend';
import type { IntakePlan } from '../shared/intake/plan';

const MEMBERS = 150;
const PRODUCERS = 5;
const PRODUCTS_EACH = 10;

const pad = (n: number) => String(n).padStart(2, '0');
const day = (offset: number) => {
  const date = new Date(Date.now() + offset * 86_400_000);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

interface Catalogue {
  products: { name: string; producer: string }[];
  members: { name: string; email: string }[];
}

const catalogue: Catalogue = {
  products: Array.from({ length: PRODUCERS * PRODUCTS_EACH }, (_, index) => ({
    name: `Légume « ${index % PRODUCTS_EACH} » n° ${index}`,
    producer: `Ferme n° ${Math.floor(index / PRODUCTS_EACH) + 1} de l’Églantier`,
  })),
  members: Array.from({ length: MEMBERS }, (_, index) => ({ name: `Membre ${index} D’Hondt`, email: `membre.${index}@example.org` })),
};

/** Member m orders 5 products, 1 to 3 units each. */
const wanted = (member: number, product: number) => ((member + product) % 10 === 0 ? 1 + (product % 3) : 0);

function returnedForm(member: number): string {
  const { name, email } = catalogue.members[member]!;
  const rows: (string | number)[][] = [
    ['Bon de commande — distribution'], ['Nom', name], ['E-mail', email], ['Téléphone', ''], [],
    ['Produit', 'Producteur', 'Unité', 'Prix (€)', 'Stock restant', 'Quantité'],
    ...catalogue.products.map((product, index) => [product.name, product.producer, 'kg', 2.5, 1000, wanted(member, index) || '']),
  ];
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet(rows), 'Bon de commande');
  return Buffer.from(write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
}

function formExport(): string {
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const header = ['Horodateur', 'Adresse e-mail', 'Nom', ...catalogue.products.map((product) => `${product.name} (${product.producer})`)];
  const lines = [header.map(quote).join(',')];
  catalogue.members.forEach(({ name, email }, member) => {
    lines.push([quote('2026-03-03 10:00'), quote(email), quote(name), ...catalogue.products.map((_, index) => String(wanted(member, index) || ''))].join(','));
  });
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8').toString('base64');
}

async function measure(label: string, files: { name: string; contentBase64: string }[]) {
  const dataDir = await mkdtemp(join(tmpdir(), 'cabas-bench-intake-'));
  // The intake timed alone: no daily backup starting in the background at the first change.
  const backend = await openBackend({ dataDir, dailyBackup: false });
  const call = async <T>(name: Parameters<typeof backend.dispatch>[0], payload: unknown): Promise<T> => {
    const outcome = await backend.dispatch(name, payload);
    if (!outcome.ok) throw new Error(`${name} refused: ${JSON.stringify(outcome.error)}`);
    return outcome.value as T;
  };
  try {
    const distribution = await call<{ id: string }>('distributions.create', {
      pickupDate: day(3), pickupStart: '17:00', pickupEnd: '19:00', opens: { date: day(-1), time: '09:00' }, closes: { date: day(2), time: '23:59' },
    });
    const producers = new Map<string, string>();
    for (const product of catalogue.products) {
      let producerId = producers.get(product.producer);
      if (!producerId) {
        producerId = (await call<{ producer: { id: string } }>('producers.create', { name: product.producer })).producer.id;
        producers.set(product.producer, producerId);
      }
      const { id } = await call<{ id: string }>('products.create', { producerId, name: product.name, category: 'légumes', unit: 'kg', priceCents: 250, vatRateBp: 600 });
      await call('offers.set', { distributionId: distribution.id, productId: id, quantity: 1000 });
    }
    for (const member of catalogue.members) await call('members.create', member);
    const input = { distributionId: distribution.id, files };
    const started = performance.now();
    const plan = await call<IntakePlan>('orders.previewImport', input);
    const previewed = performance.now();
    await call('orders.import', input);
    const written = performance.now();
    if (plan.counts.ordersCreated !== MEMBERS || plan.counts.linesRefused !== 0) throw new Error(`${label}: unexpected plan ${JSON.stringify(plan.counts)}`);
    return { label, preview: previewed - started, write: written - previewed };
  } finally {
    await backend.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Each sample on a fresh data folder (a write changes what the next preview sees). The slowest total is held to the
 * target: it is the first, as later samples find the same workbooks already read in the previews' cache (order-intake.ts).
 */
async function sampled(label: string, files: { name: string; contentBase64: string }[], samples: number) {
  const runs = [];
  for (let sample = 0; sample < samples; sample++) runs.push(await measure(label, files));
  runs.sort((a, b) => a.preview + a.write - (b.preview + b.write));
  const median = runs[Math.floor(runs.length / 2)]!;
  const slowest = runs.at(-1)!;
  return { label, samples, preview: median.preview, write: median.write, maxTotal: slowest.preview + slowest.write };
}

export async function benchOrderIntake(samples = 1) {
  return [
    await sampled(`${MEMBERS} returned .xlsx order forms`, catalogue.members.map((_, member) => ({ name: `bon-${member}.xlsx`, contentBase64: returnedForm(member) })), samples),
    await sampled(`an online-form export of ${MEMBERS} rows (CSV)`, [{ name: 'reponses.csv', contentBase64: formExport() }], samples),
  ];
}

export function printOrderIntakeBench(results: Awaited<ReturnType<typeof benchOrderIntake>>): void {
  console.log(`\n| ${MEMBERS} orders in from spreadsheets | samples | preview (median) | write (median) | total (median) | total (max) | target ≤ 5 s |`);
  console.log('|---|---|---|---|---|---|---|');
  for (const { label, samples, preview, write: written, maxTotal } of results) {
    const total = preview + written;
    console.log(
      `| ${label} | ${samples} | ${preview.toFixed(0)} ms | ${written.toFixed(0)} ms | ${total.toFixed(0)} ms | ${maxTotal.toFixed(0)} ms | ${maxTotal <= 5000 ? 'OK' : 'MISSED'} |`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) printOrderIntakeBench(await benchOrderIntake());

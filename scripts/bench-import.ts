/**
 * The import benchmark (issue 12): the preview of a 1 000-row catalogue file
 * (50 producers × 20 products, the titles organisers write), as a French CSV
 * (Windows-1252, ";") and as .xlsx, through the real dispatch on a real data
 * folder — first into an empty catalogue (everything new), then against the
 * same catalogue already imported (every row matched). Target: ≤ 1 s.
 * Run alone with `npx tsx scripts/bench-import.ts`; `npm run bench` runs it last.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { utils, write } from '@e965/xlsx';
import { openBackend } from '../electron/backend';
import type { ImportPlan } from '../shared/catalogue/import-plan';

const HEADER = ['Producteur', 'Produit', 'Catégorie', 'Unité', 'Conditionnement', 'Prix TTC (€)', 'TVA (%)', 'Stock hebdo'];

function catalogueRows(count: number): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (let index = 0; index < count; index++) {
    const producer = `Ferme n° ${Math.floor(index / 20) + 1} de l’Églantier`;
    rows.push([producer, `Œufs et légumes « ${index} »`, 'légumes', index % 2 ? 'kg' : 'pièce', 'botte d’1 kg — bio', (100 + ((index * 37) % 900)) / 100, 6, index % 50]);
  }
  return rows;
}

/** What LibreOffice in French writes: ";", decimal comma, Windows-1252 (every character here has a byte). */
function frenchCsv(rows: (string | number)[][]): string {
  const lines = [HEADER, ...rows].map((row) => row.map((cell) => (typeof cell === 'number' ? String(cell).replace('.', ',') : `"${cell}"`)).join(';'));
  const text = `${lines.join('\n')}\n`;
  const cp1252: Record<string, number> = { '€': 0x80, '’': 0x92, '—': 0x97, Œ: 0x8c };
  return Buffer.from([...text].map((char) => cp1252[char] ?? char.charCodeAt(0))).toString('base64');
}

function xlsx(rows: (string | number)[][]): string {
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet([HEADER, ...rows]), 'Catalogue');
  return Buffer.from(write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
}

export async function benchImport(samples = 5): Promise<{ label: string; samples: number; median: number; max: number }[]> {
  const rows = catalogueRows(1000);
  const files = [
    { label: 'CSV (Windows-1252, ;)', contentBase64: frenchCsv(rows) },
    { label: '.xlsx', contentBase64: xlsx(rows) },
  ];
  const results: { label: string; samples: number; median: number; max: number }[] = [];
  const dataDir = await mkdtemp(join(tmpdir(), 'cabas-bench-import-'));
  const backend = await openBackend({ dataDir, dailyBackup: false });
  try {
    const { dispatch } = backend;
    const measure = async (label: string, contentBase64: string) => {
      const times: number[] = [];
      for (let sample = 0; sample < samples; sample++) {
        const started = performance.now();
        const outcome = await dispatch('catalogue.previewImport', { contentBase64 });
        times.push(performance.now() - started);
        if (!outcome.ok) throw new Error(`preview refused: ${JSON.stringify(outcome.error)}`);
        const plan = outcome.value as ImportPlan;
        if (plan.rows.length !== 1000 || plan.counts.rowsWithIssues !== 0) throw new Error(`${label}: unexpected plan`);
      }
      times.sort((a, b) => a - b);
      results.push({ label, samples, median: times[Math.floor(times.length / 2)]!, max: times.at(-1)! });
    };
    for (const file of files) await measure(`${file.label}, empty catalogue`, file.contentBase64);
    const imported = await dispatch('catalogue.import', { contentBase64: files[0]!.contentBase64 });
    if (!imported.ok) throw new Error(`import refused: ${JSON.stringify(imported.error)}`);
    for (const file of files) await measure(`${file.label}, all 1 000 already in the catalogue`, file.contentBase64);
  } finally {
    // Closed first: a fold still to come would otherwise write into the folder being removed.
    await backend.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  return results;
}

export function printImportBench(results: { label: string; samples: number; median: number; max: number }[]): void {
  console.log('\n| preview of a 1 000-row catalogue file | samples | median | max | target ≤ 1 s |');
  console.log('|---|---|---|---|---|');
  for (const { label, samples, median, max } of results) {
    console.log(`| ${label} | ${samples} | ${median.toFixed(0)} ms | ${max.toFixed(0)} ms | ${max <= 1000 ? 'OK' : 'MISSED'} |`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) printImportBench(await benchImport());

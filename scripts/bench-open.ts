/**
 * Cold open for `npm run bench` (issue 11), each in a fresh process so nothing is warm:
 *   - the store opened by a small script (scripts/bench-open-child.ts): module loading,
 *     opening, the process's RSS once open, and the whole process from spawn;
 *   - the same child bundled into one file (esbuild, as the app is built: no tsx, no compiling
 *     loader thread in the process), run by plain Node: the RSS the app itself has once open;
 *   - the browser host launched as `npm run host` does, then Chromium (Playwright) until the
 *     first screen's heading is visible; needs the built renderer (`npm run build`).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { startHostProcess } from '../e2e/support/host-process';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface ColdOpen {
  runs: number;
  loadMs: number;
  openMs: number;
  processMs: number;
  rssMb: number;
  unreadFiles: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * The child bundled once, beside node_modules (its packages stay outside): what runs is the backend's
 * code as the build ships it, so the process holds no tsx loader thread nor its compiled sources.
 */
export async function bundleOpenChild(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = `${root}/node_modules/.cache/cabas-bench/open-child.mjs`;
  await build({ entryPoints: [`${root}/scripts/bench-open-child.ts`], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'error' });
  return outfile;
}

/** `bundled`: the file bundleOpenChild made, run by plain Node; otherwise the child's source through tsx. */
function openOnce(dataDir: string, bundled?: string): Promise<Omit<ColdOpen, 'runs'>> {
  const started = performance.now();
  const args = bundled ? [bundled, dataDir] : ['--import', 'tsx', 'scripts/bench-open-child.ts', dataDir];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const processMs = performance.now() - started;
      const line = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) return reject(new Error(`cold open exited with ${code}: ${output}`));
      const report = JSON.parse(line) as { loadMs: number; openMs: number; rssMb: number; unreadFiles: number; recovery: boolean };
      if (report.recovery) return reject(new Error(`the bench folder opened in recovery: ${dataDir}`));
      resolve({ ...report, processMs });
    });
  });
}

/** The median of `runs` fresh processes opening the folder. */
export async function coldOpens(dataDir: string, runs: number, bundled?: string): Promise<ColdOpen> {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await openOnce(dataDir, bundled));
  return {
    runs,
    loadMs: median(samples.map((s) => s.loadMs)),
    openMs: median(samples.map((s) => s.openMs)),
    processMs: median(samples.map((s) => s.processMs)),
    rssMb: median(samples.map((s) => s.rssMb)),
    unreadFiles: median(samples.map((s) => s.unreadFiles)),
  };
}

/** Host launch → first screen visible, median of `runs`; null without a built renderer. */
export async function hostLaunches(dataDir: string, runs: number): Promise<{ runs: number; ms: number } | null> {
  // None asked (--host-runs=0), or nothing built to launch: the table says n/a.
  if (runs < 1 || !existsSync(`${root}/out/renderer/index.html`)) return null;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  const samples: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      const started = performance.now();
      const host = await startHostProcess(dataDir);
      try {
        await page.goto(host.openUrl);
        await page.getByRole('heading', { level: 1 }).first().waitFor({ state: 'visible', timeout: 120_000 });
        samples.push(performance.now() - started);
      } finally {
        await page.close();
        await host.stop();
      }
    }
  } finally {
    await browser.close();
  }
  return { runs, ms: median(samples) };
}

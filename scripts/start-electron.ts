/**
 * `npm start`: opens the Cabas window with Electron, or says in two lines why
 * it cannot and what to run instead. The `electron` package installs without
 * its binary and fetches it at first run; where that download fails (no access
 * to GitHub, a proxy, ELECTRON_SKIP_BINARY_DOWNLOAD) `electron .` ended in a
 * raw stack trace with no hint that the same app runs in a browser.
 *
 * `--check`: only make sure the binary is there (fetching it once if needed),
 * so `npm start` says so before spending time on the build.
 * Honours Electron's own ELECTRON_OVERRIDE_DIST_PATH and ELECTRON_SKIP_BINARY_DOWNLOAD.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const NO_BINARY = [
  'Cabas cannot open its window: the Electron binary is not installed (its download failed or was skipped).',
  'Run the same app in your browser instead: npm run serve',
];

/** The Electron executable, or null when it is not on this machine. Mirrors node_modules/electron/index.js without its download and its throw. */
function electronBinary(packageDir: string, env: NodeJS.ProcessEnv): string | null {
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, relative || 'electron') : relative ? join(packageDir, 'dist', relative) : null;
  return binary !== null && existsSync(binary) ? binary : null;
}

/**
 * Electron's own installer, once; its output (a stack trace when offline) is
 * kept out of the terminal, which then reads only the two lines below.
 */
function fetchBinary(packageDir: string, env: NodeJS.ProcessEnv): void {
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD || env.ELECTRON_OVERRIDE_DIST_PATH) return;
  spawnSync(process.execPath, [join(packageDir, 'install.js')], { stdio: 'ignore', env, timeout: 10 * 60_000 });
}

function main(): void {
  const env = process.env;
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    for (const line of NO_BINARY) console.error(line);
    process.exit(1);
  }
  let binary = electronBinary(packageDir, env);
  if (binary === null) {
    fetchBinary(packageDir, env);
    binary = electronBinary(packageDir, env);
  }
  if (binary === null) {
    for (const line of NO_BINARY) console.error(line);
    process.exit(1);
  }
  if (process.argv.includes('--check')) return;

  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main();

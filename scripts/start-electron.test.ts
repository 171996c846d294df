/**
 * `npm start` where the Electron binary is missing (as on the build machines,
 * where it cannot be downloaded) must say so in two lines and name the browser
 * mode, with no stack trace; where the binary is there, it opens the app.
 * The binary is pointed at with Electron's own ELECTRON_OVERRIDE_DIST_PATH, so
 * the test means the same on a machine that has Electron installed.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../electron/testing/temp-dir';

const tempDir = useTempDirs();
const script = fileURLToPath(new URL('./start-electron.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));

function start(distDir: string, ...args: string[]) {
  return spawnSync(process.execPath, [tsx, script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: distDir, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    timeout: 60_000,
  });
}

describe('npm start', () => {
  it('without the Electron binary: two lines naming `npm run serve`, exit code 1, no stack trace', async () => {
    const run = start(await tempDir());
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/Electron binary is not installed/);
    expect(lines[1]).toContain('npm run serve');
    expect(run.stderr + run.stdout).not.toMatch(/\bat .+:\d+:\d+|Error:/);
  });

  it('with the binary: opens the app folder with it and passes its exit code on; --check only checks', async () => {
    const dist = await tempDir();
    const fake = `${dist}/electron`;
    writeFileSync(fake, '#!/bin/sh\necho "electron $*"\nexit 3\n');
    chmodSync(fake, 0o755);
    const run = start(dist);
    expect(run.stdout).toContain('electron .');
    expect(run.status).toBe(3);
    const check = start(dist, '--check');
    expect(check.status).toBe(0);
    expect(check.stdout).not.toContain('electron .');
  });
});

/**
 * The real Electron app, built (`npm run build`) and launched by Playwright.
 * Runs only where the Electron binary is installed; on the offline build
 * machines it cannot be downloaded (ENVIRONMENT.md), so playwright.config.ts
 * defines this project only where the binary exists.
 * On Linux it needs a display: run under `xvfb-run`.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from '../support/electron-binary';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));
// playwright.config.ts only defines the electron project where a binary exists.
const executablePath = electronBinary()!;

let folder: string;
let app: ElectronApplication;

test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cabas-electron-'));
  app = await electron.launch({
    executablePath,
    // Chromium refuses to start its sandbox as root (CI containers); the renderer sandbox flag still applies.
    args: [root, `--data-dir=${join(folder, 'data')}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    // The machine folder (Chromium profile, window size) in the test folder too, not the developer's.
    env: { ...process.env, XDG_STATE_HOME: join(folder, 'state'), LOCALAPPDATA: join(folder, 'state'), CABAS_DATA_DIR: '' },
  });
});

test.afterEach(async () => {
  await app.close();
  await rm(folder, { recursive: true, force: true });
});

test('the organiser starts Cabas and sees the app on a fresh data folder', async () => {
  const page = await app.firstWindow();
  await expect(page).toHaveTitle(/Cabas/);
  await expect(page.locator('#root')).not.toBeEmpty();

  const status = await page.evaluate(() => window.cabas?.invoke('app.status', {}));
  expect(status).toMatchObject({ ok: true, value: { state: 'ready', dataDir: join(folder, 'data') } });
  expect(await readdir(join(folder, 'data'))).not.toContain('machine.json');
  expect(await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(join(folder, 'state', 'Cabas'));
});

test('the page gets the bridge and nothing else from the main process', async () => {
  const page = await app.firstWindow();
  const exposed = await page.evaluate(() => ({
    bridge: Object.keys(window.cabas ?? {}),
    node: ['require', 'process', 'module', 'ipcRenderer'].filter((name) => name in globalThis),
  }));
  expect(exposed).toEqual({ bridge: ['invoke'], node: [] });
});

test('the page cannot navigate away nor open windows', async () => {
  const page = await app.firstWindow();
  const appUrl = page.url();
  // Not http(s) URLs: those would be handed to the desktop's browser.
  await page.evaluate(() => {
    window.open('about:blank');
    window.open('file:///');
    window.location.href = 'file:///';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(appUrl);
  expect(app.windows()).toHaveLength(1);
});

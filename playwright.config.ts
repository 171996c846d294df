import { defineConfig } from '@playwright/test';
import { electronBinary } from './e2e/support/electron-binary';

/**
 * End-to-end tests drive the real UI in Debian's Chromium against the browser
 * host (real services, real JSON files). Each test starts its own host on its
 * own data folder (e2e/fixtures.ts). `npm run build` must have run first.
 * The `electron` project drives the real Electron app; it exists only where the
 * Electron binary is installed (it cannot be downloaded on the build machines).
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Generous: CI runs on 2 shared cores, and some specs build 200 orders or restart the host twice.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    locale: 'fr-BE',
    timezoneId: 'Europe/Brussels',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'browser', testIgnore: '**/*.electron.spec.ts' },
    ...(electronBinary() ? [{ name: 'electron', testMatch: '**/*.electron.spec.ts' }] : []),
  ],
});

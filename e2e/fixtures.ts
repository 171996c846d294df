/**
 * Each test gets its own data folder and its own host. `restartHost()` stops
 * the host and starts a new one on the same folder, then reopens the page.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startHostProcess, type HostProcess } from './support/host-process';

interface Fixtures {
  dataDir: string;
  host: HostProcess;
  /** The page opened on the app, with the token. */
  app: Page;
  restartHost: () => Promise<HostProcess>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'cabas-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  host: async ({ dataDir }, use) => {
    const host = await startHostProcess(dataDir);
    await use(host);
    await host.stop();
  },
  app: async ({ page, host }, use) => {
    await page.goto(host.openUrl);
    await use(page);
  },
  restartHost: async ({ dataDir, host, page }, use) => {
    let current = host;
    await use(async () => {
      await current.stop();
      current = await startHostProcess(dataDir);
      await page.goto(current.openUrl);
      return current;
    });
    await current.stop();
  },
});

export { expect };

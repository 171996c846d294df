/**
 * `npm run screenshot`: the README's picture. Starts the browser host on a
 * throw-away data folder with a few producers, opens it in Chromium and saves
 * docs/screenshot.png. Needs `npm run build` first.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startHostProcess } from '../e2e/support/host-process';

const SAMPLE = [
  { name: 'Ferme du Bois', businessName: 'GAEC du Bois', contactName: 'Anne Dupont', phone: '+32 81 12 34 56', email: 'anne@fermedubois.be', distanceKm: 12 },
  { name: 'Le Verger de Lonzée', businessName: 'SRL Verger', contactName: 'Marc Lemaire', phone: '+32 81 22 10 10', email: 'verger@lonzee.be', distanceKm: 8.5 },
  { name: 'Fromagerie des Prés', contactName: 'Julie Masson', phone: '+32 71 45 67 89', email: 'julie@fromageriedespres.be', distanceKm: 23 },
  { name: 'Boulangerie Martin', contactName: 'Paul Martin', phone: '+32 81 30 30 30', distanceKm: 2 },
  { name: 'Miellerie de la Sambre', contactName: 'Sophie Renard', email: 'miel@sambre.be', distanceKm: 31 },
];

const dataDir = await mkdtemp(join(tmpdir(), 'cabas-screenshot-'));
const host = await startHostProcess(dataDir);
try {
  const call = (name: string, body: object) =>
    fetch(`${host.url}api/call/${name}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  await call('relay.update', { name: 'Relais de la Gare — Gembloux' });
  for (const producer of SAMPLE) await call('producers.create', producer);

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'fr-BE' });
  await page.goto(host.openUrl);
  await page.getByRole('rowheader', { name: 'Ferme du Bois' }).waitFor();
  await page.screenshot({ path: fileURLToPath(new URL('../docs/screenshot.png', import.meta.url)) });
  await browser.close();
} finally {
  await host.stop();
  await rm(dataDir, { recursive: true, force: true });
}

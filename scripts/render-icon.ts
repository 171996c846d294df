/**
 * Renders build/icon.svg to build/icon.png (512×512, transparent corners), the
 * icon electron-builder turns into each system's format. Run after editing the
 * SVG: `npx tsx scripts/render-icon.ts`. Uses Debian's Chromium (ENVIRONMENT.md).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const SIZE = 512;
const svgPath = fileURLToPath(new URL('../build/icon.svg', import.meta.url));
const pngPath = fileURLToPath(new URL('../build/icon.png', import.meta.url));

const svg = await readFile(svgPath, 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
  await page.locator('svg').screenshot({ path: pngPath, omitBackground: true });
  console.log(`Wrote ${pngPath}`);
} finally {
  await browser.close();
}

import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SettlementView } from '../../shared/settlement/rates';
import { listDataFiles } from '../store/data-files';
import { FORMAT_VERSION } from '../store/envelope';
import { PICKUP_UNDER_WAY, pickupDay } from '../testing/pickup-day';
import { call, openApp } from '../testing/service-calls';
import { readJson, useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

type Loose = Record<string, unknown>;

/** Rewrites a folder as Cabas format 2 wrote it: version 2, products and order lines with no weight fields. */
async function asFormatTwo(dataDir: string): Promise<void> {
  for (const path of await listDataFiles(dataDir)) {
    const file = JSON.parse(await readFile(join(dataDir, path), 'utf8')) as { version: number; records: { product?: Loose[]; order?: (Loose & { lines: Loose[] })[] } };
    file.version = 2;
    file.records.product = file.records.product?.map(({ pricing: _pricing, pieceGrams: _piece, ...rest }) => rest);
    file.records.order = file.records.order?.map((order) => ({
      ...order,
      lines: order.lines.map(({ pieceGrams: _piece, weighedGrams: _weighed, ...rest }) => rest),
    }));
    await writeFile(join(dataDir, path), `${JSON.stringify(file, null, 1)}\n`);
  }
}

describe('migrating a format-2 folder (issue 15, sold by weight)', () => {
  it('backs it up, then every product and order line is sold by the unit and no total changes', async () => {
    const { app, distribution, carrots, bread, member, order } = await pickupDay(await tempDir());
    const basket = await order(await member('Anne'), [{ product: carrots, quantity: 4 }, { product: bread, quantity: 1 }]);
    app.clock.set(PICKUP_UNDER_WAY);
    const before = await call<SettlementView>(app, 'settlement.forDistribution', { distributionId: distribution.id });
    await app.close();
    await asFormatTwo(app.dataDir);
    const formatTwo = await readFile(join(app.dataDir, 'products.json'), 'utf8');
    expect(formatTwo).not.toContain('"pricing"');

    const migrated = await openApp(app.dataDir, PICKUP_UNDER_WAY);

    const backups = (await readdir(join(app.dataDir, 'backups'))).filter((id) => id.endsWith('-pre-migration'));
    expect(backups).toHaveLength(1);
    expect(await readFile(join(app.dataDir, 'backups', backups[0]!, 'products.json'), 'utf8')).toBe(formatTwo);
    for (const path of await listDataFiles(app.dataDir)) expect(await readJson(join(app.dataDir, path))).toMatchObject({ version: FORMAT_VERSION });

    const store = migrated.workspace.store;
    for (const product of store.all('product')) expect(product).toMatchObject({ pricing: 'unit', pieceGrams: null });
    for (const line of store.get('order', basket.id)!.lines) expect(line).toMatchObject({ pieceGrams: null, weighedGrams: null });
    // (The rates froze at this open, as ordering had closed: the figures are what must not move.)
    const after = await call<SettlementView>(migrated, 'settlement.forDistribution', { distributionId: distribution.id });
    expect({ producers: after.producers, totals: after.totals }).toEqual({ producers: before.producers, totals: before.totals });
    expect(before.totals.grossCents).toBe(4 * 250 + 380);
  });
});

import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DistributionView } from '../../shared/catalogue/views';
import type { SettlementView } from '../../shared/settlement/rates';
import { listDataFiles } from '../store/data-files';
import { FORMAT_VERSION } from '../store/envelope';
import { PICKUP_UNDER_WAY, pickupDay } from '../testing/pickup-day';
import { call, openApp } from '../testing/service-calls';
import { readJson, useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

/** Rewrites a folder as Cabas format 1 wrote it: version 1, distributions without rates or settlement date. */
async function asFormatOne(dataDir: string): Promise<void> {
  for (const path of await listDataFiles(dataDir)) {
    const file = JSON.parse(await readFile(join(dataDir, path), 'utf8')) as { version: number; records: { distribution?: Record<string, unknown>[] } };
    file.version = 1;
    file.records.distribution = file.records.distribution?.map(({ rates: _rates, rateChanges: _changes, settledAt: _settled, ...rest }) => rest);
    await writeFile(join(dataDir, path), `${JSON.stringify(file, null, 1)}\n`);
  }
}

describe('migrating a format-1 folder (issue 15)', () => {
  it('backs it up, then gives past distributions the rates in force when the app migrates, and later fee changes leave them alone', async () => {
    const { app, distribution: past, carrots, member, order } = await pickupDay(await tempDir());
    await order(await member('Anne'), [{ product: carrots, quantity: 4 }]);
    const coming = await call<DistributionView>(app, 'distributions.create', { pickupDate: '2026-03-20', pickupStart: '17:00', pickupEnd: '19:00' });
    await call(app, 'relay.update', { hostCommissionBp: 900, serviceFeeBp: 1000 });
    // Closed as format 1 left a folder: every change in the data files, no write journal.
    await app.close();
    await asFormatOne(app.dataDir);
    const pastFile = `distributions/${past.id}.json`;
    const formatOne = await readFile(join(app.dataDir, pastFile), 'utf8');
    expect(formatOne).not.toContain('"rates"');

    const migrated = await openApp(app.dataDir, PICKUP_UNDER_WAY);

    const backups = (await readdir(join(app.dataDir, 'backups'))).filter((id) => id.endsWith('-pre-migration'));
    expect(backups).toHaveLength(1);
    expect(await readFile(join(app.dataDir, 'backups', backups[0]!, pastFile), 'utf8')).toBe(formatOne);
    for (const path of await listDataFiles(app.dataDir)) expect(await readJson(join(app.dataDir, path))).toMatchObject({ version: FORMAT_VERSION });

    const store = migrated.workspace.store;
    expect(store.get('distribution', past.id)!.rates).toEqual({
      hostCommissionBp: 900,
      serviceFeeBp: 1000,
      currency: 'EUR',
      frozenAt: PICKUP_UNDER_WAY.toISOString(),
    });
    // Ordering for the 20th has not closed: it follows the relay until it does.
    expect(store.get('distribution', coming.id)).toMatchObject({ rates: null, rateChanges: [], settledAt: null });

    const before = await call<SettlementView>(migrated, 'settlement.forDistribution', { distributionId: past.id });
    expect(before.totals).toMatchObject({ grossCents: 1000, hostCommissionCents: 90, serviceFeeCents: 100, owedCents: 810 });
    await call(migrated, 'relay.update', { hostCommissionBp: 500, serviceFeeBp: 2000 });
    expect(await call(migrated, 'settlement.forDistribution', { distributionId: past.id })).toEqual(before);
  });
});

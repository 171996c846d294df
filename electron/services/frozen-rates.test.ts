import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { DistributionView } from '../../shared/catalogue/views';
import type { SettlementView } from '../../shared/settlement/rates';
import { openBackend } from '../backend';
import { distributionFile } from '../store/entities';
import { PICKUP_UNDER_WAY, pickupDay } from '../testing/pickup-day';
import { call, dataPath, folded, openApp, refusal, reopened, settle, type TestApp } from '../testing/service-calls';
import { snapshotData, useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();
/** Wednesday 4 March 2026, 23:59 Brussels: ordering for Friday closes by the clock. */
const CLOSES = new Date('2026-03-04T22:59:00.000Z');

const settlementOf = (app: TestApp, distributionId: string) => call<SettlementView>(app, 'settlement.forDistribution', { distributionId });

/** Friday's distribution with Anne's 2 kg of carrots (5,00 €) and a loaf (3,80 €), the relay at 8,35 % + 11,65 %. */
async function soldDay() {
  const day = await pickupDay(await tempDir());
  await day.order(await day.member('Anne'), [{ product: day.carrots, quantity: 2 }, { product: day.bread, quantity: 1 }]);
  return day;
}

describe('rates frozen when ordering closes', () => {
  it('while ordering is open the settlement follows the relay and says the rates are not frozen yet', async () => {
    const { app, distribution } = await soldDay();
    expect((await settlementOf(app, distribution.id)).rates).toMatchObject({ hostCommissionBp: 835, serviceFeeBp: 1165, frozenAt: null });
    await call(app, 'relay.update', { serviceFeeBp: 1500 });
    const settlement = await settlementOf(app, distribution.id);
    expect(settlement.rates).toMatchObject({ hostCommissionBp: 835, serviceFeeBp: 1500, frozenAt: null });
    expect(settlement.totals.serviceFeeCents).toBe(132); // 15 % of 8,80 €
  });

  it('closing ordering by hand freezes the rates in the same change, on disk', async () => {
    const { app, distribution } = await soldDay();
    app.clock.advance(60_000);
    await call(app, 'distributions.closeEarly', { id: distribution.id });
    const stored = (await reopened(app.dataDir)).get('distribution', distribution.id)!;
    expect(stored.rates).toEqual({ hostCommissionBp: 835, serviceFeeBp: 1165, currency: 'EUR', frozenAt: app.clock.now().toISOString() });

    await call(app, 'relay.update', { hostCommissionBp: 1000, serviceFeeBp: 0, currency: 'CHF' });
    const settlement = await settlementOf(app, distribution.id);
    expect(settlement.rates).toMatchObject({ hostCommissionBp: 835, serviceFeeBp: 1165, currency: 'EUR' });
    // Per producer, rounded once: carrots 5,00 € → 0,42 + 0,58; bread 3,80 € → 0,32 + 0,44.
    expect(settlement.totals).toMatchObject({ grossCents: 880, hostCommissionCents: 74, serviceFeeCents: 102, owedCents: 704 });
  });

  it('closed by the clock: a fee changed later in Réglages does not reach it, even before any sweep ran', async () => {
    const { app, distribution } = await soldDay();
    const atClose = await settlementOf(app, distribution.id);
    app.clock.set(new Date(CLOSES.getTime() + 5 * 60_000));
    await call(app, 'relay.update', { serviceFeeBp: 2000 });
    const after = await settlementOf(app, distribution.id);
    expect(after.rates).toMatchObject({ serviceFeeBp: 1165, frozenAt: app.clock.now().toISOString() });
    expect({ ...after, rates: undefined }).toEqual({ ...atClose, rates: undefined });
  });

  it('the sweep at open freezes what closed while the app was shut, at the rates in force', async () => {
    const { app, distribution } = await soldDay();
    await call(app, 'relay.update', { hostCommissionBp: 900 });
    const later = await openApp(app.dataDir, PICKUP_UNDER_WAY);
    expect(later.workspace.store.get('distribution', distribution.id)!.rates).toMatchObject({
      hostCommissionBp: 900,
      serviceFeeBp: 1165,
      frozenAt: PICKUP_UNDER_WAY.toISOString(),
    });
    // A second open finds nothing left to freeze and writes nothing (openApp waits for the outbox's round after the open).
    const before = await snapshotData(app.dataDir);
    await openApp(app.dataDir, new Date(PICKUP_UNDER_WAY.getTime() + 60_000));
    expect(await snapshotData(app.dataDir)).toEqual(before);
  });

  it('the sweep at the close freezes a distribution whose ordering closed while the app was running', async () => {
    const { app, distribution } = await soldDay();
    app.clock.set(CLOSES);
    await app.freezer.sweep();
    expect(app.workspace.store.get('distribution', distribution.id)!.rates).toMatchObject({ frozenAt: CLOSES.toISOString() });
  });

  it('a distribution planned with its ordering already closed is frozen as it is created', async () => {
    const app = await openApp(await tempDir(), PICKUP_UNDER_WAY);
    const past = await call<DistributionView>(app, 'distributions.create', { pickupDate: '2026-02-27', pickupStart: '17:00', pickupEnd: '19:00' });
    expect(past.rates).toMatchObject({ hostCommissionBp: 835, serviceFeeBp: 1165, frozenAt: PICKUP_UNDER_WAY.toISOString() });
  });
});

describe('changing a distribution’s rates with a reason', () => {
  async function closedDay() {
    const day = await soldDay();
    day.app.clock.set(PICKUP_UNDER_WAY);
    await day.app.freezer.sweep();
    return day;
  }

  it('recomputes its settlement, keeps the change and its reason, and leaves the relay’s settings alone', async () => {
    const { app, distribution } = await closedDay();
    const changed = await call<SettlementView>(app, 'settlement.changeRates', {
      distributionId: distribution.id,
      hostCommissionBp: 500,
      serviceFeeBp: 1000,
      reason: 'Remise accordée pour la fête du quartier',
    });
    expect(changed.totals).toMatchObject({ grossCents: 880, hostCommissionCents: 44, serviceFeeCents: 88, owedCents: 748 });
    expect(changed.rates.changes).toEqual([
      {
        at: PICKUP_UNDER_WAY.toISOString(),
        from: { hostCommissionBp: 835, serviceFeeBp: 1165 },
        to: { hostCommissionBp: 500, serviceFeeBp: 1000 },
        reason: 'Remise accordée pour la fête du quartier',
      },
    ]);
    expect(await settlementOf(await openApp(app.dataDir, PICKUP_UNDER_WAY), distribution.id)).toEqual(changed);
    expect(await call(app, 'relay.get', {})).toMatchObject({ hostCommissionBp: 835, serviceFeeBp: 1165 });
  });

  it.each([
    ['without a reason', { reason: '  ' }, { key: 'error.invalidInput' }],
    ['to a rate above 100 %', { hostCommissionBp: 10_001, reason: 'typo' }, { key: 'error.invalidInput' }],
    ['to the rates it already has', { hostCommissionBp: 835, serviceFeeBp: 1165, reason: 'rien' }, { key: 'error.ratesUnchanged' }],
  ])('is refused %s, writing nothing', async (_, change, expected) => {
    const { app, distribution } = await closedDay();
    const before = await snapshotData(app.dataDir);
    const error = await refusal(app, 'settlement.changeRates', { distributionId: distribution.id, hostCommissionBp: 500, serviceFeeBp: 1000, ...change });
    expect(error).toMatchObject(expected);
    expect(await snapshotData(app.dataDir)).toEqual(before);
  });

  it('is refused while ordering is open: the distribution still follows the relay', async () => {
    const { app, distribution } = await soldDay();
    const before = await snapshotData(app.dataDir);
    expect(await refusal(app, 'settlement.changeRates', { distributionId: distribution.id, hostCommissionBp: 500, serviceFeeBp: 1000, reason: 'trop tôt' })).toEqual({
      key: 'error.ratesNotFrozen',
    });
    expect(await refusal(app, 'settlement.markSettled', { distributionId: distribution.id })).toEqual({ key: 'error.ratesNotFrozen' });
    expect(await snapshotData(app.dataDir)).toEqual(before);
  });

  it('is refused once the settlement is marked settled, and so is reopening its ordering (by reopen or a later closing)', async () => {
    const { app, distribution } = await soldDay();
    app.clock.advance(60_000);
    await call(app, 'distributions.closeEarly', { id: distribution.id });
    const settled = await call<SettlementView>(app, 'settlement.markSettled', { distributionId: distribution.id });
    expect(settled.rates.settledAt).toBe(app.clock.now().toISOString());
    const before = await snapshotData(app.dataDir);
    expect(await refusal(app, 'settlement.changeRates', { distributionId: distribution.id, hostCommissionBp: 500, serviceFeeBp: 1000, reason: 'après coup' })).toEqual({
      key: 'error.distributionSettled',
    });
    expect(await refusal(app, 'settlement.markSettled', { distributionId: distribution.id })).toEqual({ key: 'error.distributionSettled' });
    expect(await refusal(app, 'distributions.reopen', { id: distribution.id })).toEqual({ key: 'error.distributionSettled' });
    const later = { closes: { date: '2026-03-05', time: '12:00' } };
    expect(await refusal(app, 'distributions.update', { id: distribution.id, changes: later })).toEqual({ key: 'error.distributionSettled' });
    expect(await snapshotData(app.dataDir)).toEqual(before);
    // Other corrections (the notes, the pickup hours) are still taken.
    await call(app, 'distributions.update', { id: distribution.id, changes: { notes: 'Payé le 10 mars' } });
  });

  it('reopening ordering gives a distribution back to the relay’s rates, unless they were changed by hand', async () => {
    const { app, distribution } = await soldDay();
    app.clock.advance(60_000);
    await call(app, 'distributions.closeEarly', { id: distribution.id });
    await call(app, 'distributions.reopen', { id: distribution.id });
    expect(app.workspace.store.get('distribution', distribution.id)!.rates).toBeNull();

    await call(app, 'distributions.closeEarly', { id: distribution.id });
    await call(app, 'settlement.changeRates', { distributionId: distribution.id, hostCommissionBp: 0, serviceFeeBp: 0, reason: 'Vente solidaire' });
    await call(app, 'distributions.reopen', { id: distribution.id });
    await call(app, 'relay.update', { serviceFeeBp: 1500 });
    expect((await settlementOf(app, distribution.id)).rates).toMatchObject({ hostCommissionBp: 0, serviceFeeBp: 0 });
  });

  it('is written into its distribution’s file only', async () => {
    const { app, distribution } = await closedDay();
    await settle(app);
    await call(app, 'settlement.changeRates', { distributionId: distribution.id, hostCommissionBp: 500, serviceFeeBp: 1000, reason: 'remise' });
    expect(await folded(app)).toEqual([distributionFile(distribution.id)]);
    expect(await readFile(dataPath(app, distributionFile(distribution.id)), 'utf8')).toContain('"reason": "remise"');
  });
});

describe('frozen rates between copies', () => {
  it('another copy freezing the same closing later does not wipe out the organiser’s change by hand', async () => {
    const { app, distribution } = await soldDay();
    app.clock.set(PICKUP_UNDER_WAY);
    await app.freezer.sweep();
    await call(app, 'settlement.changeRates', { distributionId: distribution.id, hostCommissionBp: 0, serviceFeeBp: 0, reason: 'Vente solidaire' });
    // A second laptop, offline until now, swept at its own clock an hour later (per-field last writer wins).
    const laptop = '0b6f7c62-7d3c-4c4e-9a59-2a9f1f6c0d11';
    const later = new Date(PICKUP_UNDER_WAY.getTime() + 3_600_000).toISOString();
    const theirFreeze = { hostCommissionBp: 835, serviceFeeBp: 1165, currency: 'EUR', frozenAt: later };
    const merged = await app.workspace.store.merge(
      [{ at: `${later}-0000-${laptop}`, device: laptop, entity: 'distribution', entityId: distribution.id, fields: { rates: theirFreeze } }],
      'team',
    );
    expect(merged.applied).toHaveLength(1);
    const settlement = await settlementOf(app, distribution.id);
    expect(settlement.rates).toMatchObject({ hostCommissionBp: 0, serviceFeeBp: 0, source: 'changed', frozenAt: later });
    expect(settlement.totals).toMatchObject({ hostCommissionCents: 0, serviceFeeCents: 0, owedCents: 880 });
  });
});

describe('the sweep at open', () => {
  it('does not keep the app from opening when it cannot write; the distribution is frozen by a later sweep', async () => {
    const { app, distribution } = await soldDay();
    const logged: unknown[] = [];
    const stuck = await openBackend({
      dataDir: app.dataDir,
      // Never closed (it cannot write): no background backup may outlive the test in its folder.
      dailyBackup: false,
      now: () => PICKUP_UNDER_WAY,
      log: (error) => logged.push(error),
      writeHooks: {
        step: (step) => {
          if (step === 'journal.append') throw new Error('disk full');
        },
      },
    });
    stuck.syncer.stop();
    stuck.freezer.stop();
    stuck.outbox.stop();
    // The outbox's first round runs after the open: its refusal is logged when it ends.
    await stuck.outbox.whenIdle();
    expect(stuck.workspace.inRecovery).toBe(false);
    expect(stuck.workspace.store.get('distribution', distribution.id)!.rates).toBeNull();
    // The freeze, then the outbox preparing the closing's messages (issue 15): both refused, both logged.
    const storeWrite = expect.objectContaining({ key: 'error.storeWrite', params: { detail: 'disk full' } });
    expect(logged).toEqual([storeWrite, storeWrite]);

    const later = await openApp(app.dataDir, PICKUP_UNDER_WAY);
    expect(later.workspace.store.get('distribution', distribution.id)!.rates).toMatchObject({ frozenAt: PICKUP_UNDER_WAY.toISOString() });
  });

  it('leaves freezing to the organiser on a producer’s copy (its distributions come by sync)', async () => {
    const { app, distribution } = await soldDay();
    await call(app, 'sync.saveSettings', { role: 'producer' });
    const producerCopy = await openApp(app.dataDir, PICKUP_UNDER_WAY);
    await producerCopy.freezer.sweep();
    expect(producerCopy.workspace.store.get('distribution', distribution.id)!.rates).toBeNull();
  });
});

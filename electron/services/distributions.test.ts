import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DistributionView } from '../../shared/catalogue/views';
import { toLocal } from '../../shared/distributions/calendar';
import { readJson, snapshotData, snapshotFolder, useTempDirs } from '../testing/temp-dir';
import { call, openApp, refusal, reopened, type TestApp } from '../testing/service-calls';

const tempDir = useTempDirs();
const open = async () => openApp(await tempDir());
const BRUSSELS = 'Europe/Brussels';

const plan = (app: TestApp, fields: Record<string, unknown>) =>
  call<DistributionView>(app, 'distributions.create', { pickupStart: '17:00', pickupEnd: '19:00', ...fields });

describe('distributions.create', () => {
  it.each([
    // Winter: Brussels is UTC+1 all week.
    ['winter', '2026-12-04', '2026-11-28T08:00:00.000Z', '2026-12-02T22:59:00.000Z'],
    // Summer: UTC+2.
    ['summer', '2026-07-03', '2026-06-27T07:00:00.000Z', '2026-07-01T21:59:00.000Z'],
  ])('in %s, uses the relay’s default window: opens 6 days before at 09:00, closes 2 days before at 23:59 local', async (_, pickupDate, opensAt, closesAt) => {
    const app = await open();
    const created = await plan(app, { pickupDate });
    expect(created).toMatchObject({ pickupDate, pickupStart: '17:00', pickupEnd: '19:00', opensAt, closesAt, notes: '', seriesId: null });
    expect(toLocal(created.opensAt, BRUSSELS).time).toBe('09:00');
    expect(toLocal(created.closesAt, BRUSSELS).time).toBe('23:59');
    const { status: _s, offerCount: _o, orderCount: _c, ...stored } = created;
    expect((await reopened(app.dataDir)).get('distribution', created.id)).toEqual(stored);
  });

  it('follows the relay’s own ordering window when the organiser changed it', async () => {
    const app = await open();
    await call(app, 'relay.update', { orderingWindow: { opensDaysBefore: 7, opensAt: '18:00', closesDaysBefore: 1, closesAt: '12:00' } });
    const created = await plan(app, { pickupDate: '2026-12-04' });
    expect(created).toMatchObject({ opensAt: '2026-11-27T17:00:00.000Z', closesAt: '2026-12-03T11:00:00.000Z' });
  });

  it('takes an explicit opening and closing moment, in the relay’s local time', async () => {
    const app = await open();
    const created = await plan(app, {
      pickupDate: '2026-12-04',
      opens: { date: '2026-11-30', time: '08:00' },
      closes: { date: '2026-12-04', time: '17:00' },
      notes: 'Marché de Noël',
    });
    // Closing exactly when the pickup starts is allowed.
    expect(created).toMatchObject({ opensAt: '2026-11-30T07:00:00.000Z', closesAt: '2026-12-04T16:00:00.000Z', notes: 'Marché de Noël' });
  });

  it.each([
    ['opens after it closes', { opens: { date: '2026-12-03', time: '12:00' }, closes: { date: '2026-12-02', time: '12:00' } }, 'error.windowOpensAfterClose'],
    ['opens when it closes', { opens: { date: '2026-12-02', time: '12:00' }, closes: { date: '2026-12-02', time: '12:00' } }, 'error.windowOpensAfterClose'],
    ['closes after the pickup starts', { closes: { date: '2026-12-04', time: '17:01' } }, 'error.windowClosesAfterPickup'],
  ])('refuses a window that %s, writing nothing', async (_, window, key) => {
    const app = await open();
    const before = await snapshotFolder(app.dataDir);
    expect(await refusal(app, 'distributions.create', { pickupDate: '2026-12-04', pickupStart: '17:00', pickupEnd: '19:00', ...window })).toEqual({ key });
    expect(await snapshotFolder(app.dataDir)).toEqual(before);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a pickup ending when it starts', { pickupEnd: '17:00' }, 'pickupEnd', 'validation.endBeforeStart'],
    ['a pickup ending before it starts', { pickupEnd: '16:30' }, 'pickupEnd', 'validation.endBeforeStart'],
    ['30 February', { pickupDate: '2026-02-30' }, 'pickupDate', 'validation.date'],
    ['a date written the Belgian way', { pickupDate: '04/12/2026' }, 'pickupDate', 'validation.date'],
    ['a pickup end in words', { pickupEnd: 'midi' }, 'pickupEnd', 'validation.time'],
    ['an impossible closing date', { closes: { date: '2026-11-31', time: '23:59' } }, 'closes.date', 'validation.date'],
  ])('refuses %s with the field issue, writing nothing', async (_, change, path, key) => {
    const app = await open();
    const before = await snapshotFolder(app.dataDir);
    const error = await refusal(app, 'distributions.create', { pickupDate: '2026-12-04', pickupStart: '17:00', pickupEnd: '19:00', ...change });
    expect(error.key).toBe('error.invalidInput');
    expect(error.issues?.map((issue) => ({ path: issue.path, key: issue.key }))).toEqual([{ path, key }]);
    expect(await snapshotFolder(app.dataDir)).toEqual(before);
  });
});

describe('distributions.update', () => {
  it('refuses a pickup end before the stored start, even when only the end is sent', async () => {
    const app = await open();
    const created = await plan(app, { pickupDate: '2026-12-04' });
    const before = await snapshotData(app.dataDir);
    const error = await refusal(app, 'distributions.update', { id: created.id, changes: { pickupEnd: '16:00' } });
    expect(error).toMatchObject({ key: 'error.invalidInput', issues: [{ path: 'changes.pickupEnd', key: 'validation.endBeforeStart' }] });
    expect(await refusal(app, 'distributions.update', { id: created.id, changes: { pickupStart: '19:30' } })).toMatchObject({
      issues: [{ path: 'changes.pickupEnd', key: 'validation.endBeforeStart' }],
    });
    expect(await snapshotData(app.dataDir)).toEqual(before);
  });

  it('changes the pickup hours and window, checking the window against the new pickup', async () => {
    const app = await open();
    const created = await plan(app, { pickupDate: '2026-12-04' });
    const updated = await call<DistributionView>(app, 'distributions.update', {
      id: created.id,
      changes: { pickupStart: '16:00', pickupEnd: '18:30', closes: { date: '2026-12-03', time: '20:00' } },
    });
    expect(updated).toMatchObject({ pickupStart: '16:00', pickupEnd: '18:30', opensAt: created.opensAt, closesAt: '2026-12-03T19:00:00.000Z' });
    // Moved a day earlier, the pickup would start before ordering closes.
    expect(await refusal(app, 'distributions.update', { id: created.id, changes: { pickupDate: '2026-12-03' } })).toEqual({
      key: 'error.windowClosesAfterPickup',
    });
  });
});

describe('distributions.createSeries', () => {
  it('over the March clock change: every pickup at 17:00 local, windows in local time, skipped dates left out, one file each', async () => {
    const app = await open();
    // Sundays from 15 March 2026, four weeks, without 22 March; the clocks go forward on Sunday 29 March.
    const series = await call<DistributionView[]>(app, 'distributions.createSeries', {
      from: '2026-03-13',
      weekday: 0,
      weeks: 4,
      skip: ['2026-03-22'],
      pickupStart: '17:00',
      pickupEnd: '19:00',
    });

    expect(series.map((d) => [d.pickupDate, d.pickupStart, d.pickupEnd, d.opensAt, d.closesAt])).toEqual([
      ['2026-03-15', '17:00', '19:00', '2026-03-09T08:00:00.000Z', '2026-03-13T22:59:00.000Z'],
      // Opens Monday 23 in winter time, closes Friday 27 in winter time, pickup on the first summer-time day.
      ['2026-03-29', '17:00', '19:00', '2026-03-23T08:00:00.000Z', '2026-03-27T22:59:00.000Z'],
      ['2026-04-05', '17:00', '19:00', '2026-03-30T07:00:00.000Z', '2026-04-03T21:59:00.000Z'],
    ]);
    expect(new Set(series.map((d) => d.seriesId)).size).toBe(1);
    expect(series[0]!.seriesId).toMatch(/^[0-9a-f-]{36}$/);

    // The pickup ends at 19:00 local on both sides of the change: distributed at 18:00 UTC, then 17:00 UTC.
    app.clock.set(new Date('2026-03-15T17:59:59.999Z'));
    expect((await call<DistributionView>(app, 'distributions.get', { id: series[0]!.id })).status).toBe('closed');
    app.clock.set(new Date('2026-03-15T18:00:00.000Z'));
    expect((await call<DistributionView>(app, 'distributions.get', { id: series[0]!.id })).status).toBe('distributed');
    app.clock.set(new Date('2026-03-29T16:59:59.999Z'));
    expect((await call<DistributionView>(app, 'distributions.get', { id: series[1]!.id })).status).toBe('closed');
    app.clock.set(new Date('2026-03-29T17:00:00.000Z'));
    expect((await call<DistributionView>(app, 'distributions.get', { id: series[1]!.id })).status).toBe('distributed');

    await app.workspace.store.fold();
    const files = (await readdir(join(app.dataDir, 'distributions'))).sort();
    expect(files).toEqual(series.map((d) => `${d.id}.json`).sort());
    for (const distribution of series) {
      const file = (await readJson(join(app.dataDir, 'distributions', `${distribution.id}.json`))) as { records: Record<string, { id: string }[]> };
      expect(Object.keys(file.records)).toEqual(['distribution']);
      expect(file.records.distribution!.map((d) => d.id)).toEqual([distribution.id]);
    }
  });

  it('over the October clock change, until a date: pickups stay at 17:00 local', async () => {
    const app = await open();
    // Fridays from 16 October to 6 November 2026, without 23 October; the clocks go back on Sunday 25 October.
    const series = await call<DistributionView[]>(app, 'distributions.createSeries', {
      from: '2026-10-16',
      weekday: 5,
      until: '2026-11-06',
      skip: ['2026-10-23'],
      pickupStart: '17:00',
      pickupEnd: '19:00',
    });
    expect(series.map((d) => [d.pickupDate, d.opensAt, d.closesAt])).toEqual([
      ['2026-10-16', '2026-10-10T07:00:00.000Z', '2026-10-14T21:59:00.000Z'],
      ['2026-10-30', '2026-10-24T07:00:00.000Z', '2026-10-28T22:59:00.000Z'],
      ['2026-11-06', '2026-10-31T08:00:00.000Z', '2026-11-04T22:59:00.000Z'],
    ]);
    for (const d of series) {
      expect(toLocal(d.opensAt, BRUSSELS).time).toBe('09:00');
      expect(toLocal(d.closesAt, BRUSSELS).time).toBe('23:59');
    }
    await app.workspace.store.fold();
    expect((await readdir(join(app.dataDir, 'distributions'))).length).toBe(3);
    const listed = await call<DistributionView[]>(app, 'distributions.list', {});
    expect(listed.map((d) => d.pickupDate)).toEqual(['2026-10-16', '2026-10-30', '2026-11-06']);
  });

  it.each<[string, Record<string, unknown>]>([
    ['both a number of weeks and an end date', { weeks: 4, until: '2026-12-31' }],
    ['neither a number of weeks nor an end date', {}],
  ])('refuses %s (validation.seriesLength) and writes nothing', async (_, length) => {
    const app = await open();
    const before = await snapshotFolder(app.dataDir);
    const error = await refusal(app, 'distributions.createSeries', { from: '2026-10-16', weekday: 5, pickupStart: '17:00', pickupEnd: '19:00', ...length });
    expect(error).toMatchObject({ key: 'error.invalidInput', issues: [{ path: 'weeks', key: 'validation.seriesLength' }] });
    expect(await snapshotFolder(app.dataDir)).toEqual(before);
  });

  it('refuses a series whose every date is skipped (error.seriesEmpty)', async () => {
    const app = await open();
    expect(
      await refusal(app, 'distributions.createSeries', { from: '2026-10-16', weekday: 5, weeks: 1, skip: ['2026-10-16'], pickupStart: '17:00', pickupEnd: '19:00' }),
    ).toEqual({ key: 'error.seriesEmpty' });
    expect(await call(app, 'distributions.list', { includeCancelled: true })).toEqual([]);
  });
});

describe('status from the clock, and the organiser’s manual changes', () => {
  // Pickup Friday 4 December 2026, 17:00–19:00; ordering opens 28 Nov 09:00 and closes 2 Dec 23:59 (UTC+1).
  const OPENS = '2026-11-28T08:00:00.000Z';
  const CLOSES = '2026-12-02T22:59:00.000Z';

  async function season() {
    const app = await openApp(await tempDir(), new Date('2026-11-01T10:00:00.000Z'));
    const distribution = await plan(app, { pickupDate: '2026-12-04' });
    const at = async (iso: string) => {
      app.clock.set(new Date(iso));
      return (await call<DistributionView>(app, 'distributions.get', { id: distribution.id })).status;
    };
    return { app, distribution, at };
  }

  it('is upcoming, then open exactly at opensAt, closed exactly at closesAt, distributed once the pickup has ended', async () => {
    const { distribution, at } = await season();
    expect(distribution).toMatchObject({ opensAt: OPENS, closesAt: CLOSES, status: 'upcoming' });
    expect(await at('2026-11-28T07:59:59.999Z')).toBe('upcoming');
    expect(await at(OPENS)).toBe('open');
    expect(await at('2026-12-02T22:58:59.999Z')).toBe('open');
    expect(await at(CLOSES)).toBe('closed');
    expect(await at('2026-12-04T17:59:59.999Z')).toBe('closed');
    expect(await at('2026-12-04T18:00:00.000Z')).toBe('distributed');
  });

  it('closes early only while open, and reopens after a close-early without a new closing moment', async () => {
    const { app, distribution, at } = await season();
    expect(await refusal(app, 'distributions.closeEarly', { id: distribution.id })).toEqual({ key: 'error.distributionNotOpen' });

    expect(await at('2026-11-30T12:00:00.000Z')).toBe('open');
    const closed = await call<DistributionView>(app, 'distributions.closeEarly', { id: distribution.id });
    expect(closed).toMatchObject({ status: 'closed', closedEarlyAt: '2026-11-30T12:00:00.000Z', closesAt: CLOSES });
    expect((await reopened(app.dataDir)).get('distribution', distribution.id)?.closedEarlyAt).toBe('2026-11-30T12:00:00.000Z');
    expect(await refusal(app, 'distributions.closeEarly', { id: distribution.id })).toEqual({ key: 'error.distributionNotOpen' });

    app.clock.advance(3_600_000);
    const again = await call<DistributionView>(app, 'distributions.reopen', { id: distribution.id });
    expect(again).toMatchObject({ status: 'open', closedEarlyAt: null, closesAt: CLOSES });
    expect((await reopened(app.dataDir)).get('distribution', distribution.id)?.closedEarlyAt).toBeNull();
  });

  it('after closesAt, reopening needs a new closing moment before the pickup, and works with one', async () => {
    const { app, distribution, at } = await season();
    expect(await at('2026-12-03T10:00:00.000Z')).toBe('closed');
    const before = await snapshotData(app.dataDir);

    expect(await refusal(app, 'distributions.reopen', { id: distribution.id })).toEqual({ key: 'error.reopenNeedsClosing' });
    expect(await refusal(app, 'distributions.reopen', { id: distribution.id, closes: { date: '2026-12-03', time: '10:00' } })).toEqual({
      key: 'error.reopenNeedsClosing',
    });
    expect(await refusal(app, 'distributions.reopen', { id: distribution.id, closes: { date: '2026-12-04', time: '18:00' } })).toEqual({
      key: 'error.windowClosesAfterPickup',
    });
    expect(await snapshotData(app.dataDir)).toEqual(before);

    const reopenedView = await call<DistributionView>(app, 'distributions.reopen', { id: distribution.id, closes: { date: '2026-12-03', time: '20:00' } });
    expect(reopenedView).toMatchObject({ status: 'open', closesAt: '2026-12-03T19:00:00.000Z' });
    expect(await at('2026-12-03T18:59:59.999Z')).toBe('open');
    expect(await at('2026-12-03T19:00:00.000Z')).toBe('closed');
  });

  it('cancel and restore: cancelled wins over the clock, cannot be reopened, and restoring derives the status again', async () => {
    const { app, distribution, at } = await season();
    expect(await at('2026-11-30T12:00:00.000Z')).toBe('open');
    const cancelled = await call<DistributionView>(app, 'distributions.cancel', { id: distribution.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledAt: '2026-11-30T12:00:00.000Z' });
    expect(await refusal(app, 'distributions.reopen', { id: distribution.id })).toEqual({ key: 'error.distributionCancelled' });
    expect(await refusal(app, 'distributions.closeEarly', { id: distribution.id })).toEqual({ key: 'error.distributionNotOpen' });
    expect((await reopened(app.dataDir)).get('distribution', distribution.id)?.cancelledAt).toBe('2026-11-30T12:00:00.000Z');

    const restored = await call<DistributionView>(app, 'distributions.restore', { id: distribution.id });
    expect(restored).toMatchObject({ status: 'open', cancelledAt: null });
    expect((await reopened(app.dataDir)).get('distribution', distribution.id)?.cancelledAt).toBeNull();
  });

  it('refuses an unknown distribution', async () => {
    const app = await open();
    for (const name of ['distributions.get', 'distributions.closeEarly', 'distributions.reopen', 'distributions.cancel', 'distributions.restore'] as const) {
      expect(await refusal(app, name, { id: randomUUID() })).toEqual({ key: 'error.distributionNotFound' });
    }
  });
});

describe('distributions.list', () => {
  it('sorts by pickup date and time, filters from / to (inclusive), and hides cancelled ones unless asked', async () => {
    const app = await open();
    const dates = ['2026-05-15', '2026-04-03', '2026-05-01', '2026-04-17'];
    const created = new Map<string, DistributionView>();
    for (const pickupDate of dates) created.set(pickupDate, await plan(app, { pickupDate }));
    const morning = await plan(app, { pickupDate: '2026-05-01', pickupStart: '09:00', pickupEnd: '11:00' });
    await call(app, 'distributions.cancel', { id: created.get('2026-04-17')!.id });

    const list = async (filter: Record<string, unknown>) =>
      (await call<DistributionView[]>(app, 'distributions.list', filter)).map((d) => `${d.pickupDate} ${d.pickupStart}`);
    expect(await list({})).toEqual(['2026-04-03 17:00', '2026-05-01 09:00', '2026-05-01 17:00', '2026-05-15 17:00']);
    expect(await list({ includeCancelled: true })).toEqual([
      '2026-04-03 17:00', '2026-04-17 17:00', '2026-05-01 09:00', '2026-05-01 17:00', '2026-05-15 17:00',
    ]);
    expect(await list({ from: '2026-04-17', to: '2026-05-01', includeCancelled: true })).toEqual([
      '2026-04-17 17:00', '2026-05-01 09:00', '2026-05-01 17:00',
    ]);
    expect(await list({ from: '2026-05-02' })).toEqual(['2026-05-15 17:00']);
    expect(morning.status).toBe('upcoming');
  });
});

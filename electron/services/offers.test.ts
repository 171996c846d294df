import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DistributionView, OfferRow, StockGrid } from '../../shared/catalogue/views';
import type { Offer } from '../../shared/model/distribution';
import { snapshotData, useTempDirs } from '../testing/temp-dir';
import { byId, call, createProducer, createProduct, openApp, refusal, reopened, type TestApp, folded, settle } from '../testing/service-calls';

/**
 * Orders arrive with issue 4; until then `ordered.ts` says nothing is ordered. The stock
 * rules read their figures only from there, so a test sets the ordered quantities here and
 * the real services apply the "never below ordered" rule to them.
 */
const ordered = vi.hoisted(() => new Map<string, Map<string, number>>());
vi.mock('./ordered', () => ({
  orderedByProduct: (_source: unknown, distributionId: string) => new Map(ordered.get(distributionId) ?? []),
  orderCount: (_source: unknown, distributionId: string) => (ordered.get(distributionId)?.size ?? 0),
  // Cancelling a distribution tells who ordered (the outbox): here the orders are only counts, nobody to tell.
  ordersOf: () => [],
}));
beforeEach(() => ordered.clear());
const setOrdered = (distributionId: string, productId: string, units: number) =>
  ordered.set(distributionId, new Map([...(ordered.get(distributionId) ?? []), [productId, units]]));

const tempDir = useTempDirs();

/** Wednesday 18 March 2026, noon in Brussels: the 20 March distribution is open for orders. */
const NOW = new Date('2026-03-18T11:00:00.000Z');

const plan = (app: TestApp, pickupDate: string) =>
  call<DistributionView>(app, 'distributions.create', { pickupDate, pickupStart: '17:00', pickupEnd: '19:00' });

async function farm(app: TestApp) {
  const producer = await createProducer(app, 'Ferme du Bois');
  const carrots = await createProduct(app, producer.id, { name: 'Carottes', priceCents: 250 });
  const leeks = await createProduct(app, producer.id, { name: 'Poireaux', unit: 'botte', priceCents: 180 });
  return { producer, carrots, leeks };
}

const offersOnDisk = async (app: TestApp) => byId((await reopened(app.dataDir)).all('offer'));
const rows = (app: TestApp, distributionId: string) => call<OfferRow[]>(app, 'offers.forDistribution', { distributionId });

describe('offers.set', () => {
  it('creates the offer, then updates that same offer: never two for one product in one distribution', async () => {
    const app = await openApp(await tempDir(), NOW);
    const { carrots } = await farm(app);
    const friday = await plan(app, '2026-03-20');
    await settle(app);

    await call(app, 'offers.set', { distributionId: friday.id, productId: carrots.id, quantity: 12 });
    const [created] = await offersOnDisk(app);
    expect(created).toEqual({
      id: expect.any(String),
      distributionId: friday.id,
      productId: carrots.id,
      quantity: 12,
      priceCents: null,
      withdrawnAt: null,
      updatedAt: NOW.toISOString(),
    });
    expect(await folded(app)).toEqual([`distributions/${friday.id}.json`]);

    app.clock.advance(60_000);
    await call(app, 'offers.set', { distributionId: friday.id, productId: carrots.id, quantity: 8 });
    expect(await offersOnDisk(app)).toEqual([{ ...created, quantity: 8, updatedAt: '2026-03-18T11:01:00.000Z' }]);
    expect((await call<DistributionView>(app, 'distributions.get', { id: friday.id })).offerCount).toBe(1);
  });

  it('null quantity is unlimited; null price is the catalogue price, an override is this week’s price', async () => {
    const app = await openApp(await tempDir(), NOW);
    const { carrots, leeks } = await farm(app);
    const friday = await plan(app, '2026-03-20');
    await call(app, 'offers.set', { distributionId: friday.id, productId: carrots.id, quantity: null });
    await call(app, 'offers.set', { distributionId: friday.id, productId: leeks.id, quantity: 30, priceCents: 150 });

    const view = async () => (await rows(app, friday.id)).map((row) => [row.product.name, row.offer.quantity, row.remaining, row.priceCents]);
    expect(await view()).toEqual([
      ['Carottes', null, null, 250],
      ['Poireaux', 30, 30, 150],
    ]);

    // Leaving the price out keeps this week's price; null goes back to the catalogue, which may change.
    await call(app, 'offers.set', { distributionId: friday.id, productId: leeks.id, quantity: 25 });
    expect((await view())[1]).toEqual(['Poireaux', 25, 25, 150]);
    await call(app, 'offers.set', { distributionId: friday.id, productId: leeks.id, quantity: 25, priceCents: null });
    await call(app, 'products.update', { id: leeks.id, changes: { priceCents: 195 } });
    await call(app, 'products.update', { id: carrots.id, changes: { priceCents: 260 } });
    expect(await view()).toEqual([
      ['Carottes', null, null, 260],
      ['Poireaux', 25, 25, 195],
    ]);
    // A free product this week is a price of 0, not "no override".
    await call(app, 'offers.set', { distributionId: friday.id, productId: carrots.id, quantity: null, priceCents: 0 });
    expect((await view())[0]).toEqual(['Carottes', null, null, 0]);
  });

  it('refuses an archived product, a finished distribution, unknown ids and bad quantities, writing nothing', async () => {
    const app = await openApp(await tempDir(), NOW);
    const { carrots, leeks } = await farm(app);
    const past = await plan(app, '2026-03-13');
    const cancelled = await plan(app, '2026-03-27');
    await call(app, 'distributions.cancel', { id: cancelled.id });
    const friday = await plan(app, '2026-03-20');
    await call(app, 'products.archive', { id: leeks.id });
    const before = await snapshotData(app.dataDir);
    const entry = { distributionId: friday.id, productId: carrots.id, quantity: 5 };

    expect(await refusal(app, 'offers.set', { ...entry, productId: leeks.id })).toEqual({ key: 'error.productArchived', params: { name: 'Poireaux' } });
    expect(await refusal(app, 'offers.set', { ...entry, distributionId: past.id })).toEqual({ key: 'error.distributionFinished', params: { date: '2026-03-13' } });
    expect(await refusal(app, 'offers.set', { ...entry, distributionId: cancelled.id })).toEqual({
      key: 'error.distributionFinished',
      params: { date: '2026-03-27' },
    });
    expect(await refusal(app, 'offers.set', { ...entry, distributionId: randomUUID() })).toEqual({ key: 'error.distributionNotFound' });
    expect(await refusal(app, 'offers.set', { ...entry, productId: randomUUID() })).toEqual({ key: 'error.productNotFound' });
    for (const [quantity, key] of [
      [-1, 'validation.notNegative'],
      [2.5, 'validation.wholeUnits'],
      [1e9, 'validation.tooBig'],
      ['12', 'validation.number'],
    ] as const) {
      expect(await refusal(app, 'offers.set', { ...entry, quantity })).toMatchObject({
        key: 'error.invalidInput',
        issues: [{ path: 'quantity', key }],
      });
    }
    expect(await refusal(app, 'offers.set', { ...entry, priceCents: -10 })).toMatchObject({ issues: [{ path: 'priceCents', key: 'validation.notNegative' }] });
    expect(await snapshotData(app.dataDir)).toEqual(before);
  });

  it('refuses a product of an archived producer', async () => {
    const app = await openApp(await tempDir(), NOW);
    const { producer, carrots } = await farm(app);
    const friday = await plan(app, '2026-03-20');
    await call(app, 'producers.archive', { id: producer.id });
    const before = await snapshotData(app.dataDir);
    expect(await refusal(app, 'offers.set', { distributionId: friday.id, productId: carrots.id, quantity: 5 })).toEqual({
      key: 'error.producerArchived',
      params: { name: 'Ferme du Bois' },
    });
    expect(await snapshotData(app.dataDir)).toEqual(before);
  });

  it('withdraw takes the offer out of the sale (kept on disk, gone from the lists and the grid); setting it again puts it back', async () => {
    const app = await openApp(await tempDir(), NOW);
    const { producer, carrots, leeks } = await farm(app);
    const friday = await plan(app, '2026-03-20');
    await call(app, 'offers.saveMany', {
      entries: [
        { distributionId: friday.id, productId: carrots.id, quantity: 10 },
        { distributionId: friday.id, productId: leeks.id, quantity: 4 },
      ],
    });
    app.clock.advance(1000);
    await call(app, 'offers.set', { distributionId: friday.id, productId: carrots.id, quantity: 10, withdraw: true });

    const onDisk = (await offersOnDisk(app)).find((offer) => offer.productId === carrots.id)!;
    expect(onDisk).toMatchObject({ quantity: 10, withdrawnAt: '2026-03-18T11:00:01.000Z' });
    expect((await rows(app, friday.id)).map((row) => row.product.name)).toEqual(['Poireaux']);
    const grid = await call<StockGrid>(app, 'offers.stockGrid', { producerId: producer.id, weeks: 1 });
    expect(grid.cells.map((cell) => cell.productId)).toEqual([leeks.id]);
    expect((await call<DistributionView>(app, 'distributions.get', { id: friday.id })).offerCount).toBe(1);

    await call(app, 'offers.set', { distributionId: friday.id, productId: carrots.id, quantity: 6 });
    expect((await offersOnDisk(app)).find((offer) => offer.productId === carrots.id)).toMatchObject({ id: onDisk.id, quantity: 6, withdrawnAt: null });
  });
});

describe('offers.saveMany', () => {
  it('is all-or-nothing: one refused entry and not a byte of the batch is written', async () => {
    const app = await openApp(await tempDir(), NOW);
    const { carrots, leeks } = await farm(app);
    const friday = await plan(app, '2026-03-20');
    const next = await plan(app, '2026-03-27');
    await call(app, 'offers.set', { distributionId: friday.id, productId: carrots.id, quantity: 10 });
    await call(app, 'products.archive', { id: leeks.id });
    const before = await snapshotData(app.dataDir);
    const good = [
      { distributionId: friday.id, productId: carrots.id, quantity: 3 },
      { distributionId: next.id, productId: carrots.id, quantity: 7 },
    ];

    // A rule refusal (archived product) as the last entry…
    expect(await refusal(app, 'offers.saveMany', { entries: [...good, { distributionId: next.id, productId: leeks.id, quantity: 1 }] })).toEqual({
      key: 'error.productArchived',
      params: { name: 'Poireaux' },
    });
    // …and a schema refusal in the middle.
    expect(await refusal(app, 'offers.saveMany', { entries: [good[0], { ...good[1], quantity: -7 }, good[0]] })).toMatchObject({
      key: 'error.invalidInput',
      issues: [{ path: 'entries.1.quantity', key: 'validation.notNegative' }],
    });
    expect(await snapshotData(app.dataDir)).toEqual(before);
    expect((await rows(app, friday.id)).map((row) => row.offer.quantity)).toEqual([10]);
    expect(await rows(app, next.id)).toEqual([]);

    await call(app, 'offers.saveMany', { entries: good });
    expect((await offersOnDisk(app)).map((offer) => offer.quantity).sort()).toEqual([3, 7]);
  });

  it('two entries for the same product in one batch make one offer, the last entry winning', async () => {
    const app = await openApp(await tempDir(), NOW);
    const { carrots } = await farm(app);
    const friday = await plan(app, '2026-03-20');
    await call(app, 'offers.saveMany', {
      entries: [
        { distributionId: friday.id, productId: carrots.id, quantity: 3, priceCents: 200 },
        { distributionId: friday.id, productId: carrots.id, quantity: 9 },
      ],
    });
    expect(await offersOnDisk(app)).toMatchObject([{ quantity: 9, priceCents: 200 }]);
  });
});

describe('offers.stockGrid', () => {
  it('shows the producer’s active products × the next unfinished distributions, with the week before for “copy last week”', async () => {
    const app = await openApp(await tempDir(), new Date('2026-03-02T09:00:00.000Z'));
    const { producer, carrots, leeks } = await farm(app);
    const beans = await createProduct(app, producer.id, { name: 'Haricots' });
    const neighbour = await createProducer(app, 'Le Verger');
    const apples = await createProduct(app, neighbour.id, { name: 'Pommes' });
    const dates = ['2026-04-10', '2026-03-13', '2026-03-20', '2026-04-03', '2026-03-06', '2026-03-27', '2026-04-17'];
    const byDate = new Map<string, DistributionView>();
    for (const date of dates) byDate.set(date, await plan(app, date));
    const d = (date: string) => byDate.get(date)!.id;
    await call(app, 'offers.saveMany', {
      entries: [
        { distributionId: d('2026-03-06'), productId: carrots.id, quantity: 1 },
        { distributionId: d('2026-03-13'), productId: carrots.id, quantity: 10, priceCents: 230 },
        { distributionId: d('2026-03-13'), productId: leeks.id, quantity: null },
        { distributionId: d('2026-03-13'), productId: beans.id, quantity: 2 },
        { distributionId: d('2026-03-13'), productId: apples.id, quantity: 40 },
        { distributionId: d('2026-03-20'), productId: carrots.id, quantity: 12 },
        { distributionId: d('2026-03-20'), productId: apples.id, quantity: 40 },
        { distributionId: d('2026-04-03'), productId: leeks.id, quantity: 6 },
      ],
    });
    await call(app, 'distributions.cancel', { id: d('2026-03-27') });
    await call(app, 'products.archive', { id: beans.id });

    // Wednesday 18 March: the 6 and 13 March pickups are over; 27 March is cancelled.
    app.clock.set(NOW);
    const grid = await call<StockGrid>(app, 'offers.stockGrid', { producerId: producer.id, weeks: 3 });

    expect(grid.producer.id).toBe(producer.id);
    expect(grid.products.map((product) => product.name)).toEqual(['Carottes', 'Poireaux']);
    expect(grid.distributions.map((view) => [view.pickupDate, view.status])).toEqual([
      ['2026-03-20', 'open'],
      ['2026-04-03', 'upcoming'],
      ['2026-04-10', 'upcoming'],
    ]);
    expect(grid.cells).toEqual([
      { distributionId: d('2026-03-20'), productId: carrots.id, offered: true, quantity: 12, priceCents: null, ordered: 0 },
      { distributionId: d('2026-04-03'), productId: leeks.id, offered: true, quantity: 6, priceCents: null, ordered: 0 },
    ]);
    expect(byId(grid.previous.map((cell) => ({ ...cell, id: cell.productId })))).toEqual(
      byId([
        { id: carrots.id, distributionId: d('2026-03-13'), productId: carrots.id, offered: true, quantity: 10, priceCents: 230, ordered: 0 },
        { id: leeks.id, distributionId: d('2026-03-13'), productId: leeks.id, offered: true, quantity: null, priceCents: null, ordered: 0 },
      ]),
    );

    const fourWeeks = await call<StockGrid>(app, 'offers.stockGrid', { producerId: producer.id });
    expect(fourWeeks.distributions.map((view) => view.pickupDate)).toEqual(['2026-03-20', '2026-04-03', '2026-04-10', '2026-04-17']);
    expect(await refusal(app, 'offers.stockGrid', { producerId: randomUUID() })).toEqual({ key: 'error.producerNotFound' });
  });
});

describe('never below what is ordered (ordered quantities set by the test)', () => {
  async function withOrders() {
    const app = await openApp(await tempDir(), NOW);
    const { carrots, leeks } = await farm(app);
    const friday = await plan(app, '2026-03-20');
    await call(app, 'offers.saveMany', {
      entries: [
        { distributionId: friday.id, productId: carrots.id, quantity: 10 },
        { distributionId: friday.id, productId: leeks.id, quantity: 4 },
      ],
    });
    setOrdered(friday.id, carrots.id, 7);
    return { app, carrots, leeks, friday };
  }

  it('refuses to lower the stock below the ordered quantity, saying how much is ordered; equal or unlimited is fine', async () => {
    const { app, carrots, friday } = await withOrders();
    const before = await snapshotData(app.dataDir);
    const entry = { distributionId: friday.id, productId: carrots.id };

    expect(await refusal(app, 'offers.set', { ...entry, quantity: 6 })).toEqual({
      key: 'error.stockBelowOrdered',
      params: { product: 'Carottes', ordered: 7, quantity: 6 },
    });
    expect(await refusal(app, 'offers.set', { ...entry, quantity: 10, withdraw: true })).toEqual({
      key: 'error.stockBelowOrdered',
      params: { product: 'Carottes', ordered: 7, quantity: 0 },
    });
    expect(await snapshotData(app.dataDir)).toEqual(before);
    expect((await rows(app, friday.id))[0]).toMatchObject({ ordered: 7, remaining: 3 });

    await call(app, 'offers.set', { ...entry, quantity: 7 });
    expect((await rows(app, friday.id))[0]).toMatchObject({ ordered: 7, remaining: 0 });
    await call(app, 'offers.set', { ...entry, quantity: null });
    expect((await rows(app, friday.id))[0]).toMatchObject({ ordered: 7, remaining: null });
  });

  it('a batch with one entry below ordered writes nothing', async () => {
    const { app, carrots, leeks, friday } = await withOrders();
    const before = await snapshotData(app.dataDir);
    expect(
      await refusal(app, 'offers.saveMany', {
        entries: [
          { distributionId: friday.id, productId: leeks.id, quantity: 20 },
          { distributionId: friday.id, productId: carrots.id, quantity: 2 },
        ],
      }),
    ).toMatchObject({ key: 'error.stockBelowOrdered', params: { ordered: 7 } });
    expect(await snapshotData(app.dataDir)).toEqual(before);
  });

  it('archiving a product leaves offers that have orders; the grid shows the ordered quantity', async () => {
    const { app, carrots, leeks, friday } = await withOrders();
    await call(app, 'products.archive', { id: carrots.id });
    await call(app, 'products.archive', { id: leeks.id });
    const offers = await offersOnDisk(app);
    expect(offers.find((offer) => offer.productId === carrots.id)?.withdrawnAt).toBeNull();
    expect(offers.find((offer) => offer.productId === leeks.id)?.withdrawnAt).not.toBeNull();
    await call(app, 'products.restore', { id: leeks.id });
    const grid = await call<StockGrid>(app, 'offers.stockGrid', { producerId: carrots.producerId, weeks: 1 });
    expect(grid.cells).toEqual([]);
    await call(app, 'products.restore', { id: carrots.id });
    const again = await call<StockGrid>(app, 'offers.stockGrid', { producerId: carrots.producerId, weeks: 1 });
    expect(again.cells).toEqual([{ distributionId: friday.id, productId: carrots.id, offered: true, quantity: 10, priceCents: null, ordered: 7 }]);
  });

  it('cancelling a distribution with orders needs the organiser’s confirmation', async () => {
    const { app, friday } = await withOrders();
    expect(await refusal(app, 'distributions.cancel', { id: friday.id })).toEqual({ key: 'error.cancelHasOrders', params: { count: 1 } });
    expect((await call<DistributionView>(app, 'distributions.cancel', { id: friday.id, confirmed: true })).status).toBe('cancelled');
  });
});

describe('any sequence of stock edits (property)', () => {
  // Four distributions: two still to come (D0, D1), one distributed (D2), one cancelled (D3).
  // Products: P0, P1 active, P2 archived. Four units of P0 are ordered in D0.
  let template: string;
  let ids: { d: string[]; p: string[]; archived: Set<string> };
  beforeAll(async () => {
    template = await mkdtemp(join(tmpdir(), 'cabas-offers-'));
    const app = await openApp(template, NOW);
    const { producer, carrots, leeks } = await farm(app);
    const beans = await createProduct(app, producer.id, { name: 'Haricots' });
    await call(app, 'products.archive', { id: beans.id });
    const d = [];
    for (const date of ['2026-03-20', '2026-03-27', '2026-03-13', '2026-04-03']) d.push((await plan(app, date)).id);
    await call(app, 'distributions.cancel', { id: d[3] });
    ids = { d, p: [carrots.id, leeks.id, beans.id], archived: new Set([beans.id]) };
  });
  afterAll(() => rm(template, { recursive: true, force: true }));

  const quantities = fc.constantFrom<unknown>(null, 0, 3, 4, 9, 100_000, -1, 2.5, 100_001, 1e12, Number.MAX_SAFE_INTEGER, '5');
  const prices = fc.constantFrom<unknown>(undefined, null, 0, 180, 10_000_000, -5, 1.5, 1e12);
  const entryArb = fc.record({
    d: fc.constantFrom(0, 1, 2, 3, -1),
    p: fc.constantFrom(0, 1, 2, -1),
    quantity: quantities,
    priceCents: prices,
    withdraw: fc.constantFrom<boolean | undefined>(undefined, false, true),
  });
  const command = fc.oneof(
    fc.record({ op: fc.constant('set' as const), entry: entryArb }),
    fc.record({ op: fc.constant('saveMany' as const), entries: fc.array(entryArb, { maxLength: 4 }) }),
  );

  type Entry = { d: number; p: number; quantity: unknown; priceCents: unknown; withdraw: boolean | undefined };
  type Model = Map<string, { quantity: number | null; priceCents: number | null; withdrawn: boolean }>;

  const validQuantity = (q: unknown): q is number | null => q === null || (typeof q === 'number' && Number.isInteger(q) && q >= 0 && q <= 100_000);
  const validPrice = (p: unknown) => p === undefined || p === null || (typeof p === 'number' && Number.isInteger(p) && p >= 0 && p <= 10_000_000);
  const orderedUnits = (d: number, p: number) => (d === 0 && p === 0 ? 4 : 0);

  /** The oracle: applies an entry to a copy of the model, or says it must be refused. */
  function apply(model: Model, entry: Entry): boolean {
    if (!validQuantity(entry.quantity) || !validPrice(entry.priceCents)) return false;
    if (entry.d < 0 || entry.d >= 2 || entry.p < 0) return false;
    const key = `${entry.d}:${entry.p}`;
    const current = model.get(key);
    if (entry.withdraw) {
      if (!current || current.withdrawn) return true;
      if (orderedUnits(entry.d, entry.p) > 0) return false;
      model.set(key, { ...current, withdrawn: true });
      return true;
    }
    if (entry.p === 2) return false;
    if (entry.quantity !== null && entry.quantity < orderedUnits(entry.d, entry.p)) return false;
    const priceCents = entry.priceCents === undefined ? (current?.priceCents ?? null) : (entry.priceCents as number | null);
    model.set(key, { quantity: entry.quantity, priceCents, withdrawn: false });
    return true;
  }

  it('memory equals the reopened folder, quantities are ≥ 0 or unlimited, one offer per product and distribution, refusals change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 10 }), async (commands) => {
        const dataDir = await mkdtemp(join(tmpdir(), 'cabas-offers-prop-'));
        try {
          await cp(template, dataDir, { recursive: true });
          const app = await openApp(dataDir, NOW);
          ordered.clear();
          setOrdered(ids.d[0]!, ids.p[0]!, 4);
          let model: Model = new Map();
          const payload = (entry: Entry) => ({
            distributionId: entry.d < 0 ? randomUUID() : ids.d[entry.d],
            productId: entry.p < 0 ? randomUUID() : ids.p[entry.p],
            quantity: entry.quantity,
            ...(entry.priceCents === undefined ? {} : { priceCents: entry.priceCents }),
            ...(entry.withdraw === undefined ? {} : { withdraw: entry.withdraw }),
          });

          for (const cmd of commands) {
            const entries = cmd.op === 'set' ? [cmd.entry] : cmd.entries;
            const next: Model = new Map(model);
            const expectOk = entries.every((entry) => apply(next, entry));
            const writesBefore = app.written.length;
            const memoryBefore = byId(app.workspace.store.all('offer'));
            const outcome =
              cmd.op === 'set'
                ? await app.dispatch('offers.set', payload(cmd.entry))
                : await app.dispatch('offers.saveMany', { entries: cmd.entries.map(payload) });
            expect(outcome.ok, JSON.stringify({ cmd, outcome })).toBe(expectOk);
            if (expectOk) model = next;
            else {
              // Every data write goes through the atomic writer, which reports each file it renames into place.
              expect(app.written.length).toBe(writesBefore);
              expect(byId(app.workspace.store.all('offer'))).toEqual(memoryBefore);
            }
          }

          const inMemory = byId(app.workspace.store.all('offer'));
          expect(byId((await reopened(dataDir)).all('offer'))).toEqual(inMemory);
          const pairs = inMemory.map((offer: Offer) => `${offer.distributionId}:${offer.productId}`);
          expect(new Set(pairs).size).toBe(pairs.length);
          for (const offer of inMemory) expect(offer.quantity === null || offer.quantity >= 0).toBe(true);
          const actual = new Map(
            inMemory.map((offer) => [
              `${ids.d.indexOf(offer.distributionId)}:${ids.p.indexOf(offer.productId)}`,
              { quantity: offer.quantity, priceCents: offer.priceCents, withdrawn: offer.withdrawnAt !== null },
            ]),
          );
          expect(actual).toEqual(model);
        } finally {
          await rm(dataDir, { recursive: true, force: true });
        }
      }),
      { numRuns: 25 },
    );
  });
});

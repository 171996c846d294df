import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DistributionView } from '../../shared/catalogue/views';
import type { Offer } from '../../shared/model/distribution';
import type { Product } from '../../shared/model/product';
import { snapshotData, snapshotFolder, useTempDirs } from '../testing/temp-dir';
import { byId, call, createProducer, createProduct, openApp, refusal, reopened, folded, settle } from '../testing/service-calls';

const tempDir = useTempDirs();
const open = async () => openApp(await tempDir());

const carrots = { name: 'Carottes', category: 'légumes', unit: 'kg', priceCents: 250, vatRateBp: 600 };

describe('products.create', () => {
  it('saves a product with its defaults (no pack description, no default stock, sold by the unit, active) in products.json', async () => {
    const app = await open();
    const producer = await createProducer(app, 'Ferme du Bois');
    await settle(app);

    const product = await call<Product>(app, 'products.create', { producerId: producer.id, ...carrots, name: '  Carottes  ' });

    expect(product).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4/),
      producerId: producer.id,
      name: 'Carottes',
      category: 'légumes',
      unit: 'kg',
      packDescription: '',
      priceCents: 250,
      pricing: 'unit',
      pieceGrams: null,
      vatRateBp: 600,
      defaultStock: null,
      archivedAt: null,
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
    });
    expect(await folded(app)).toEqual(['products.json']);
    expect((await reopened(app.dataDir)).all('product')).toEqual([product]);
  });

  it('refuses an unknown producer and an archived one, writing nothing', async () => {
    const app = await open();
    const archived = await createProducer(app, 'Ferme fermée');
    await call(app, 'producers.archive', { id: archived.id });
    const before = await snapshotFolder(app.dataDir);

    expect(await refusal(app, 'products.create', { producerId: randomUUID(), ...carrots })).toEqual({ key: 'error.producerNotFound' });
    expect(await refusal(app, 'products.create', { producerId: archived.id, ...carrots })).toEqual({
      key: 'error.producerArchived',
      params: { name: 'Ferme fermée' },
    });
    expect(await snapshotFolder(app.dataDir)).toEqual(before);
    expect(await call<Product[]>(app, 'products.list', { archived: 'all' })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a negative price', { priceCents: -100 }, 'priceCents', 'validation.notNegative'],
    ['a price in euros with decimals', { priceCents: 2.5 }, 'priceCents', 'validation.integer'],
    ['a price as text', { priceCents: '2,50' }, 'priceCents', 'validation.number'],
    ['an unknown unit', { unit: 'tonne' }, 'unit', 'validation.choice'],
    ['a VAT rate that is not whole basis points', { vatRateBp: 5.5 }, 'vatRateBp', 'validation.integer'],
    ['a negative default stock', { defaultStock: -1 }, 'defaultStock', 'validation.notNegative'],
    ['a fractional default stock', { defaultStock: 2.5 }, 'defaultStock', 'validation.wholeUnits'],
    ['a missing category', { category: undefined }, 'category', 'validation.required'],
    ['a blank category', { category: '   ' }, 'category', 'validation.required'],
    ['a missing name', { name: undefined }, 'name', 'validation.required'],
    ['an unknown field', { colour: 'orange' }, '', 'validation.unknownField'],
  ])('refuses %s with the field issue and writes nothing', async (_, change, path, key) => {
    const app = await open();
    const producer = await createProducer(app, 'Ferme du Bois');
    const before = await snapshotFolder(app.dataDir);

    const error = await refusal(app, 'products.create', { producerId: producer.id, ...carrots, ...change });

    expect(error.key).toBe('error.invalidInput');
    expect(error.issues?.map((issue) => ({ path: issue.path, key: issue.key }))).toEqual([{ path, key }]);
    expect(await snapshotFolder(app.dataDir)).toEqual(before);
  });
});

describe('products.update', () => {
  it('changes only the named fields, and rewrites only products.json', async () => {
    const app = await open();
    const producer = await createProducer(app, 'Ferme du Bois');
    const product = await createProduct(app, producer.id, { packDescription: 'sachet de 1 kg', defaultStock: 20 });
    await createProduct(app, producer.id, { name: 'Poireaux', unit: 'botte' });
    app.clock.advance(60_000);
    await settle(app);

    const updated = await call<Product>(app, 'products.update', { id: product.id, changes: { priceCents: 275 } });

    expect(updated).toEqual({ ...product, priceCents: 275, updatedAt: '2026-03-02T09:01:00.000Z' });
    expect(await folded(app)).toEqual(['products.json']);
    expect((await reopened(app.dataDir)).get('product', product.id)).toEqual(updated);
  });

  it('refuses an invalid change, and an unknown product, leaving the product as it was', async () => {
    const app = await open();
    const product = await createProduct(app, (await createProducer(app, 'Ferme du Bois')).id);
    const before = await snapshotFolder(app.dataDir);

    expect(await refusal(app, 'products.update', { id: product.id, changes: { priceCents: -1, name: 'X' } })).toMatchObject({
      key: 'error.invalidInput',
      issues: [{ path: 'changes.priceCents', key: 'validation.notNegative' }],
    });
    // The producer is fixed at creation: moving a product would rewrite other producers' history.
    expect(await refusal(app, 'products.update', { id: product.id, changes: { producerId: randomUUID() } })).toMatchObject({
      key: 'error.invalidInput',
      issues: [{ key: 'validation.unknownField' }],
    });
    expect(await refusal(app, 'products.update', { id: randomUUID(), changes: { name: 'X' } })).toEqual({ key: 'error.productNotFound' });
    expect(await snapshotFolder(app.dataDir)).toEqual(before);
  });
});

describe('products.archive and products.restore', () => {
  it('archiving withdraws the product from distributions still to come, never from distributed or cancelled ones', async () => {
    const app = await open();
    const producer = await createProducer(app, 'Ferme du Bois');
    const product = await createProduct(app, producer.id);
    const other = await createProduct(app, producer.id, { name: 'Poireaux' });
    const plan = async (pickupDate: string) =>
      call<DistributionView>(app, 'distributions.create', { pickupDate, pickupStart: '17:00', pickupEnd: '19:00' });
    const past = await plan('2026-03-06');
    const cancelled = await plan('2026-03-13');
    const next = await plan('2026-03-20');
    const later = await plan('2026-03-27');
    await call(app, 'offers.saveMany', {
      entries: [past, cancelled, next, later].flatMap((d) => [
        { distributionId: d.id, productId: product.id, quantity: 10 },
        { distributionId: d.id, productId: other.id, quantity: 5 },
      ]),
    });
    await call(app, 'distributions.cancel', { id: cancelled.id });
    const offersBefore = (await reopened(app.dataDir)).all('offer');

    // Tuesday 10 March: the 6 March pickup is over, 20 and 27 March are still to come.
    app.clock.set(new Date('2026-03-10T10:00:00.000Z'));
    const archived = await call<Product>(app, 'products.archive', { id: product.id });

    expect(archived.archivedAt).toBe('2026-03-10T10:00:00.000Z');
    const offers = (await reopened(app.dataDir)).all('offer');
    const find = (list: Offer[], distributionId: string, productId: string) =>
      list.find((offer) => offer.distributionId === distributionId && offer.productId === productId)!;
    for (const d of [next, later]) {
      expect(find(offers, d.id, product.id)).toEqual({
        ...find(offersBefore, d.id, product.id),
        withdrawnAt: '2026-03-10T10:00:00.000Z',
        updatedAt: '2026-03-10T10:00:00.000Z',
      });
    }
    for (const d of [past, cancelled]) expect(find(offers, d.id, product.id)).toEqual(find(offersBefore, d.id, product.id));
    // The producer's other product stays on sale everywhere.
    for (const d of [past, cancelled, next, later]) expect(find(offers, d.id, other.id).withdrawnAt).toBeNull();

    const rows = await call<{ product: Product }[]>(app, 'offers.forDistribution', { distributionId: next.id });
    expect(rows.map((row) => row.product.name)).toEqual(['Poireaux']);
    const pastRows = await call<{ product: Product }[]>(app, 'offers.forDistribution', { distributionId: past.id });
    expect(pastRows.map((row) => row.product.name)).toEqual(['Carottes', 'Poireaux']);

    expect(await call<Product[]>(app, 'products.list', {})).toEqual([other]);
    expect(await call<Product[]>(app, 'products.list', { archived: 'archived' })).toEqual([archived]);
  });

  it('archiving twice keeps the first date; restoring clears it', async () => {
    const app = await open();
    const product = await createProduct(app, (await createProducer(app, 'Ferme du Bois')).id);
    const archived = await call<Product>(app, 'products.archive', { id: product.id });
    app.clock.advance(1000);
    expect(await call<Product>(app, 'products.archive', { id: product.id })).toEqual(archived);
    const restored = await call<Product>(app, 'products.restore', { id: product.id });
    expect(restored).toEqual({ ...product, updatedAt: '2026-03-02T09:00:01.000Z' });
    expect(byId((await reopened(app.dataDir)).all('product'))).toEqual([restored]);
  });

  it('refuses to restore a product whose producer is archived, and writes nothing', async () => {
    const app = await open();
    const producer = await createProducer(app, 'Ferme du Bois');
    const product = await createProduct(app, producer.id);
    const archived = await call<Product>(app, 'products.archive', { id: product.id });
    await call(app, 'producers.archive', { id: producer.id });
    const before = await snapshotData(app.dataDir);

    expect(await refusal(app, 'products.restore', { id: product.id })).toEqual({
      key: 'error.producerArchived',
      params: { name: 'Ferme du Bois' },
    });
    expect(await snapshotData(app.dataDir)).toEqual(before);
    expect((await reopened(app.dataDir)).get('product', product.id)).toEqual(archived);

    await call(app, 'producers.restore', { id: producer.id });
    expect((await call<Product>(app, 'products.restore', { id: product.id })).archivedAt).toBeNull();
  });

  it('refuses an unknown product', async () => {
    const app = await open();
    for (const name of ['products.archive', 'products.restore'] as const) {
      expect(await refusal(app, name, { id: randomUUID() })).toEqual({ key: 'error.productNotFound' });
    }
  });
});

describe('VAT rates follow the relay’s country', () => {
  it('refuses a rate the country does not use, writing nothing; accepts it once the relay is in that country', async () => {
    const app = await open();
    const producer = await createProducer(app, 'Ferme du Bois');
    const before = await snapshotFolder(app.dataDir);

    // 10 % is a French rate; the relay is Belgian by default (0 / 6 / 12 / 21 %).
    const refused = await refusal(app, 'products.create', { producerId: producer.id, ...carrots, vatRateBp: 1000 });
    expect(refused).toEqual({
      key: 'error.invalidInput',
      issues: [{ path: 'vatRateBp', key: 'validation.vatRate', params: { rates: '0 / 6 / 12 / 21' } }],
    });
    expect(await snapshotFolder(app.dataDir)).toEqual(before);

    await call(app, 'relay.update', { country: 'FR' });
    const product = await call<Product>(app, 'products.create', { producerId: producer.id, ...carrots, vatRateBp: 1000 });
    expect(product.vatRateBp).toBe(1000);
  });

  it('keeps a rate set before the country changed, but a new rate must be the country’s', async () => {
    const app = await open();
    const producer = await createProducer(app, 'Ferme du Bois');
    const product = await createProduct(app, producer.id, { vatRateBp: 600 });
    await call(app, 'relay.update', { country: 'FR' });

    const repriced = await call<Product>(app, 'products.update', { id: product.id, changes: { priceCents: 300, vatRateBp: 600 } });
    expect(repriced).toMatchObject({ priceCents: 300, vatRateBp: 600 });
    const refused = await refusal(app, 'products.update', { id: product.id, changes: { vatRateBp: 1200 } });
    expect(refused.issues).toEqual([{ path: 'vatRateBp', key: 'validation.vatRate', params: { rates: '0 / 5.5 / 10 / 20' } }]);
  });
});

describe('products.list', () => {
  it('lists a producer’s products, and refuses a producer this copy does not hold rather than answering “no products”', async () => {
    const app = await open();
    const farm = await createProducer(app, 'Ferme du Bois');
    const product = await createProduct(app, farm.id, carrots);
    expect(await call<Product[]>(app, 'products.list', { producerId: farm.id })).toEqual([product]);
    expect((await refusal(app, 'products.list', { producerId: randomUUID() })).key).toBe('error.producerNotFound');
  });
});

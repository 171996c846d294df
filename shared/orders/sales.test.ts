import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesOrderFilter, NO_FILTER, salesOf, UNKNOWN_PRODUCER, type ProductRef } from './sales';
import { lineTotal } from './totals';

const bois = { id: 'p-bois', name: 'Ferme du Bois' };
const verger = { id: 'p-verger', name: 'Verger Martin' };
const catalogue: Record<string, ProductRef> = {
  carottes: { productName: 'Carottes', producer: bois },
  poireaux: { productName: 'Poireaux', producer: bois },
  pommes: { productName: 'Pommes', producer: verger },
};
const productOf = (productId: string) => catalogue[productId];

function line(productId: string, quantity: number, unitPriceCents: number) {
  return { productId, productName: catalogue[productId]?.productName ?? productId, quantity, unitPriceCents };
}
type Line = ReturnType<typeof line>;

const active = (...lines: Line[]) => ({ lines, cancelledAt: null });
const cancelled = (...lines: Line[]) => ({ lines, cancelledAt: '2026-11-26T11:00:00.000Z' });

describe('what a distribution sold', () => {
  it('sums each product over the orders, at each line’s frozen price, sorted by producer then product', () => {
    const sales = salesOf(
      [
        active(line('pommes', 3, 120), line('carottes', 2, 250)),
        // Carrots bought later at another price keep theirs: 1 × 300.
        active(line('carottes', 1, 300), line('poireaux', 4, 180)),
      ],
      productOf,
    );
    expect(sales.products).toEqual([
      { productId: 'carottes', productName: 'Carottes', producer: bois, quantity: 3, amountCents: 800 },
      { productId: 'poireaux', productName: 'Poireaux', producer: bois, quantity: 4, amountCents: 720 },
      { productId: 'pommes', productName: 'Pommes', producer: verger, quantity: 3, amountCents: 360 },
    ]);
    expect(sales.producers).toEqual([
      { producer: bois, quantity: 7, amountCents: 1520 },
      { producer: verger, quantity: 3, amountCents: 360 },
    ]);
    expect(sales.totalCents).toBe(1880);
  });

  it('leaves cancelled orders out', () => {
    const sales = salesOf([cancelled(line('carottes', 2, 250)), active(line('pommes', 1, 120))], productOf);
    expect(sales.products.map((row) => row.productId)).toEqual(['pommes']);
    expect(sales.totalCents).toBe(120);
  });

  it('keeps the line’s name for a product the lookup does not know', () => {
    const sales = salesOf([active({ ...line('confiture', 1, 450), productName: 'Confiture' })], productOf);
    expect(sales.products).toEqual([
      { productId: 'confiture', productName: 'Confiture', producer: UNKNOWN_PRODUCER, quantity: 1, amountCents: 450 },
    ]);
  });

  it('is empty without orders', () => {
    expect(salesOf([], productOf)).toEqual({ products: [], producers: [], totalCents: 0 });
  });

  const lineArb = fc
    .record({
      productId: fc.constantFrom('carottes', 'poireaux', 'pommes', 'inconnu'),
      quantity: fc.integer({ min: 1, max: 10_000 }),
      unitPriceCents: fc.integer({ min: 0, max: 10_000_000 }),
    })
    .map(({ productId, quantity, unitPriceCents }) => line(productId, quantity, unitPriceCents));
  const orderArb = fc.record({
    lines: fc.array(lineArb, { maxLength: 8 }),
    cancelledAt: fc.option(fc.constant('2026-11-26T11:00:00.000Z'), { nil: null }),
  });

  it('totals always equal the sum of the active orders’ lines, per product, per producer and overall', () => {
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 30 }), (orders) => {
        const sales = salesOf(orders, productOf);
        const activeOrders = orders.filter((order) => order.cancelledAt === null);
        const expected = activeOrders.flatMap((order) => order.lines).reduce((sum, candidate) => sum + lineTotal(candidate), 0);
        expect(sales.totalCents).toBe(expected);
        expect(sales.products.reduce((sum, row) => sum + row.amountCents, 0)).toBe(expected);
        expect(sales.producers.reduce((sum, row) => sum + row.amountCents, 0)).toBe(expected);

        const activeLines = activeOrders.flatMap((order) => order.lines);
        for (const row of sales.products) {
          const own = activeLines.filter((candidate) => candidate.productId === row.productId);
          expect(row.quantity).toBe(own.reduce((sum, candidate) => sum + candidate.quantity, 0));
        }
        for (const row of sales.producers) {
          const own = sales.products.filter((product) => product.producer.id === row.producer.id);
          expect(row.amountCents).toBe(own.reduce((sum, product) => sum + product.amountCents, 0));
        }
        expect(new Set(sales.products.map((row) => row.productId)).size).toBe(sales.products.length);
      }),
    );
  });
});

describe('filtering the orders of a distribution', () => {
  const anne = { order: active(line('carottes', 2, 250)), member: { name: 'Anne Dupont', phone: '0470 11 22 33', email: '' } };
  const marc = { order: active(line('pommes', 1, 120)), member: { name: 'Marc Lefèvre', phone: '', email: 'marc@example.be' } };
  const producerOf = (productId: string) => catalogue[productId]?.producer.id;
  const shown = (filter: Partial<typeof NO_FILTER>) =>
    [anne, marc].filter((view) => matchesOrderFilter(view, { ...NO_FILTER, ...filter }, producerOf)).map((view) => view.member.name);

  it('shows everything without a filter', () => {
    expect(shown({})).toEqual(['Anne Dupont', 'Marc Lefèvre']);
  });

  it('finds a member by name (accents and case folded), phone or e-mail', () => {
    expect(shown({ member: 'lefevre' })).toEqual(['Marc Lefèvre']);
    expect(shown({ member: '0470' })).toEqual(['Anne Dupont']);
    expect(shown({ member: 'MARC@' })).toEqual(['Marc Lefèvre']);
  });

  it('keeps the orders with a line of the product or of the producer', () => {
    expect(shown({ productId: 'carottes' })).toEqual(['Anne Dupont']);
    expect(shown({ productId: 'poireaux' })).toEqual([]);
    expect(shown({ producerId: verger.id })).toEqual(['Marc Lefèvre']);
    expect(shown({ producerId: bois.id, member: 'marc' })).toEqual([]);
  });
});

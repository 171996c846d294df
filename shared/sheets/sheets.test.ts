import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deliverySheets } from './delivery-sheet';
import { pickupGroups } from './pickup-sheet';
import type { SheetLine, SheetOffer, SheetOrderView, SheetSlot } from './source';
import { distributionSummary } from './summary';

const bois = { id: 'p-bois', name: 'Ferme du Bois' };
const verger = { id: 'p-verger', name: 'Verger Martin' };
const miel = { id: 'p-miel', name: 'Miellerie des Côtes' };

function offer(id: string, name: string, producer: { id: string; name: string }, unit: SheetOffer['product']['unit'] = 'kg', packDescription = ''): SheetOffer {
  return { product: { id, name, unit, packDescription, producerId: producer.id }, producer };
}

const offers = [
  offer('carottes', 'Carottes', bois, 'kg', 'sachet de 1 kg'),
  offer('poireaux', 'Poireaux', bois, 'botte'),
  offer('pommes', 'Pommes', verger),
  offer('oeufs', 'Œufs', bois, 'douzaine'),
  offer('miel', 'Miel', miel, 'pot'),
];

const PRICES: Record<string, number> = { carottes: 250, poireaux: 300, pommes: 280, oeufs: 420, miel: 900 };
const line = (productId: string, quantity: number, unitPriceCents = PRICES[productId]!): SheetLine => ({
  productId,
  productName: offers.find((entry) => entry.product.id === productId)?.product.name ?? productId,
  quantity,
  unitPriceCents,
});

let nextBasket = 1;
function order(name: string, lines: SheetLine[], extra: { slotId?: string | null; cancelled?: boolean; phone?: string; note?: string } = {}): SheetOrderView {
  const basketNumber = nextBasket++;
  return {
    order: {
      id: `o-${basketNumber}`,
      basketNumber,
      lines,
      cancelledAt: extra.cancelled ? '2026-11-26T11:00:00.000Z' : null,
      note: extra.note ?? '',
      ...(extra.slotId === undefined ? {} : { slotId: extra.slotId }),
    },
    member: { name, phone: extra.phone ?? '', email: 'not read' } as SheetOrderView['member'],
  };
}

const early: SheetSlot = { id: 's-early', start: '17:00', end: '17:30', capacity: 10 };
const late: SheetSlot = { id: 's-late', start: '17:30', end: '18:00', capacity: 2 };
const unused: SheetSlot = { id: 's-unused', start: '18:00', end: '18:30', capacity: 5 };

describe('the pickup sheet', () => {
  it('lists members by name in French order (accents and case do not count), items by producer then product, with the total', () => {
    const groups = pickupGroups(
      [
        order('Zoé Petit', [line('pommes', 2)]),
        order('émile Roux', [line('pommes', 1), line('oeufs', 1), line('carottes', 3)], { phone: '04 70 12 34 56' }),
        order('Anne Dupont', [line('poireaux', 1)]),
        order('Éric Blanc', [line('miel', 1)]),
      ],
      offers,
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]!.slot).toBeNull();
    expect(groups[0]!.rows.map((row) => row.name)).toEqual(['Anne Dupont', 'émile Roux', 'Éric Blanc', 'Zoé Petit']);
    const emile = groups[0]!.rows[1]!;
    expect(emile).toMatchObject({ phone: '04 70 12 34 56', totalCents: 280 + 420 + 750 });
    expect(emile.producers).toEqual([
      {
        producerId: bois.id,
        producerName: 'Ferme du Bois',
        items: [
          { productId: 'carottes', productName: 'Carottes', quantity: 3, weight: null },
          { productId: 'oeufs', productName: 'Œufs', quantity: 1, weight: null },
        ],
      },
      { producerId: verger.id, producerName: 'Verger Martin', items: [{ productId: 'pommes', productName: 'Pommes', quantity: 1, weight: null }] },
    ]);
  });

  it('groups by slot in the order of the day, members by name inside each, and puts the orders without a slot last', () => {
    const groups = pickupGroups(
      [
        order('Bruno', [line('pommes', 1)], { slotId: late.id }),
        order('Alice', [line('pommes', 1)], { slotId: late.id }),
        order('Chloé', [line('pommes', 1)], { slotId: null }),
        order('Denis', [line('pommes', 1)], { slotId: early.id }),
        // A slot since removed: the order is listed with those without one, not lost.
        order('Aline', [line('pommes', 1)], { slotId: 's-removed' }),
      ],
      offers,
      [late, unused, early],
    );
    expect(groups.map((group) => [group.slot?.id ?? null, group.rows.map((row) => row.name)])).toEqual([
      [early.id, ['Denis']],
      [late.id, ['Alice', 'Bruno']],
      [null, ['Aline', 'Chloé']],
    ]);
  });

  it('leaves out cancelled and empty orders, and hands over one product added twice as one quantity', () => {
    const groups = pickupGroups(
      [
        order('Annulée', [line('pommes', 4)], { cancelled: true }),
        order('Vide', []),
        order('Deux fois', [line('pommes', 1, 280), line('pommes', 2, 300)]),
      ],
      offers,
    );
    expect(groups.flatMap((group) => group.rows.map((row) => row.name))).toEqual(['Deux fois']);
    const row = groups[0]!.rows[0]!;
    expect(row.producers[0]!.items).toEqual([{ productId: 'pommes', productName: 'Pommes', quantity: 3, weight: null }]);
    // Each line at its own frozen price.
    expect(row.totalCents).toBe(280 + 600);
  });

  it('leaves out counter sales: handed over when sold, from what the producers brought', () => {
    const sold = order('Julie', [line('pommes', 2)]);
    const sale = { ...sold, order: { ...sold.order, counter: true } };
    const member = order('Anne', [line('pommes', 1)]);
    expect(pickupGroups([sale, member], offers).flatMap((group) => group.rows.map((row) => row.name))).toEqual(['Anne']);
    expect(deliverySheets([sale, member], offers)[0]!.products).toEqual([expect.objectContaining({ productId: 'pommes', quantity: 1 })]);
  });

  it('keeps a product no offer explains, under the "?" producer', () => {
    const groups = pickupGroups([order('Anne', [{ productId: 'gone', productName: 'Confiture', quantity: 1, unitPriceCents: 500 }])], offers);
    expect(groups[0]!.rows[0]!.producers).toEqual([
      { producerId: '?', producerName: '?', items: [{ productId: 'gone', productName: 'Confiture', quantity: 1, weight: null }] },
    ]);
  });

  it('prints nothing for a distribution without orders', () => {
    expect(pickupGroups([], offers, [early])).toEqual([]);
  });
});

describe('the producer delivery sheets', () => {
  it('per producer by name: totals per product to bring, then the baskets by number with each one’s quantity', () => {
    const orders = [
      order('Zoé', [line('carottes', 2), line('pommes', 1)]),
      order('Anne', [line('carottes', 1), line('poireaux', 2)]),
      order('Annulée', [line('carottes', 5)], { cancelled: true }),
      order('Bruno', [line('carottes', 4), line('carottes', 1)]),
    ];
    const [anne, zoe, bruno] = [orders[1]!, orders[0]!, orders[3]!];
    const sheets = deliverySheets(orders, offers);
    expect(sheets.map((sheet) => sheet.producerName)).toEqual(['Ferme du Bois', 'Verger Martin']);
    const [boisSheet, vergerSheet] = sheets;
    expect(boisSheet!.products.map((product) => [product.productName, product.unit, product.packDescription, product.quantity])).toEqual([
      ['Carottes', 'kg', 'sachet de 1 kg', 8],
      ['Poireaux', 'botte', '', 2],
    ]);
    expect(boisSheet!.products[0]!.baskets).toEqual([
      { orderId: zoe.order.id, basketNumber: zoe.order.basketNumber, name: 'Zoé', quantity: 2, weight: null },
      { orderId: anne.order.id, basketNumber: anne.order.basketNumber, name: 'Anne', quantity: 1, weight: null },
      { orderId: bruno.order.id, basketNumber: bruno.order.basketNumber, name: 'Bruno', quantity: 5, weight: null },
    ]);
    expect(vergerSheet!.products).toEqual([
      {
        productId: 'pommes',
        productName: 'Pommes',
        unit: 'kg',
        packDescription: '',
        quantity: 1,
        weight: null,
        baskets: [{ orderId: zoe.order.id, basketNumber: zoe.order.basketNumber, name: 'Zoé', quantity: 1, weight: null }],
      },
    ]);
  });

  it('names a product as the catalogue does today; a producer with nothing ordered gets no sheet', () => {
    const renamed = { ...line('pommes', 2), productName: 'Pommes (ancien nom)' };
    const sheets = deliverySheets([order('Anne', [renamed])], offers);
    expect(sheets).toHaveLength(1);
    expect(sheets[0]!.products[0]!.productName).toBe('Pommes');
  });
});

describe('the distribution summary', () => {
  it('counts orders and amounts, per producer, lists offered producers with nothing to bring, and fills the slots', () => {
    const summary = distributionSummary(
      [
        order('Anne', [line('carottes', 2), line('poireaux', 1), line('pommes', 1)], { slotId: early.id }),
        order('Bruno', [line('carottes', 1)], { slotId: early.id }),
        order('Chloé', [line('pommes', 3)], { slotId: late.id }),
        order('Denis', [line('pommes', 3)]),
        order('Annulée', [line('miel', 3)], { cancelled: true, slotId: late.id }),
      ],
      offers,
      [late, early, unused],
    );
    expect(summary.orderCount).toBe(4);
    expect(summary.totalCents).toBe(500 + 300 + 280 + 250 + 840 + 840);
    expect(summary.producers).toEqual([
      { producerId: bois.id, producerName: 'Ferme du Bois', orderCount: 2, quantity: 4, totalCents: 1050 },
      { producerId: verger.id, producerName: 'Verger Martin', orderCount: 3, quantity: 7, totalCents: 1960 },
    ]);
    expect(summary.producersWithoutOrders).toEqual([miel]);
    expect(summary.slots).toEqual([
      { slot: early, orderCount: 2 },
      { slot: late, orderCount: 1 },
      { slot: unused, orderCount: 0 },
    ]);
    expect(summary.unslotted).toBe(1);
  });
});

describe('the sheets agree with each other, whatever the orders', () => {
  const productIds = offers.map((entry) => entry.product.id);
  const orderArb = fc.record({
    name: fc.string({ maxLength: 12 }),
    cancelled: fc.boolean(),
    slot: fc.constantFrom<string | null | undefined>(undefined, null, early.id, late.id, 's-removed'),
    lines: fc.array(
      fc.record({ productId: fc.constantFrom(...productIds), quantity: fc.integer({ min: 1, max: 50 }), unitPriceCents: fc.integer({ min: 0, max: 5000 }) }),
      { maxLength: 6 },
    ),
  });

  it('every active unit prints once on the pickup sheet and once on a delivery sheet, and the amounts add up', () => {
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 25 }), (drafts) => {
        const orders = drafts.map((draft) =>
          order(draft.name, draft.lines.map((entry) => line(entry.productId, entry.quantity, entry.unitPriceCents)), {
            cancelled: draft.cancelled,
            ...(draft.slot === undefined ? {} : { slotId: draft.slot }),
          }),
        );
        const active = orders.filter(({ order: o }) => o.cancelledAt === null && o.lines.length > 0);
        const units = active.flatMap(({ order: o }) => o.lines).reduce((sum, l) => sum + l.quantity, 0);
        const amount = active.flatMap(({ order: o }) => o.lines).reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);

        const groups = pickupGroups(orders, offers, [early, late]);
        const rows = groups.flatMap((group) => group.rows);
        expect(rows.map((row) => row.orderId).sort()).toEqual(active.map(({ order: o }) => o.id).sort());
        expect(rows.flatMap((row) => row.producers.flatMap((p) => p.items)).reduce((sum, item) => sum + item.quantity, 0)).toBe(units);
        expect(rows.reduce((sum, row) => sum + row.totalCents, 0)).toBe(amount);

        const sheets = deliverySheets(orders, offers);
        const products = sheets.flatMap((sheet) => sheet.products);
        expect(products.reduce((sum, product) => sum + product.quantity, 0)).toBe(units);
        for (const product of products) {
          expect(product.baskets.reduce((sum, basket) => sum + basket.quantity, 0)).toBe(product.quantity);
        }

        const summary = distributionSummary(orders, offers, [early, late]);
        expect(summary.orderCount).toBe(active.length);
        expect(summary.totalCents).toBe(amount);
        expect(summary.producers.reduce((sum, producer) => sum + producer.totalCents, 0)).toBe(amount);
        expect(summary.slots.reduce((sum, filling) => sum + filling.orderCount, 0) + summary.unslotted).toBe(active.length);
      }),
    );
  });
});

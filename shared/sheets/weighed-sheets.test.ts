import { describe, expect, it } from 'vitest';
import { deliverySheets } from './delivery-sheet';
import { pickupGroups } from './pickup-sheet';
import type { SheetLine, SheetOffer, SheetOrderView } from './source';

// Tomme de vache at 18,90 € per kg, about 400 g a piece (issue 15).
const bois = { id: 'p-bois', name: 'Ferme du Bois' };
const offers: SheetOffer[] = [
  { product: { id: 'tomme', name: 'Tomme de vache', unit: 'piece', packDescription: '', producerId: bois.id }, producer: bois },
  { product: { id: 'carottes', name: 'Carottes', unit: 'kg', packDescription: '', producerId: bois.id }, producer: bois },
];
const tomme = (quantity: number, weighedGrams: number | null): SheetLine => ({ productId: 'tomme', productName: 'Tomme de vache', quantity, unitPriceCents: 1890, pieceGrams: 400, weighedGrams });
const carrots: SheetLine = { productId: 'carottes', productName: 'Carottes', quantity: 2, unitPriceCents: 250 };
const order = (basketNumber: number, name: string, lines: SheetLine[]): SheetOrderView => ({
  order: { id: `o${basketNumber}`, basketNumber, lines, cancelledAt: null },
  member: { name, phone: '' },
});

describe('the sheets of lines sold by weight (issue 15)', () => {
  const orders = [order(1, 'Anne', [tomme(3, 1311), carrots]), order(2, 'Marc', [tomme(1, null)])];

  it('the pickup sheet shows each bag’s estimate and its weighing, and totals at the weighed price', () => {
    const rows = pickupGroups(orders, offers)[0]!.rows;
    const items = (name: string) => rows.find((row) => row.name === name)!.producers[0]!.items;
    expect(items('Anne').map((item) => [item.productName, item.weight])).toEqual([
      ['Carottes', null],
      ['Tomme de vache', { estimatedGrams: 1200, weighedGrams: 1311 }],
    ]);
    expect(items('Marc')[0]!.weight).toEqual({ estimatedGrams: 400, weighedGrams: null });
    // 1311 g × 18,90 €/kg = 24,78 € + 2 × 2,50 €; Marc's piece at the estimate, 400 g = 7,56 €.
    expect(rows.find((row) => row.name === 'Anne')!.totalCents).toBe(2478 + 500);
    expect(rows.find((row) => row.name === 'Marc')!.totalCents).toBe(756);
  });

  it('the delivery sheet shows the estimate to bring, and the weighed total only once every bag is weighed', () => {
    const product = deliverySheets(orders, offers)[0]!.products.find((candidate) => candidate.productId === 'tomme')!;
    expect(product.weight).toEqual({ estimatedGrams: 1600, weighedGrams: null });
    expect(product.baskets.map((basket) => [basket.name, basket.weight])).toEqual([
      ['Anne', { estimatedGrams: 1200, weighedGrams: 1311 }],
      ['Marc', { estimatedGrams: 400, weighedGrams: null }],
    ]);
    const allWeighed = deliverySheets([orders[0]!, order(2, 'Marc', [tomme(1, 388)])], offers)[0]!.products.find((candidate) => candidate.productId === 'tomme')!;
    expect(allWeighed.weight).toEqual({ estimatedGrams: 1600, weighedGrams: 1699 });
  });
});

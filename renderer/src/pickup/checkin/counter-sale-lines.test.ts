import { describe, expect, it } from 'vitest';
import { readSale } from './counter-sale-lines';

const tomme = { priceCents: 1890, product: { id: 'tomme', name: 'Tomme de vache', pricing: 'weight' as const, pieceGrams: 400 } };
const bread = { priceCents: 380, product: { id: 'bread', name: 'Pain', pricing: 'unit' as const, pieceGrams: null } };

describe('the counter sale as typed', () => {
  it('charges pieces sold by weight on the weight typed at the counter, not on the estimate', () => {
    const sale = readSale([tomme, bread], { tomme: '2', bread: '1' }, { tomme: '0,912 kg' });
    expect(sale.problems).toEqual([]);
    expect(sale.lines.map(({ row, quantity, grams }) => [row.product.id, quantity, grams])).toEqual([
      ['tomme', 2, 912],
      ['bread', 1, null],
    ]);
    // 912 g at 18,90 €/kg = 17,24 € (the estimate, 2 × 400 g, would be 15,12 €), plus 3,80 €.
    expect(sale.totalCents).toBe(1724 + 380);
  });

  it('until the weight is typed, shows the estimate and says the pieces must be weighed', () => {
    const sale = readSale([tomme], { tomme: '2' }, {});
    expect(sale.totalCents).toBe(1512);
    expect(sale.problems).toEqual([{ path: 'weight-tomme', key: 'error.counterWeighFirst', params: { product: 'Tomme de vache' } }]);
  });

  it('names an unreadable weight or quantity, and ignores a weight without pieces', () => {
    expect(readSale([tomme], { tomme: '1' }, { tomme: '437,5 g' }).problems).toEqual([{ path: 'weight-tomme', key: 'weight.wholeGrams' }]);
    expect(readSale([tomme, bread], { tomme: '', bread: 'deux' }, { tomme: '500' })).toEqual({
      lines: [],
      totalCents: 0,
      problems: [{ path: 'quantity-bread', key: 'counter.sale.quantityUnreadable' }],
    });
  });
});

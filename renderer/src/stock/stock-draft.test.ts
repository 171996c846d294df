import { describe, expect, it } from 'vitest';
import type { StockCell, StockGrid } from '../../../shared/catalogue/views';
import { cellKey, cellState, copyWeek, fillDefaults, pendingEntries, readPrice, readQuantity, savedDraft, textOfCell } from './stock-draft';

const words = { unlimited: 'illimité', decimalSeparator: ',' };
const [d1, d2] = ['d1', 'd2'];
const [carrots, leeks] = ['carrots', 'leeks'];

function grid(cells: Partial<StockCell>[] = [], previous: Partial<StockCell>[] = []): StockGrid {
  const cell = (partial: Partial<StockCell>): StockCell => ({
    distributionId: d1,
    productId: carrots,
    offered: true,
    quantity: 10,
    priceCents: null,
    ordered: 0,
    ...partial,
  });
  return {
    producer: { id: 'p', name: 'Ferme du Bois' },
    products: [
      { id: carrots, name: 'Carottes', defaultStock: 20 },
      { id: leeks, name: 'Poireaux', defaultStock: null },
    ],
    distributions: [{ id: d1 }, { id: d2 }],
    cells: cells.map(cell),
    previous: previous.map(cell),
  } as unknown as StockGrid;
}

describe('reading a quantity cell', () => {
  it('reads empty as not offered, digits as stock, * ∞ and the word as unlimited', () => {
    expect(readQuantity('  ')).toEqual({ ok: true, value: { kind: 'none' } });
    expect(readQuantity(' 12 ')).toEqual({ ok: true, value: { kind: 'stock', value: 12 } });
    expect(readQuantity('0')).toEqual({ ok: true, value: { kind: 'stock', value: 0 } });
    for (const text of ['*', '∞', 'illimité', 'Illimite', 'unlimited']) {
      expect(readQuantity(text)).toEqual({ ok: true, value: { kind: 'unlimited' } });
    }
  });

  it('says why a text is refused', () => {
    expect(readQuantity('2,5')).toMatchObject({ ok: false, problem: { key: 'validation.wholeUnits' } });
    expect(readQuantity('-3')).toMatchObject({ ok: false, problem: { key: 'validation.notNegative' } });
    expect(readQuantity('100001')).toMatchObject({ ok: false, problem: { key: 'validation.tooBig' } });
    expect(readQuantity('beaucoup')).toMatchObject({ ok: false, problem: { key: 'stock.badQuantity' } });
  });

  it('reads a price of the week with a comma or a point, empty = catalogue price', () => {
    expect(readPrice('')).toEqual({ ok: true, value: null });
    expect(readPrice('2,50')).toEqual({ ok: true, value: 250 });
    expect(readPrice('2.5 €')).toEqual({ ok: true, value: 250 });
    expect(readPrice('deux')).toMatchObject({ ok: false, problem: { key: 'import.badPrice', params: { price: 'deux' } } });
  });
});

describe('changes', () => {
  it('compares by meaning: "12 " is 12, "*" is the saved unlimited', () => {
    expect(cellState({ offered: true, quantity: 12, priceCents: null } as StockCell, { quantity: '12 ', price: '' }).changed).toBe(false);
    expect(cellState({ offered: true, quantity: null, priceCents: null } as StockCell, { quantity: '*', price: '' }).changed).toBe(false);
    expect(cellState(undefined, { quantity: '', price: '' }).changed).toBe(false);
    expect(cellState(undefined, { quantity: '3', price: '' }).changed).toBe(true);
  });

  it('sends only changed cells, an emptied offer as a withdrawal, and lists unreadable cells instead', () => {
    const saved = grid([{ quantity: 10 }, { productId: leeks, quantity: null, priceCents: 300 }]);
    const draft = {
      ...savedDraft(saved, words),
      [cellKey(d1, carrots)]: { quantity: '', price: '' },
      [cellKey(d2, carrots)]: { quantity: '*', price: '1,90' },
      [cellKey(d2, leeks)]: { quantity: 'x', price: '' },
    };
    const { entries, problems } = pendingEntries(saved, draft);
    expect(entries).toEqual([
      { distributionId: d1, productId: carrots, quantity: null, withdraw: true },
      { distributionId: d2, productId: carrots, quantity: null, priceCents: 190 },
    ]);
    expect(problems).toEqual([{ distributionId: d2, productId: leeks, problem: { key: 'stock.badQuantity' } }]);
  });

  it('shows a saved offer with its price of the week as text', () => {
    expect(textOfCell({ offered: true, quantity: null, priceCents: 250 }, words)).toEqual({ quantity: 'illimité', price: '2,50' });
    expect(textOfCell(undefined, words)).toEqual({ quantity: '', price: '' });
  });
});

describe('copy last week and fill default stock', () => {
  it('copies only what was offered, never withdraws, and counts the cells changed', () => {
    const saved = grid([{ distributionId: d2, productId: leeks, quantity: 4 }]);
    const draft = savedDraft(saved, words);
    const source = (productId: string) => (productId === carrots ? { quantity: '8', price: '2,00' } : { quantity: '', price: '' });
    const { draft: next, count } = copyWeek(draft, [carrots, leeks], source, d2);
    expect(count).toBe(1);
    expect(next[cellKey(d2, carrots)]).toEqual({ quantity: '8', price: '2,00' });
    expect(next[cellKey(d2, leeks)]).toEqual({ quantity: '4', price: '' });
  });

  it('fills only empty cells of products that have a default stock', () => {
    const saved = grid([{ distributionId: d1, productId: carrots, quantity: 5 }]);
    const { draft, count } = fillDefaults(savedDraft(saved, words), saved.products, [d1, d2]);
    expect(count).toBe(1);
    expect(draft[cellKey(d1, carrots)]!.quantity).toBe('5');
    expect(draft[cellKey(d2, carrots)]!.quantity).toBe('20');
    expect(draft[cellKey(d2, leeks)]!.quantity).toBe('');
  });
});

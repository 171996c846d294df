import { describe, expect, it } from 'vitest';
import type { Product } from '../../../shared/model/product';
import { changedProductFields, priceText, productText, readProductText, readStock } from './product-draft';

const relay = { country: 'BE' as const, categories: ['légumes', 'fruits'] };

const carrots: Product = {
  id: '00000000-0000-4000-8000-000000000001',
  producerId: '00000000-0000-4000-8000-000000000002',
  name: 'Carottes',
  category: 'légumes',
  unit: 'botte',
  packDescription: 'botte de 1 kg',
  priceCents: 250,
  vatRateBp: 600,
  defaultStock: 12,
  pricing: 'unit',
  pieceGrams: null,
  archivedAt: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

describe('the product form', () => {
  it('shows prices the way they are typed in each language', () => {
    expect(priceText('fr', 250)).toBe('2,50');
    expect(priceText('en', 1205)).toBe('12.05');
    expect(priceText('fr', 7)).toBe('0,07');
  });

  it('starts a new product with the first category and the reduced food VAT rate', () => {
    expect(productText('fr', relay)).toMatchObject({ category: 'légumes', vatRateBp: '600', unit: 'kg', priceCents: '' });
    expect(productText('fr', { ...relay, country: 'FR' }).vatRateBp).toBe('550');
  });

  it('reads a price with a decimal comma into cents, and refuses what is not an amount', () => {
    const text = { ...productText('fr', relay, carrots), priceCents: '3,2' };
    expect(readProductText(text)).toMatchObject({ ok: true, fields: { priceCents: 320, defaultStock: 12, vatRateBp: 600 } });
    expect(readProductText({ ...text, priceCents: 'deux euros' })).toEqual({
      ok: false,
      issues: [{ path: 'priceCents', key: 'catalogue.priceUnreadable' }],
    });
  });

  it('leaves a stock that is not whole to the server, but stops one that is not a number', () => {
    expect(readStock('')).toEqual({ ok: true, value: null });
    expect(readStock('2,5')).toEqual({ ok: true, value: 2.5 });
    expect(readStock('beaucoup')).toEqual({ ok: false });
  });

  it('asks for a producer before sending', () => {
    const read = readProductText({ ...productText('fr', relay), name: 'Poireaux', priceCents: '2' });
    expect(read).toEqual({ ok: false, issues: [{ path: 'producerId', key: 'validation.required' }] });
  });

  it('sends only what changed in an edit', () => {
    const read = readProductText({ ...productText('fr', relay, carrots), priceCents: '2,80' });
    if (!read.ok) throw new Error('unreadable');
    expect(changedProductFields(carrots, read.fields)).toEqual({ priceCents: 280 });
  });

  it('reads a price per kg with the piece estimate typed like a weighing, and refuses one without it (issue 15)', () => {
    const text = { ...productText('fr', relay, carrots), pricing: 'weight', priceCents: '18,90' };
    const read = readProductText({ ...text, pieceGrams: '0,4 kg' });
    expect(read).toMatchObject({ ok: true, fields: { pricing: 'weight', pieceGrams: 400, priceCents: 1890 } });
    if (!read.ok) throw new Error('unreadable');
    expect(changedProductFields(carrots, read.fields)).toEqual({ priceCents: 1890, pricing: 'weight', pieceGrams: 400 });
    expect(readProductText({ ...text, pieceGrams: '' })).toEqual({ ok: false, issues: [{ path: 'pieceGrams', key: 'validation.pieceGramsRequired' }] });
    expect(readProductText({ ...text, pieceGrams: 'gros' })).toEqual({ ok: false, issues: [{ path: 'pieceGrams', key: 'weight.unreadable' }] });
    // Back to a price per unit: the estimate is dropped.
    expect(readProductText({ ...text, pricing: 'unit', pieceGrams: '400' })).toMatchObject({ ok: true, fields: { pricing: 'unit', pieceGrams: null } });
  });
});

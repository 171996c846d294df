import { describe, expect, it } from 'vitest';
import type { OfferRow } from '../../../shared/catalogue/views';
import { catalogueSections } from './catalogue-sections';

function row(producer: string, product: string, category: string): OfferRow {
  return {
    offer: { id: `${producer}/${product}` },
    producer: { id: producer, name: producer },
    product: { id: product, name: product, category },
  } as unknown as OfferRow;
}

const rows = [
  row('Verger Martin', 'Pommes', 'fruits'),
  row('Ferme du Bois', 'Poireaux', 'légumes'),
  row('Ferme du Bois', 'Carottes', 'légumes'),
  row('Ferme du Bois', 'Œufs', 'épicerie locale'),
];

describe('catalogueSections', () => {
  it('groups by producer, producers and products in French alphabetical order (Œ as OE)', () => {
    const sections = catalogueSections(rows, 'producer');
    expect(sections.map((section) => section.title)).toEqual(['Ferme du Bois', 'Verger Martin']);
    expect(sections[0]!.rows.map((r) => r.product.name)).toEqual(['Carottes', 'Œufs', 'Poireaux']);
  });

  it('groups by category in the relay’s order, unknown categories last', () => {
    const sections = catalogueSections(rows, 'category', ['légumes', 'fruits']);
    expect(sections.map((section) => section.title)).toEqual(['légumes', 'fruits', 'épicerie locale']);
    expect(sections[0]!.rows.map((r) => r.product.name)).toEqual(['Carottes', 'Poireaux']);
  });
});

import { describe, expect, it } from 'vitest';
import type { CsvRow } from '../csv/parse';
import { planIntake } from './plan';
import { offerIndex, type IntakeOffer } from './product-match';
import { readIntakeFile } from './read-responses';

const offer = (productId: string, productName: string, producerName: string): IntakeOffer => ({
  productId, productName, producerName, unit: 'piece', priceCents: 380, quantity: null,
});
const carrots = offer('p-carrots', 'Carottes', 'Ferme du Bois');
const otherCarrots = offer('p-carrots-2', 'Carottes', 'Jardin d’Élise');
const bread = offer('p-bread', 'Pain', 'Boulangerie Martin');
const index = offerIndex([carrots, otherCarrots, bread], ['Carottes', 'Pain']);

// An export whose titles the matching cannot place: "Courriel perso", "Baguette", and "Carottes" sold by two producers.
const header = ['Horodateur', 'Qui', 'Courriel perso', 'Baguette', 'Carottes', 'Carottes (Jardin d’Élise)'];
const rows: CsvRow[] = [{ line: 2, cells: ['2026-03-03 10:00', 'Anne Leroy', 'anne@example.org', '2', '1', '3'] }];
const file = { header, rows, errors: [] };

function read(chosen: (string | null)[] = []) {
  return readIntakeFile('reponses.csv', file, index, chosen);
}

describe('the mapping step of an online form’s export', () => {
  it('shows every column with its values and what it feeds, a product as product:<id>', () => {
    expect(read().mappings).toEqual([
      { header: 'Horodateur', samples: ['2026-03-03 10:00'], column: null },
      { header: 'Qui', samples: ['Anne Leroy'], column: null },
      { header: 'Courriel perso', samples: ['anne@example.org'], column: null },
      { header: 'Baguette', samples: ['2'], column: null },
      // Two producers sell carrots: the column feeds no product until the organiser says which.
      { header: 'Carottes', samples: ['1'], column: null },
      { header: 'Carottes (Jardin d’Élise)', samples: ['3'], column: 'product:p-carrots-2' },
    ]);
    expect(read().issues.map((issue) => issue.key)).toEqual(['intake.noMemberColumn']);
  });

  it('reads the columns as the organiser mapped them: a renamed member column, a product under another name, one ignored', () => {
    const mapped = read([null, 'name', 'email', 'product:p-bread', 'product:p-carrots', null]);
    expect(mapped.issues).toEqual([]);
    expect(mapped.responses).toEqual([
      expect.objectContaining({ name: 'Anne Leroy', email: 'anne@example.org', cells: [
        expect.objectContaining({ header: 'Baguette', raw: '2', match: { kind: 'offer', offer: bread } }),
        expect.objectContaining({ header: 'Carottes', raw: '1', match: { kind: 'offer', offer: carrots } }),
      ] }),
    ]);
    expect(mapped.ignoredColumns).toEqual(['Horodateur', 'Carottes (Jardin d’Élise)']);
    const plan = planIntake([{ name: 'reponses.csv', ...mapped }], { offers: [carrots, otherCarrots, bread], ordered: new Map(), orders: [], members: [] });
    expect(plan.writes[0]!.lines).toEqual([{ productId: 'p-bread', quantity: 2 }, { productId: 'p-carrots', quantity: 1 }]);
    expect(plan.files[0]!.mappings!.map((mapping) => mapping.column)).toEqual([null, 'name', 'email', 'product:p-bread', 'product:p-carrots', null]);
    expect(plan.products.map((product) => product.productId)).toEqual(['p-carrots', 'p-carrots-2', 'p-bread']);
  });

  it('a column two producers share, left as it was while another column is remapped, still has its cells refused and listed', () => {
    const mapped = read([null, 'name', 'email', 'product:p-bread', null, null]);
    expect(mapped.ignoredColumns).toEqual(['Horodateur', 'Carottes (Jardin d’Élise)']);
    const plan = planIntake([{ name: 'reponses.csv', ...mapped }], { offers: [carrots, otherCarrots, bread], ordered: new Map(), orders: [], members: [] });
    expect(plan.writes[0]!.lines).toEqual([{ productId: 'p-bread', quantity: 2 }]);
    expect(plan.orders[0]!.refused).toEqual([expect.objectContaining({ header: 'Carottes', raw: '1', key: 'intake.ambiguousProduct' })]);
  });

  it('ignores a choice that names no product on sale or no field, never trusting it', () => {
    const mapped = read([null, 'name', 'email', 'product:p-gone', 'password', null]);
    expect(mapped.ignoredColumns).toEqual(['Horodateur', 'Baguette', 'Carottes', 'Carottes (Jardin d’Élise)']);
    expect(mapped.issues.map((issue) => issue.key)).toEqual(['intake.noProductColumn']);
  });
});

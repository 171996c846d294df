import { describe, expect, it } from 'vitest';
import type { CsvRow } from '../csv/parse';
import type { Member } from '../model/member';
import { planIntake, type IntakeState } from './plan';
import { matchProductHeader, offerIndex, type IntakeOffer } from './product-match';
import { readIntakeFile } from './read-responses';

const offer = (productId: string, productName: string, producerName: string, quantity: number | null, priceCents = 250): IntakeOffer => ({
  productId, productName, producerName, unit: 'kg', priceCents, quantity,
});
const carrots = offer('p-carrots', 'Carottes', 'Ferme du Bois', 10);
const otherCarrots = offer('p-carrots-2', 'Carottes', 'Jardin d’Élise', null, 300);
const bread = offer('p-bread', 'Pain', 'Boulangerie Martin', 3, 380);

const member = (id: string, name: string, email = ''): Member =>
  ({ id, name, email, phone: '', notes: '', preferredPickupTime: null, archivedAt: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }) as Member;

function table(header: string[], rows: string[][]): { header: string[]; rows: CsvRow[]; errors: [] } {
  return { header, rows: rows.map((cells, index) => ({ line: index + 2, cells })), errors: [] };
}

function state(overrides: Partial<IntakeState> = {}): IntakeState {
  return { offers: [carrots, bread], ordered: new Map(), orders: [], members: [], ...overrides };
}

function plan(header: string[], rows: string[][], current: IntakeState = state()) {
  const index = offerIndex(current.offers, [...current.offers.map((each) => each.productName), 'Fraises']);
  return planIntake([{ name: 'reponses.csv', ...readIntakeFile('reponses.csv', table(header, rows), index) }], current);
}

describe('product columns of an online form’s export', () => {
  const index = offerIndex([carrots, otherCarrots, bread], ['Carottes', 'Pain', 'Fraises']);

  it('takes a product by its name, accents and case ignored, and by "Product (Producer)" when two producers sell it', () => {
    expect(matchProductHeader(index, 'PAIN')).toMatchObject({ kind: 'offer', offer: { productId: 'p-bread' } });
    expect(matchProductHeader(index, 'Carottes (Jardin d\'Elise)')).toMatchObject({ kind: 'offer', offer: { productId: 'p-carrots-2' } });
    expect(matchProductHeader(index, 'Votre commande [Carottes (Ferme du Bois)]')).toMatchObject({ kind: 'offer', offer: { productId: 'p-carrots' } });
    expect(matchProductHeader(index, 'Pain (pièce)')).toMatchObject({ kind: 'offer', offer: { productId: 'p-bread' } });
  });

  it('never guesses between two producers, says when a product is not on sale, and leaves other columns alone', () => {
    expect(matchProductHeader(index, 'Carottes')).toEqual({ kind: 'ambiguous', name: 'Carottes', producers: ['Ferme du Bois', 'Jardin d’Élise'] });
    expect(matchProductHeader(index, 'Fraises')).toEqual({ kind: 'notOnSale', name: 'Fraises' });
    expect(matchProductHeader(index, 'Horodateur')).toEqual({ kind: 'none' });
  });
});

describe('planning the orders of an online form’s export', () => {
  const header = ['Horodateur', 'Nom', 'Adresse e-mail', 'Téléphone', 'Carottes', 'Pain'];

  it('matches members by e-mail first, then by name, and proposes the others as new members', () => {
    const members = [member('m-anne', 'Anne Leroy', 'anne@example.org'), member('m-paul', 'Paul Petit')];
    const result = plan(header, [
      ['2026-03-03 10:00', 'Anne L.', 'ANNE@example.org', '', '2', ''],
      ['2026-03-03 10:05', 'paul petit', '', '', '', '1'],
      ['2026-03-03 10:06', 'Zoé Neuve', 'zoe@example.org', '0470 12 34 56', '1', ''],
    ], state({ members }));
    expect(result.orders.map(({ memberId, matchedBy, name, action }) => ({ memberId, matchedBy, name, action }))).toEqual([
      { memberId: 'm-anne', matchedBy: 'email', name: 'Anne Leroy', action: 'create' },
      { memberId: 'm-paul', matchedBy: 'name', name: 'Paul Petit', action: 'create' },
      { memberId: null, matchedBy: null, name: 'Zoé Neuve', action: 'create' },
    ]);
    expect(result.counts).toMatchObject({ ordersCreated: 3, membersCreated: 1, linesRefused: 0 });
    expect(result.writes[2]).toEqual({ memberId: null, newMember: { name: 'Zoé Neuve', email: 'zoe@example.org', phone: '0470 12 34 56' }, orderId: null, lines: [{ productId: 'p-carrots', quantity: 1 }] });
    expect(result.files[0]?.ignoredColumns).toEqual(['Horodateur']);
  });

  it('refuses the line beyond the remaining stock, with its row and the stock left, and never oversells across responses', () => {
    const result = plan(header, [
      ['', 'Anne', '', '', '1', '2'],
      ['', 'Paul', '', '', '3', '2'],
    ], state({ ordered: new Map([['p-carrots', 8]]) }));
    expect(result.orders[0]!.lines.map(({ productId, quantity }) => [productId, quantity])).toEqual([['p-carrots', 1], ['p-bread', 2]]);
    expect(result.orders[0]!.totalCents).toBe(250 + 2 * 380);
    // Paul wants 3 carrots but 1 is left; 2 loaves but 1 is left: both refused, his order has nothing and is not written.
    expect(result.orders[1]!.refused).toEqual([
      { line: 3, header: 'Carottes', raw: '3', key: 'intake.overStock', params: { product: 'Carottes', wanted: 3, remaining: 1 } },
      { line: 3, header: 'Pain', raw: '2', key: 'intake.overStock', params: { product: 'Pain', wanted: 2, remaining: 1 } },
    ]);
    expect(result.orders[1]!.action).toBeNull();
    expect(result.stock).toEqual([
      expect.objectContaining({ productId: 'p-carrots', quantity: 10, orderedBefore: 8, orderedAfter: 9 }),
      expect.objectContaining({ productId: 'p-bread', quantity: 3, orderedBefore: 0, orderedAfter: 2 }),
    ]);
    expect(result.counts.linesRefused).toBe(2);
  });

  it('sets the quantity of a member’s existing order instead of adding a second order, so the same file twice changes nothing', () => {
    const existing = { id: 'o-anne', memberId: 'm-anne', cancelledAt: null, lines: [{ id: 'l1', productId: 'p-carrots', productName: 'Carottes', quantity: 2, unitPriceCents: 200, vatRateBp: 600, addedAt: '2026-03-03T00:00:00.000Z', missing: null, pieceGrams: null, weighedGrams: null }] };
    const members = [member('m-anne', 'Anne', 'anne@example.org')];
    // Her 2 kg are already counted in the 10: asking 2 again takes nothing more.
    const current = state({ members, orders: [existing], ordered: new Map([['p-carrots', 10]]) });
    const same = plan(header, [['', 'Anne', 'anne@example.org', '', '2', '']], current);
    expect(same.orders[0]).toMatchObject({ orderId: 'o-anne', action: 'unchanged', totalCents: 400 });
    expect(same.writes).toEqual([]);
    const more = plan(header, [['', 'Anne', 'anne@example.org', '', '1', '1']], current);
    expect(more.orders[0]).toMatchObject({ action: 'update', totalCents: 200 + 380 });
    expect(more.writes).toEqual([{ memberId: 'm-anne', newMember: null, orderId: 'o-anne', lines: [{ productId: 'p-carrots', quantity: 1 }, { productId: 'p-bread', quantity: 1 }] }]);
  });

  it('names the row and the reason of every response or cell it leaves out', () => {
    const result = plan([...header, 'Fraises'], [
      ['', '', '', '', '1', '', ''],
      ['', 'Anne', 'pas-un-mail', '', '1', '', ''],
      ['', 'Paul', '', '', '1,5', '1', '2'],
      ['', 'paul', '', '', '1', '', ''],
      ['', 'Léa', '', '', '', '', ''],
      ['', 'Marc', '', '', 'deux', '', ''],
    ]);
    expect(result.orders.map(({ line, issues }) => [line, issues.map((issue) => issue.key)])).toEqual([
      [2, ['intake.noMember']], [3, ['intake.badEmail']], [4, []], [5, ['intake.duplicateMember']], [6, ['intake.nothingOrdered']], [7, []],
    ]);
    expect(result.orders.flatMap((order) => order.refused).map(({ line, header: column, key }) => [line, column, key])).toEqual([
      [4, 'Carottes', 'intake.wholeUnits'], [4, 'Fraises', 'intake.notOnSale'], [7, 'Carottes', 'intake.badQuantity'],
    ]);
    expect(result.orders[5]!.action).toBeNull();
  });
});

describe('a Microsoft Forms export', () => {
  it('takes the member from the form’s own questions when its "Email" and "Name" columns say anonymous', () => {
    const result = plan(['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Votre nom', 'Votre e-mail', 'Pain'], [
      ['1', '3/3/26 10:00:00', '3/3/26 10:02:00', 'anonymous', '', 'Anne Leroy', 'anne@example.org', '1'],
    ], state({ members: [member('m-anne', 'Anne Leroy', 'anne@example.org')] }));
    expect(result.orders.map(({ memberId, matchedBy, issues }) => ({ memberId, matchedBy, issues }))).toEqual([{ memberId: 'm-anne', matchedBy: 'email', issues: [] }]);
    expect(result.files[0]!.ignoredColumns).toEqual(['ID', 'Start time', 'Completion time']);
  });
});

describe('a returned order form', () => {
  it('reads the member from the labelled cells and the quantities from the product rows', () => {
    const form = table(['Bon de commande — distribution du 2026-03-06'], [
      ['Nom', 'Anne Leroy'], ['E-mail', 'anne@example.org'], ['Téléphone', ''],
      ['Produit', 'Producteur', 'Unité', 'Prix (€)', 'Stock restant', 'Quantité'],
      ['Carottes', 'Ferme du Bois', 'kg', '2.5', '10', '3'],
      ['Pain', 'Boulangerie Martin', 'pièce', '3.8', '3', ''],
    ]);
    const read = readIntakeFile('anne.xlsx', form, offerIndex([carrots, bread], []));
    expect(read.kind).toBe('orderForm');
    expect(read.responses).toEqual([
      { file: 'anne.xlsx', line: 2, name: 'Anne Leroy', email: 'anne@example.org', phone: '', cells: [expect.objectContaining({ line: 6, header: 'Carottes', raw: '3' })] },
    ]);
  });
});

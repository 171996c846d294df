import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv/parse';
import type { Producer } from '../model/producer';
import type { Product } from '../model/product';
import { planCatalogueImport, type ImportPlan } from './import-plan';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 bytes (Excel on Windows) for the accented letters these files use. */
function cp1252(text: string): Uint8Array {
  const table: Record<string, number> = { é: 0xe9, è: 0xe8, É: 0xc9, â: 0xe2, ô: 0xf4, '€': 0x80 };
  return Uint8Array.from([...text].map((char) => table[char] ?? char.charCodeAt(0)));
}

const none = { producers: [] as Producer[], products: [] as Product[] };
const plan = (bytes: Uint8Array, existing = none, country: 'BE' | 'FR' = 'BE') => planCatalogueImport(parseCsv(bytes), existing, country);

/** Each row as "line producer/action product/action", plus its issues as "column:key". */
const summary = (result: ImportPlan) =>
  result.rows.map((row) => ({
    line: row.line,
    producer: `${row.producerName}/${row.producerAction}`,
    product: `${row.productName}/${row.productAction}`,
    issues: row.issues.map((issue) => `${issue.column}:${issue.key}`),
  }));

const at = '2026-03-02T09:00:00.000Z';
const producer = (name: string, fields: Partial<Producer> = {}): Producer => ({
  id: `00000000-0000-4000-8000-${String(name.length).padStart(12, '0')}`,
  name, businessName: '', contactName: '', email: '', phone: '', address: '', distanceKm: null, notes: '',
  archivedAt: null, createdAt: at, updatedAt: at, ...fields,
});
const product = (producerId: string, name: string, fields: Partial<Product> = {}): Product => ({
  id: `10000000-0000-4000-8000-${String(name.length).padStart(12, '0')}`,
  producerId, name, category: 'légumes', unit: 'kg', packDescription: '', priceCents: 250, vatRateBp: 600, defaultStock: null, pricing: 'unit', pieceGrams: null,
  archivedAt: null, createdAt: at, updatedAt: at, ...fields,
});

describe('column titles as organisers write them', () => {
  it('recognises French titles whatever their accents and case, and lists the titles it does not know', () => {
    const result = plan(utf8('Producteur;Produit;Catégorie;Unité;PRIX TTC;TVA (%);Stock par défaut;Conditionnement;Téléphone;E-mail;Distance (km);Remarque\n'));
    expect(result.columns).toEqual({
      producer: 0, product: 1, category: 2, unit: 3, price: 4, vat: 5, defaultStock: 6, packDescription: 7, phone: 8, email: 9, distanceKm: 10,
    });
    expect(result.unknownHeaders).toEqual(['Remarque']);
    expect(result.fileIssues).toEqual([]);
  });

  it('recognises English titles', () => {
    const result = plan(utf8('Producer,Product,Category,Unit,Price,VAT,Default stock,Farm,Address\n'));
    expect(result.columns).toEqual({ producer: 0, product: 1, category: 2, unit: 3, price: 4, vat: 5, defaultStock: 6, businessName: 7, address: 8 });
  });

  it('without a producer column, the whole file is refused (file issue) and nothing is planned', () => {
    const result = plan(utf8('Produit;Prix;TVA;Unité\nCarottes;2,50;6;kg\n'));
    expect(result.fileIssues).toEqual([{ column: 'producer', key: 'import.missingColumn', params: { column: 'producteur' } }]);
    expect(result.writes).toEqual({ producers: [], products: [] });
  });
});

describe('each kind of file gives the same plan', () => {
  const content = 'producteur;produit;catégorie;unité;prix;tva\nFerme de l’Étang;Pâté de campagne;épicerie;pot;4,50;6\nLes Prés;Œufs;produits laitiers;douzaine;3,20;6\n';
  const expected = [
    { producer: 'Ferme de l’Étang', product: { name: 'Pâté de campagne', category: 'épicerie', unit: 'pot', priceCents: 450 } },
    { producer: 'Les Prés', product: { name: 'Œufs', category: 'produits laitiers', unit: 'douzaine', priceCents: 320 } },
  ];
  const writes = (result: ImportPlan) =>
    result.writes.products.map((write, index) => ({ producer: result.writes.producers[index]!.fields.name, product: write.fields }));

  it.each([
    ['UTF-8 with BOM, semicolons', utf8(`\uFEFF${content}`)],
    ['UTF-8 without BOM, semicolons', utf8(content)],
    ['UTF-8, commas, quoted decimal commas', utf8(content.replace(/;/g, ',').replace(/(\d),(\d\d),/g, '"$1,$2",').replace(/,(\d),(\d\d)\n/g, ',"$1,$2"\n'))],
  ])('%s', (_, bytes) => {
    const result = plan(bytes);
    expect(result.rows.every((row) => row.issues.length === 0)).toBe(true);
    expect(writes(result)).toMatchObject(expected);
  });

  it('Windows-1252 bytes (é = 0xE9)', () => {
    const ascii = 'producteur;produit;catégorie;unité;prix;tva\nFerme de l’Etang;Pâté de campagne;épicerie;pot;4,50;6\n'.replace('’', "'");
    const bytes = cp1252(ascii);
    expect(bytes).toContain(0xe9);
    const result = plan(bytes);
    expect(result.columns).toMatchObject({ category: 2, unit: 3 });
    expect(result.writes.products[0]!.fields).toMatchObject({ name: 'Pâté de campagne', category: 'épicerie', priceCents: 450 });
  });

  it('decimal commas, euro signs and spaces in prices; a record with a line break inside a cell is one sheet row', () => {
    const result = plan(utf8('producteur;produit;unité;prix;tva;conditionnement\nLes Prés;Fromage;piece;"2,50 €";6;"meule\nde 500 g"\nLes Prés;Beurre;pièce;1 234,5;6;\n'));
    expect(summary(result)).toEqual([
      { line: 2, producer: 'Les Prés/create', product: 'Fromage/create', issues: [] },
      { line: 3, producer: 'Les Prés/unchanged', product: 'Beurre/create', issues: [] },
    ]);
    // "2,50 €" is a price as written; "1 234,5" had its thousands and its missing 0 interpreted.
    expect(result.rows.map((row) => row.warnings)).toEqual([
      [],
      [{ column: 'price', key: 'import.interpreted', params: { line: 3, header: 'prix', raw: '1 234,5', value: '1234,50 €' } }],
    ]);
    expect(result.writes.products.map((write) => [write.fields.priceCents, write.fields.packDescription])).toEqual([
      [250, 'meule\nde 500 g'],
      [123_450, ''],
    ]);
  });
});

describe('a malformed row is reported with its line and column; the other rows are fine', () => {
  it.each<[string, string, string | null, string]>([
    ['a price with two commas', 'Ferme B;Poireaux;botte;2,5,0;6', 'price', 'import.badPrice'],
    ['a negative price', 'Ferme B;Poireaux;botte;-2;6', 'price', 'import.badPrice'],
    ['an unknown unit', 'Ferme B;Poireaux;tonne;2,50;6', 'unit', 'import.unknownUnit'],
    ['a VAT rate Belgium does not have', 'Ferme B;Poireaux;botte;2,50;5,5', 'vat', 'import.badVat'],
    ['a missing VAT rate', 'Ferme B;Poireaux;botte;2,50;', 'vat', 'import.badVat'],
    ['a negative distance', 'Ferme B;;;;;-3', 'distanceKm', 'import.badDistance'],
    ['a fractional default stock', 'Ferme B;Poireaux;botte;2,50;6;;2,5', 'defaultStock', 'validation.wholeUnits'],
    ['a bad email', 'Ferme B;Poireaux;botte;2,50;6;;;pas-un-email', 'email', 'validation.email'],
    ['a product name longer than 120 characters', `Ferme B;${'P'.repeat(121)};botte;2,50;6`, 'product', 'validation.tooLong'],
    ['a price above 100 000 €', 'Ferme B;Poireaux;botte;100000,01;6', 'price', 'validation.tooBig'],
    ['a producer name longer than 120 characters', `${'F'.repeat(121)};Poireaux;botte;2,50;6`, 'producer', 'validation.tooLong'],
    ['an unclosed quote', 'Ferme B;"Poireaux;botte;2,50;6', null, 'csv.unclosedQuote'],
  ])('%s', (_, badRow, column, key) => {
    const header = 'producteur;produit;unité;prix;tva;distance;stock;email';
    const result = plan(utf8(`${header}\nFerme A;Carottes;kg;2,50;6\n${badRow}\nFerme C;Navets;kg;1,80;21\n`));
    expect(summary(result)).toEqual([
      { line: 2, producer: 'Ferme A/create', product: 'Carottes/create', issues: [] },
      expect.objectContaining({ line: 3, issues: [`${column}:${key}`] }),
      { line: 4, producer: 'Ferme C/create', product: 'Navets/create', issues: [] },
    ]);
    expect(result.counts).toEqual({ producersCreated: 2, producersUpdated: 0, productsCreated: 2, productsUpdated: 0, rowsWithIssues: 1 });
    expect(result.writes.products.map((write) => write.fields.name)).toEqual(['Carottes', 'Navets']);
    expect(result.writes.producers.map((write) => write.fields.name)).toEqual(['Ferme A', 'Ferme C']);
  });

  it('says which VAT rates the relay’s country allows: France has 5,5 but not 6', () => {
    const file = utf8('producteur;produit;unité;prix;tva\nFerme A;Carottes;kg;2,50;5,5\nFerme A;Navets;kg;2,50;6\n');
    const result = plan(file, none, 'FR');
    expect(result.rows[0]!.issues).toEqual([]);
    expect(result.writes.products[0]!.fields.vatRateBp).toBe(550);
    expect(result.rows[1]!.issues).toEqual([{ column: 'vat', key: 'import.badVat', params: { vat: '6', rates: '0 / 5.5 / 10 / 20' } }]);
    expect(plan(file, none, 'BE').rows[0]!.issues).toEqual([{ column: 'vat', key: 'import.badVat', params: { vat: '5,5', rates: '0 / 6 / 12 / 21' } }]);
  });
});

describe('matching what is already there', () => {
  it('matches producers and products by name, accents and case ignored: update, not duplicate', () => {
    const etang = producer('Ferme de l’Étang', { email: 'etang@ferme.be' });
    const existing = { producers: [etang], products: [product(etang.id, 'Pâté de campagne', { unit: 'pot', priceCents: 450 })] };
    const result = plan(utf8('producteur;produit;unité;prix;tva\nFERME DE L’ETANG;pate de campagne;pot;4,80;6\n'), existing);
    expect(summary(result)).toEqual([{ line: 2, producer: 'FERME DE L’ETANG/update', product: 'pate de campagne/update', issues: [] }]);
    expect(result.writes.producers).toEqual([{ key: expect.any(String), existingId: etang.id, fields: { name: 'FERME DE L’ETANG' } }]);
    expect(result.writes.products).toMatchObject([{ existingId: existing.products[0]!.id, fields: { priceCents: 480 } }]);
    expect(result.counts).toMatchObject({ producersCreated: 0, producersUpdated: 1, productsCreated: 0, productsUpdated: 1 });
  });

  it('the same product twice for one producer: the second row gets import.duplicateRow and changes nothing', () => {
    const result = plan(utf8('producteur;produit;unité;prix;tva;email\nFerme A;Carottes;kg;2,50;6;\nferme a;CAROTTES;kg;9,99;6;autre@ferme.be\nFerme B;Carottes;kg;2,00;6;\n'));
    expect(summary(result)).toEqual([
      { line: 2, producer: 'Ferme A/create', product: 'Carottes/create', issues: [] },
      expect.objectContaining({ line: 3, issues: ['product:import.duplicateRow'] }),
      { line: 4, producer: 'Ferme B/create', product: 'Carottes/create', issues: [] },
    ]);
    expect(result.writes.products.map((write) => write.fields.priceCents)).toEqual([250, 200]);
    // The refused row's other cells are not written either.
    expect(result.writes.producers[0]!.fields).toEqual({ name: 'Ferme A' });
    expect(result.counts.rowsWithIssues).toBe(1);
  });

  it('a producer-only row (no product) plans the producer alone', () => {
    const result = plan(utf8('producteur;téléphone;produit;unité;prix;tva\nLe Verger;+32 81 22 33 44;;;;\n'));
    expect(summary(result)).toEqual([{ line: 2, producer: 'Le Verger/create', product: '/null', issues: [] }]);
    expect(result.writes).toEqual({ producers: [{ key: 'le verger', existingId: null, fields: { name: 'Le Verger', phone: '+32 81 22 33 44' } }], products: [] });
  });

  it('a later row of the same producer that changes it counts as an update', () => {
    const verger = producer('Le Verger');
    const result = plan(utf8('producteur;email\nLe Verger;\nLe Verger;contact@verger.be\n'), { producers: [verger], products: [] });
    expect(result.rows.map((row) => row.producerAction)).toEqual(['unchanged', 'update']);
    expect(result.counts.producersUpdated).toBe(1);
    expect(result.writes.producers).toEqual([{ key: 'le verger', existingId: verger.id, fields: { name: 'Le Verger', email: 'contact@verger.be' } }]);
  });

  it('only the columns present in the file are planned for an existing product: absent ones are never blanked', () => {
    const verger = producer('Le Verger');
    const apples = product(verger.id, 'Pommes', { category: 'fruits', packDescription: 'sachet de 1 kg', defaultStock: 30 });
    const result = plan(utf8('producteur;produit;unité;prix;tva\nLe Verger;Pommes;kg;3,10;6\n'), { producers: [verger], products: [apples] });
    expect(result.writes.products).toEqual([{ producerKey: 'le verger', existingId: apples.id, fields: { name: 'Pommes', unit: 'kg', priceCents: 310, vatRateBp: 600 } }]);
    expect(result.rows[0]!.productAction).toBe('update');
  });
});

describe('the column titles organisers write themselves', () => {
  it('recognises titles with units in brackets, accents and case: Prix TTC (€), TVA (%), Stock hebdo, Conditionnement', () => {
    const result = plan(utf8('Producteur;Produit;Catégorie;Unité;Conditionnement;Prix TTC (€);TVA (%);Stock hebdo;Distance (km)\nFerme A;Œufs;produits laitiers;pièce;boîte de 6;4,35;6%;20;12\n'));
    expect(result.unknownHeaders).toEqual([]);
    expect(result.fileIssues).toEqual([]);
    expect(result.columns).toEqual({ producer: 0, product: 1, category: 2, unit: 3, packDescription: 4, price: 5, vat: 6, defaultStock: 7, distanceKm: 8 });
    expect(result.writes.products[0]!.fields).toEqual({
      name: 'Œufs', category: 'produits laitiers', unit: 'piece', packDescription: 'boîte de 6', priceCents: 435, vatRateBp: 600, defaultStock: 20,
    });
    expect(result.writes.producers[0]!.fields).toEqual({ name: 'Ferme A', distanceKm: 12 });
  });

  it('a missing required column is reported once, by name, and no row is blamed for it', () => {
    const result = plan(utf8('Producteur;Produit;Unité;Tarif au kilo;TVA\nFerme A;Carottes;kg;2,50;6\nFerme A;Navets;kg;1,80;6\n'));
    expect(result.fileIssues).toEqual([{ column: 'price', key: 'import.missingColumn', params: { column: 'prix' } }]);
    expect(result.unknownHeaders).toEqual(['Tarif au kilo']);
    expect(result.rows).toEqual([]);
    expect(result.writes).toEqual({ producers: [], products: [] });
  });
});

describe('the mapping step: the organiser says which column is which', () => {
  const file = utf8('Producteur;Produit;Unité;Tarif au kilo;TVA;Stock hebdo\nFerme A;Carottes;kg;2,50;6;12\nFerme A;Navets;kg;1,80;6;\n');

  it('shows every column with its title, sample values and the field it feeds', () => {
    expect(plan(file).mappings).toEqual([
      { header: 'Producteur', samples: ['Ferme A', 'Ferme A'], column: 'producer' },
      { header: 'Produit', samples: ['Carottes', 'Navets'], column: 'product' },
      { header: 'Unité', samples: ['kg', 'kg'], column: 'unit' },
      { header: 'Tarif au kilo', samples: ['2,50', '1,80'], column: null },
      { header: 'TVA', samples: ['6', '6'], column: 'vat' },
      { header: 'Stock hebdo', samples: ['12'], column: 'defaultStock' },
    ]);
  });

  it('a renamed column chosen as the price is read as the price; an ignored column is not written', () => {
    const result = planCatalogueImport(parseCsv(file), none, 'BE', ['producer', 'product', 'unit', 'price', 'vat', null]);
    expect(result.fileIssues).toEqual([]);
    expect(result.unknownHeaders).toEqual([]);
    expect(result.writes.products.map((write) => write.fields)).toEqual([
      { name: 'Carottes', unit: 'kg', priceCents: 250, vatRateBp: 600 },
      { name: 'Navets', unit: 'kg', priceCents: 180, vatRateBp: 600 },
    ]);
  });

  it('a choice naming no field is ignored, never trusted', () => {
    const result = planCatalogueImport(parseCsv(file), none, 'BE', ['producer', 'product', 'unit', 'constructor', 'vat']);
    expect(result.fileIssues).toEqual([{ column: 'price', key: 'import.missingColumn', params: { column: 'prix' } }]);
  });
});

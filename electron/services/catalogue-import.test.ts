import { describe, expect, it } from 'vitest';
import type { ImportPlan } from '../../shared/catalogue/import-plan';
import { parseCsv } from '../../shared/csv/parse';
import type { Producer } from '../../shared/model/producer';
import type { Product } from '../../shared/model/product';
import { snapshotFolder, useTempDirs } from '../testing/temp-dir';
import { byId, call, createProducer, createProduct, openApp, refusal, reopened, type TestApp, folded, settle } from '../testing/service-calls';

const tempDir = useTempDirs();
const open = async () => openApp(await tempDir());

const base64 = (content: string | Uint8Array) => Buffer.from(content).toString('base64');
/** Windows-1252 bytes: what Excel on Windows saves as "CSV (séparateur : point-virgule)". */
const cp1252 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

const preview = (app: TestApp, content: string | Uint8Array) => call<ImportPlan>(app, 'catalogue.previewImport', { contentBase64: base64(content) });
const importFile = (app: TestApp, content: string | Uint8Array) => call<ImportPlan['counts']>(app, 'catalogue.import', { contentBase64: base64(content) });

async function catalogue(app: TestApp) {
  const store = await reopened(app.dataDir);
  return { producers: byId(store.all('producer')), products: byId(store.all('product')) };
}

const FILE = [
  'Producteur;Téléphone;Produit;Catégorie;Unité;PRIX TTC;TVA;Stock',
  'Ferme de l’Étang;+32 81 22 33 44;Pâté de campagne;épicerie;pot;4,50;6;12',
  'Ferme de l’Étang;;Œufs;produits laitiers;douzaine;3,20;6;',
  'Le Verger;;Pommes;fruits;kg;2,5,0;6;',
  'Le Verger;;Poires;fruits;kg;2,80;6;',
  'Les Prés;;;;;;;',
].join('\r\n');

describe('catalogue.previewImport', () => {
  it('says what each row would do and writes nothing at all', async () => {
    const app = await open();
    await createProducer(app, 'Le Verger', { email: 'verger@example.be' });
    const before = await snapshotFolder(app.dataDir);

    const plan = await preview(app, FILE);

    expect(plan.rows.map((row) => [row.line, row.producerAction, row.productAction, row.issues.map((issue) => `${issue.column}:${issue.key}`)])).toEqual([
      [2, 'create', 'create', []],
      [3, 'unchanged', 'create', []],
      [4, null, null, ['price:import.badPrice']],
      [5, 'unchanged', 'create', []],
      [6, 'create', null, []],
    ]);
    expect(plan.counts).toEqual({ producersCreated: 2, producersUpdated: 0, productsCreated: 3, productsUpdated: 0, rowsWithIssues: 1 });
    expect(await snapshotFolder(app.dataDir)).toEqual(before);
  });
});

describe('catalogue.import', () => {
  it('writes the rows without issues, exactly as previewed; a Windows-1252 file with decimal commas reads the same', async () => {
    const windows = FILE.replaceAll('’', "'").replace('Œufs', 'Oeufs');
    for (const [bytes, etangName, eggs] of [
      [new TextEncoder().encode(FILE), 'Ferme de l’Étang', 'Œufs'],
      [cp1252(windows), "Ferme de l'Étang", 'Oeufs'],
    ] as const) {
      const app = await open();
      expect(await importFile(app, bytes)).toEqual({ producersCreated: 3, producersUpdated: 0, productsCreated: 3, productsUpdated: 0, rowsWithIssues: 1 });

      const { producers, products } = await catalogue(app);
      expect(producers.map((p) => p.name).sort()).toEqual([etangName, 'Le Verger', 'Les Prés'].sort());
      const byName = new Map(products.map((p) => [p.name, p]));
      expect([...byName.keys()].sort()).toEqual([eggs, 'Poires', 'Pâté de campagne'].sort());
      expect(byName.get('Pâté de campagne')).toMatchObject({ category: 'épicerie', unit: 'pot', priceCents: 450, vatRateBp: 600, defaultStock: 12, packDescription: '' });
      expect(byName.get(eggs)).toMatchObject({ category: 'produits laitiers', unit: 'douzaine', priceCents: 320, defaultStock: null });
      expect(byName.get('Poires')).toMatchObject({ priceCents: 280, producerId: producers.find((p) => p.name === 'Le Verger')!.id });
      expect(producers.find((p) => p.name === etangName)!.phone).toBe('+32 81 22 33 44');
    }
  });

  it('importing the same file twice: the second time everything is unchanged, nothing is counted, duplicated or rewritten', async () => {
    const app = await open();
    await importFile(app, FILE);
    const first = await catalogue(app);
    app.clock.advance(60_000);
    await settle(app);

    const again = await preview(app, FILE);
    expect(again.rows.filter((row) => row.issues.length === 0).every((row) => row.producerAction === 'unchanged' && row.productAction !== 'create' && row.productAction !== 'update')).toBe(true);
    expect(await importFile(app, FILE)).toEqual({ producersCreated: 0, producersUpdated: 0, productsCreated: 0, productsUpdated: 0, rowsWithIssues: 1 });

    expect(await catalogue(app)).toEqual(first);
    expect(await folded(app)).toEqual([]);
  });

  it('matches an existing producer and product whatever the case and accents: updates, never duplicates', async () => {
    const app = await open();
    const etang = await createProducer(app, 'Ferme de l’Étang');
    const pate = await createProduct(app, etang.id, { name: 'Pâté de campagne', category: 'épicerie', unit: 'pot', priceCents: 450 });

    const counts = await importFile(app, 'producteur;produit;unité;prix;tva\nFERME DE L’ETANG;pate de campagne;pot;4,80;6\n');

    expect(counts).toMatchObject({ producersCreated: 0, productsCreated: 0, productsUpdated: 1 });
    const { producers, products } = await catalogue(app);
    expect(producers.map((p) => p.id)).toEqual([etang.id]);
    expect(products).toEqual([{ ...pate, name: 'pate de campagne', priceCents: 480, updatedAt: '2026-03-02T09:00:00.000Z' }]);
  });

  it('never blanks a field whose column the file does not have', async () => {
    const app = await open();
    const verger = await createProducer(app, 'Le Verger', { email: 'verger@example.be', phone: '081 22 33 44', distanceKm: 12 });
    const apples = await createProduct(app, verger.id, { name: 'Pommes', category: 'fruits', packDescription: 'sachet de 1 kg', defaultStock: 30 });
    app.clock.advance(1000);

    await importFile(app, 'producteur;produit;unité;prix;tva\nLe Verger;Pommes;kg;3,10;6\n');

    const { producers, products } = await catalogue(app);
    expect(producers).toEqual([verger]);
    expect(products).toEqual([{ ...apples, priceCents: 310, updatedAt: '2026-03-02T09:00:01.000Z' }]);
  });

  it('refuses a file without a producer column, or an empty file, writing nothing', async () => {
    const app = await open();
    await createProducer(app, 'Le Verger');
    const before = await snapshotFolder(app.dataDir);
    expect(await refusal(app, 'catalogue.import', { contentBase64: base64('produit;prix;tva;unité\nCarottes;2,50;6;kg\n') })).toEqual({
      key: 'import.missingColumn',
      params: { column: 'producteur' },
    });
    expect(await refusal(app, 'catalogue.import', { contentBase64: '' })).toEqual({ key: 'import.emptyFile' });
    expect(await refusal(app, 'catalogue.previewImport', { contentBase64: '' })).toEqual({ key: 'import.emptyFile' });
    expect(await snapshotFolder(app.dataDir)).toEqual(before);
  });
});

describe('catalogue.exportCsv', () => {
  async function varied(app: TestApp) {
    const etang = await createProducer(app, 'Ferme de l’Étang', { phone: '+32 81 22 33 44', distanceKm: 12.5, email: 'etang@ferme.be', address: 'Rue du Moulin 3\n5000 Namur' });
    await createProduct(app, etang.id, { name: 'Pâté de campagne', category: 'épicerie', unit: 'pot', priceCents: 450, packDescription: 'pot de 180 g; bocal', defaultStock: 12 });
    await createProduct(app, etang.id, { name: '=HYPERLINK("http://x")', priceCents: 5, vatRateBp: 2100 });
    const old = await createProduct(app, etang.id, { name: '-Promo', priceCents: 100_000 });
    await call(app, 'products.archive', { id: old.id });
    const verger = await createProducer(app, '@Verger');
    await createProduct(app, verger.id, { name: '+Bio', unit: 'piece', priceCents: 0, vatRateBp: 0 });
    await createProduct(app, verger.id, { name: '-15', unit: 'barquette' });
    await createProducer(app, 'Les Prés');
    // Sold by weight: 14,90 € the kg, pieces of about 1,2 kg.
    const pres = await createProducer(app, 'Ferme des Prés');
    await createProduct(app, pres.id, { name: 'Poulet fermier', unit: 'piece', priceCents: 1490, pricing: 'weight', pieceGrams: 1200 });
  }

  it('neutralises cells a spreadsheet would run as formulas, but keeps plain negative numbers', async () => {
    const app = await open();
    await varied(app);
    const { fileName, content } = await call<{ fileName: string; content: string }>(app, 'catalogue.exportCsv', {});
    expect(fileName).toBe('catalogue.csv');
    const table = parseCsv(new TextEncoder().encode(content));
    const cells = table.rows.flatMap((row) => row.cells);
    expect(cells).toEqual(expect.arrayContaining(["'=HYPERLINK(\"http://x\")", "'-Promo", "'@Verger", "'+Bio", "'+32 81 22 33 44", '-15']));
    expect(cells.filter((cell) => /^[=+@-]/.test(cell) && cell !== '-15')).toEqual([]);
    expect(table.rows.find((row) => row.cells[7] === 'Pâté de campagne')!.cells).toEqual([
      'Ferme de l’Étang', '', '', 'etang@ferme.be', "'+32 81 22 33 44", 'Rue du Moulin 3\n5000 Namur', '12,5',
      'Pâté de campagne', 'épicerie', 'pot', 'pot de 180 g; bocal', '4,50', '6', '12', '', '', '',
    ]);
  });

  it('round trip: importing what was exported changes nothing', async () => {
    const app = await open();
    await varied(app);
    const before = await catalogue(app);
    const { content } = await call<{ content: string }>(app, 'catalogue.exportCsv', {});

    const plan = await preview(app, content);
    expect(plan.fileIssues).toEqual([]);
    expect(plan.rows.map((row) => [row.productName, row.issues])).toEqual(plan.rows.map((row) => [row.productName, []]));
    expect(plan.rows.every((row) => row.producerAction === 'unchanged' && (row.productAction === 'unchanged' || row.productAction === null))).toBe(true);
    expect(plan.counts).toEqual({ producersCreated: 0, producersUpdated: 0, productsCreated: 0, productsUpdated: 0, rowsWithIssues: 0 });

    await settle(app);
    await importFile(app, content);
    expect(await folded(app)).toEqual([]);
    expect(await catalogue(app)).toEqual(before);
    expect((await call<Producer[]>(app, 'producers.list', { archived: 'all' })).length).toBe(4);
    expect((await call<Product[]>(app, 'products.list', { archived: 'all' })).length).toBe(6);
  });

  it('writes a product sold by weight with its price per kg and the weight of a piece, and reads them back', async () => {
    const app = await open();
    await varied(app);
    const { content } = await call<{ content: string }>(app, 'catalogue.exportCsv', {});
    const table = parseCsv(new TextEncoder().encode(content));
    const chicken = table.rows.find((row) => row.cells[7] === 'Poulet fermier')!.cells;
    expect(Object.fromEntries(table.header.map((title, index) => [title, chicken[index]]))).toMatchObject({
      prix: '', 'prix au kg': '14,90', 'poids par pièce (g)': '1200',
    });
  });
});

describe('sold-by-weight columns', () => {
  const HEADER = 'Producteur;Produit;Unité;Prix TTC;TVA;Prix au kilo (€);Poids estimé (g)';

  it('makes a product priced per kg with the estimated weight of a piece, in French or English titles, and turns it back to a price per piece', async () => {
    const app = await open();
    for (const file of [
      `${HEADER}\nFerme des Prés;Poulet fermier;pièce;;6;14,90;1,2 kg\nFerme des Prés;Œufs;douzaine;3,20;6;;`,
      'Producer,Product,Unit,Price,VAT,Price per kg,Weight per piece\nFerme des Prés,Poulet fermier,piece,,6,14.90,1200\nFerme des Prés,Œufs,douzaine,3.20,6,,',
    ]) {
      await importFile(app, file);
      const products = await call<Product[]>(app, 'products.list', {});
      expect(products.map(({ name, priceCents, pricing, pieceGrams }) => ({ name, priceCents, pricing, pieceGrams }))).toEqual([
        { name: 'Œufs', priceCents: 320, pricing: 'unit', pieceGrams: null },
        { name: 'Poulet fermier', priceCents: 1490, pricing: 'weight', pieceGrams: 1200 },
      ]);
    }
    const plan = await preview(app, `${HEADER}\nFerme des Prés;Poulet fermier;pièce;;6;;`);
    expect(plan.rows[0]).toMatchObject({ productAction: null, issues: [expect.objectContaining({ column: 'price', key: 'import.badPrice' })] });
  });

  it('refuses a row priced both ways, or per kg without a weight, naming the column', async () => {
    const app = await open();
    const plan = await preview(app, `${HEADER}\nFerme des Prés;Poulet;pièce;12,00;6;14,90;1200\nFerme des Prés;Dinde;pièce;;6;14,90;`);
    expect(plan.rows.map((row) => row.issues.map((issue) => `${issue.column}:${issue.key}`))).toEqual([
      ['price:import.priceAndPerKg'], ['pieceGrams:import.badPieceGrams'],
    ]);
  });
});

/**
 * The stock grid as typed: one text per cell (quantity, and price of the week),
 * kept exactly as the producer typed it until it is saved, so a refusal never
 * costs a keystroke. Reading the texts, comparing them with what is saved and
 * turning the changes into one offers.saveMany are pure functions here.
 *
 * A quantity cell reads: empty = not offered, a whole number = the stock,
 * "*", "∞" or the word for unlimited ("illimité", "unlimited") = no limit.
 * A price cell reads: empty = the catalogue price, "2,50" or "2.50" = this week's price.
 */
import type { MessageParams } from '../../../shared/contract/errors';
import type { StockCell, StockGrid } from '../../../shared/catalogue/views';
import { parseCentsCell } from '../../../shared/csv/parse';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { InputOf } from '../../../shared/contract/operations';
import { fold } from '../../../shared/text/normalise';

export interface CellText {
  quantity: string;
  price: string;
}

/** Keyed by `cellKey(distributionId, productId)`. */
export type StockDraft = Readonly<Record<string, CellText>>;

export type StockEntry = InputOf<'offers.saveMany'>['entries'][number];

export const cellKey = (distributionId: string, productId: string): string => `${distributionId}:${productId}`;

// Same bound as the contract's stockQuantity.
const MAX_STOCK = 100_000;
const UNLIMITED_WORDS = new Set(['*', '∞', 'illimite', 'unlimited', 'inf']);

export type Quantity = { kind: 'none' } | { kind: 'unlimited' } | { kind: 'stock'; value: number };

export interface Problem {
  key: MessageKey;
  params?: MessageParams;
}

export type Read<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export function readQuantity(text: string): Read<Quantity> {
  const typed = fold(text);
  if (typed === '') return { ok: true, value: { kind: 'none' } };
  if (UNLIMITED_WORDS.has(typed)) return { ok: true, value: { kind: 'unlimited' } };
  if (/^-\s*\d/.test(typed)) return { ok: false, problem: { key: 'validation.notNegative' } };
  if (/^\d+[.,]\d*$/.test(typed)) return { ok: false, problem: { key: 'validation.wholeUnits' } };
  if (!/^\d+$/.test(typed)) return { ok: false, problem: { key: 'stock.badQuantity' } };
  const value = Number(typed);
  if (value > MAX_STOCK) return { ok: false, problem: { key: 'validation.tooBig' } };
  return { ok: true, value: { kind: 'stock', value } };
}

/** null = the catalogue price. */
export function readPrice(text: string): Read<number | null> {
  if (text.trim() === '') return { ok: true, value: null };
  const cents = parseCentsCell(text);
  return cents === null || cents > 10_000_000
    ? { ok: false, problem: { key: 'import.badPrice', params: { price: text.trim() } } }
    : { ok: true, value: cents };
}

/** "2,50" in French, "2.50" in English: the way it is typed back, without the currency sign. */
export function priceText(cents: number | null, decimalSeparator: string): string {
  if (cents === null) return '';
  return (cents / 100).toFixed(2).replace('.', decimalSeparator);
}

export interface DraftWords {
  /** The word shown for an unlimited stock, e.g. "illimité". */
  unlimited: string;
  decimalSeparator: string;
}

export function textOfCell(cell: Pick<StockCell, 'offered' | 'quantity' | 'priceCents'> | undefined, words: DraftWords): CellText {
  if (!cell?.offered) return { quantity: '', price: '' };
  return {
    quantity: cell.quantity === null ? words.unlimited : String(cell.quantity),
    price: priceText(cell.priceCents, words.decimalSeparator),
  };
}

/** The grid's saved state as texts: the starting draft, and what "changed" is measured against. */
export function savedDraft(grid: StockGrid, words: DraftWords): StockDraft {
  const draft: Record<string, CellText> = {};
  const cells = new Map(grid.cells.map((cell) => [cellKey(cell.distributionId, cell.productId), cell]));
  for (const distribution of grid.distributions) {
    for (const product of grid.products) {
      const key = cellKey(distribution.id, product.id);
      draft[key] = textOfCell(cells.get(key), words);
    }
  }
  return draft;
}

function sameQuantity(a: Quantity, b: Quantity): boolean {
  return a.kind === b.kind && (a.kind !== 'stock' || a.value === (b as { value: number }).value);
}

const quantityOf = (cell: StockCell | undefined): Quantity =>
  !cell?.offered ? { kind: 'none' } : cell.quantity === null ? { kind: 'unlimited' } : { kind: 'stock', value: cell.quantity };

export interface CellState {
  quantity: Read<Quantity>;
  price: Read<number | null>;
  changed: boolean;
}

/**
 * Compares what is typed with what is saved by meaning, not by text: "12 " is
 * still 12, and "*" is still unlimited. A text that cannot be read counts as changed.
 */
export function cellState(saved: StockCell | undefined, text: CellText): CellState {
  const quantity = readQuantity(text.quantity);
  const price = readPrice(text.price);
  if (!quantity.ok || !price.ok) return { quantity, price, changed: true };
  const before = quantityOf(saved);
  const quantityChanged = !sameQuantity(before, quantity.value);
  // The price only matters for an offered cell.
  const priceChanged = quantity.value.kind !== 'none' && price.value !== (saved?.offered ? saved.priceCents : null);
  return { quantity, price, changed: quantityChanged || priceChanged };
}

export interface CellProblem {
  distributionId: string;
  productId: string;
  problem: Problem;
}

export interface Pending {
  entries: StockEntry[];
  problems: CellProblem[];
}

/** Every changed cell as one entry of offers.saveMany; emptying an offered cell withdraws it. */
export function pendingEntries(grid: StockGrid, draft: StockDraft): Pending {
  const saved = new Map(grid.cells.map((cell) => [cellKey(cell.distributionId, cell.productId), cell]));
  const entries: StockEntry[] = [];
  const problems: CellProblem[] = [];
  for (const distribution of grid.distributions) {
    for (const product of grid.products) {
      const key = cellKey(distribution.id, product.id);
      const text = draft[key];
      if (!text) continue;
      const state = cellState(saved.get(key), text);
      if (!state.changed) continue;
      const where = { distributionId: distribution.id, productId: product.id };
      if (!state.quantity.ok) problems.push({ ...where, problem: state.quantity.problem });
      else if (!state.price.ok) problems.push({ ...where, problem: state.price.problem });
      else if (state.quantity.value.kind === 'none') entries.push({ ...where, quantity: null, withdraw: true });
      else {
        const quantity = state.quantity.value.kind === 'unlimited' ? null : state.quantity.value.value;
        entries.push({ ...where, quantity, priceCents: state.price.value });
      }
    }
  }
  return { entries, problems };
}

export interface DraftChange {
  draft: StockDraft;
  /** How many cells got a new text. */
  count: number;
}

/**
 * "Copy last week": every product offered in the source week gets the same
 * stock (and price of the week) in the target column. Products not offered in
 * the source are left as they are, so copying never withdraws anything.
 */
export function copyWeek(draft: StockDraft, productIds: readonly string[], source: (productId: string) => CellText, targetId: string): DraftChange {
  const next: Record<string, CellText> = { ...draft };
  let count = 0;
  for (const productId of productIds) {
    const from = source(productId);
    const key = cellKey(targetId, productId);
    const current = next[key];
    if (fold(from.quantity) === '' || !current) continue;
    if (current.quantity === from.quantity && current.price === from.price) continue;
    next[key] = { ...from };
    count += 1;
  }
  return { draft: next, count };
}

/** "Fill default stock": empty cells of the given columns take the product's default weekly stock, when it has one. */
export function fillDefaults(
  draft: StockDraft,
  products: readonly { id: string; defaultStock: number | null }[],
  distributionIds: readonly string[],
): DraftChange {
  const next: Record<string, CellText> = { ...draft };
  let count = 0;
  for (const distributionId of distributionIds) {
    for (const product of products) {
      const key = cellKey(distributionId, product.id);
      const current = next[key];
      if (product.defaultStock === null || !current || current.quantity.trim() !== '') continue;
      next[key] = { ...current, quantity: String(product.defaultStock) };
      count += 1;
    }
  }
  return { draft: next, count };
}

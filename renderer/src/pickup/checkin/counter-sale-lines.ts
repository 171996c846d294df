/**
 * What the counter sale dialog has typed, read as the lines to sell (issue 7, weights issue 15):
 * a whole quantity per product, and for a product sold by weight the weight the scale shows for
 * those pieces. Such a line is charged on that weight, as the server will charge it; until it is
 * typed the total shows the estimate, and the sale cannot be recorded.
 */
import type { OfferRow } from '../../../../shared/catalogue/views';
import type { MessageKey } from '../../../../shared/i18n/messages';
import { lineTotal } from '../../../../shared/orders/totals';
import { parseWeight } from '../../../../shared/orders/weight-input';

const WHOLE = /^\d{1,5}$/;

type SaleRow = Pick<OfferRow, 'priceCents'> & { product: Pick<OfferRow['product'], 'id' | 'name' | 'pricing' | 'pieceGrams'> };

export interface SaleLine<Row extends SaleRow = OfferRow> {
  row: Row;
  quantity: number;
  /** The weighed weight of the pieces; null for a product sold by the unit, or not weighed yet. */
  grams: number | null;
}

export interface SaleReading<Row extends SaleRow = OfferRow> {
  lines: SaleLine<Row>[];
  /** What the server will charge (estimates for lines not weighed yet). */
  totalCents: number;
  /** The first problem per field, by path: `quantity-<productId>` or `weight-<productId>`. */
  problems: { path: string; key: MessageKey; params?: Record<string, string> }[];
}

export function readSale<Row extends SaleRow>(rows: readonly Row[], quantities: Record<string, string>, weights: Record<string, string>): SaleReading<Row> {
  const lines: SaleLine<Row>[] = [];
  const problems: SaleReading<Row>['problems'] = [];
  for (const row of rows) {
    const id = row.product.id;
    const quantityText = (quantities[id] ?? '').trim();
    if (quantityText !== '' && !WHOLE.test(quantityText)) problems.push({ path: `quantity-${id}`, key: 'counter.sale.quantityUnreadable' });
    if (!WHOLE.test(quantityText) || Number(quantityText) === 0) continue;
    const byWeight = row.product.pricing === 'weight';
    const weightText = (weights[id] ?? '').trim();
    const reading = byWeight && weightText !== '' ? parseWeight(weightText) : null;
    if (byWeight && reading === null) problems.push({ path: `weight-${id}`, key: 'error.counterWeighFirst', params: { product: row.product.name } });
    if (reading && !reading.ok) problems.push({ path: `weight-${id}`, key: reading.key });
    lines.push({ row, quantity: Number(quantityText), grams: reading?.ok ? reading.grams : null });
  }
  const totalCents = lines.reduce(
    (sum, { row, quantity, grams }) =>
      sum + lineTotal({ quantity, unitPriceCents: row.priceCents, pieceGrams: row.product.pricing === 'weight' ? row.product.pieceGrams : null, weighedGrams: grams }),
    0,
  );
  return { lines, totalCents, problems };
}

import { useRef, type KeyboardEvent } from 'react';
import type { StockCell, StockGrid } from '../../../shared/catalogue/views';
import { formatMoney, shortDay } from '../../../shared/i18n/format';
import type { Product } from '../../../shared/model/product';
import { UNIT_LABELS } from '../catalogue/product-labels';
import { StatusBadge } from '../distributions/StatusBadge';
import { useI18n } from '../i18n/i18n-context';
import { cellKey, cellState, type CellText, type Problem, type StockDraft } from './stock-draft';

export type CellField = keyof CellText;

interface StockTableProps {
  grid: StockGrid;
  draft: StockDraft;
  showPrices: boolean;
  currency: string;
  /** Problems to show now, by cell key (a cell being typed in is left alone until it is left). */
  problems: ReadonlyMap<string, Problem>;
  onType: (key: string, field: CellField, text: string) => void;
  onToggleUnlimited: (key: string) => void;
  onRevert: (key: string) => void;
  onLeaveCell: (key: string) => void;
  onCopyPrevious: (column: number) => void;
  onFillColumn: (column: number) => void;
}

/** A cell input's place in the grid: its row, and its column counting price inputs when shown. */
const coordinates = (row: number, column: number) => `${row}:${column}`;

/**
 * Products down, distributions across, one text input per cell (two with the
 * price of the week). Tab follows the reading order; the arrows, Enter and
 * Shift+Enter move like a spreadsheet; a cell's text is selected when it gets
 * the focus, so typing replaces it.
 */
export function StockTable(props: StockTableProps) {
  const { grid, draft, showPrices, currency, problems } = props;
  const { t, language } = useI18n();
  const table = useRef<HTMLTableElement>(null);
  const saved = new Map<string, StockCell>(grid.cells.map((cell) => [cellKey(cell.distributionId, cell.productId), cell]));
  const perCell = showPrices ? 2 : 1;
  const columns = grid.distributions.length * perCell;
  const rows = grid.products.length;

  function focusCell(row: number, column: number): boolean {
    const target = table.current?.querySelector<HTMLInputElement>(`input[data-cell="${coordinates(row, column)}"]`);
    if (!target) return false;
    target.focus();
    target.select();
    return true;
  }

  function move(event: KeyboardEvent<HTMLInputElement>, row: number, column: number) {
    const input = event.currentTarget;
    const whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    const atStart = whole || (input.selectionStart === 0 && input.selectionEnd === 0);
    const atEnd = whole || (input.selectionStart === input.value.length && input.selectionEnd === input.value.length);
    let target: [number, number] | null = null;
    switch (event.key) {
      case 'ArrowUp':
        target = [row - 1, column];
        break;
      case 'ArrowDown':
        target = [row + 1, column];
        break;
      case 'ArrowLeft':
        // Inside a text the arrows move the caret; at its edge they leave the cell.
        if (atStart) target = [row, column - 1];
        break;
      case 'ArrowRight':
        if (atEnd) target = [row, column + 1];
        break;
      case 'Enter':
        if (event.shiftKey) target = [row - 1, column];
        // Down the column; from the last row, on to the top of the next one.
        else target = row + 1 < rows ? [row + 1, column] : [0, column + 1];
        break;
      default:
        return;
    }
    if (event.key === 'Enter') event.preventDefault();
    if (!target) return;
    const [nextRow, nextColumn] = target;
    if (nextRow < 0 || nextRow >= rows || nextColumn < 0 || nextColumn >= columns) return;
    event.preventDefault();
    focusCell(nextRow, nextColumn);
  }

  const unitOf = (product: Product) => t(UNIT_LABELS[product.unit]);

  return (
    <div className="table-frame stock-frame">
      <table ref={table} className="table stock-table">
        <caption className="visually-hidden">{t('stock.gridCaption', { producer: grid.producer.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stock.column.product')}</th>
            {grid.distributions.map((distribution) => (
              <th key={distribution.id} scope="col" className="stock-day-heading">
                <span className="stock-day">{shortDay(language, distribution.pickupDate)}</span>
                <StatusBadge status={distribution.status} />
              </th>
            ))}
          </tr>
          <tr className="stock-column-actions">
            <td />
            {grid.distributions.map((distribution, index) => {
              const day = shortDay(language, distribution.pickupDate);
              return (
                <td key={distribution.id}>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t('stock.copyPreviousLabel', { day })}
                    onClick={() => props.onCopyPrevious(index)}
                  >
                    {t('stock.copyPrevious')}
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t('stock.fillColumnLabel', { day })}
                    onClick={() => props.onFillColumn(index)}
                  >
                    {t('stock.fillColumn')}
                  </button>
                </td>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {grid.products.map((product, row) => (
            <tr key={product.id}>
              <th scope="row" className="stock-product">
                <span className="stock-product-name">{product.name}</span>
                <span className="stock-product-price">
                  {t('stock.catalogPrice', { price: formatMoney(language, product.priceCents, currency), unit: unitOf(product) })}
                </span>
                {product.packDescription && <span className="stock-product-pack">{product.packDescription}</span>}
              </th>
              {grid.distributions.map((distribution, index) => {
                const key = cellKey(distribution.id, product.id);
                const text = draft[key] ?? { quantity: '', price: '' };
                const before = saved.get(key);
                const state = cellState(before, text);
                const problem = problems.get(key);
                const day = shortDay(language, distribution.pickupDate);
                const factsId = `stock-${key}-facts`;
                const quantity = state.quantity.ok ? state.quantity.value : null;
                const ordered = before?.ordered ?? 0;
                const facts =
                  quantity && quantity.kind !== 'none'
                    ? t('stock.facts', {
                        ordered,
                        remaining: quantity.kind === 'unlimited' ? t('stock.unlimited') : quantity.value - ordered,
                      })
                    : null;
                const column = index * perCell;
                const unlimited = quantity?.kind === 'unlimited';
                const cellProps = {
                  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
                    if (event.key === 'Escape') {
                      event.preventDefault();
                      props.onRevert(key);
                      return;
                    }
                    move(event, row, Number(event.currentTarget.dataset.column));
                  },
                  onFocus: (event: { currentTarget: HTMLInputElement }) => event.currentTarget.select(),
                  onBlur: () => props.onLeaveCell(key),
                  autoComplete: 'off',
                  spellCheck: false,
                  'aria-invalid': problem ? (true as const) : undefined,
                  'aria-describedby': problem || facts || state.changed ? factsId : undefined,
                };
                return (
                  <td
                    key={distribution.id}
                    className={['stock-cell', state.changed && 'stock-cell-changed', problem && 'stock-cell-invalid'].filter(Boolean).join(' ')}
                  >
                    <div className="stock-inputs">
                      <input
                        {...cellProps}
                        type="text"
                        className="stock-quantity"
                        data-cell={coordinates(row, column)}
                        data-column={column}
                        aria-label={t('stock.cellLabel', { product: product.name, day })}
                        value={text.quantity}
                        onChange={(event) => props.onType(key, 'quantity', event.target.value)}
                      />
                      {/* For the mouse; from the keyboard, type * in the cell. */}
                      <button
                        type="button"
                        tabIndex={-1}
                        className="stock-unlimited"
                        aria-pressed={unlimited}
                        aria-label={t('stock.unlimitedLabel', { product: product.name, day })}
                        title={t('stock.unlimited')}
                        onClick={() => props.onToggleUnlimited(key)}
                      >
                        ∞
                      </button>
                    </div>
                    {showPrices && (
                      <input
                        {...cellProps}
                        type="text"
                        inputMode="decimal"
                        className="stock-price"
                        data-cell={coordinates(row, column + 1)}
                        data-column={column + 1}
                        aria-label={t('stock.priceLabel', { product: product.name, day })}
                        placeholder={formatMoney(language, product.priceCents, currency)}
                        value={text.price}
                        onChange={(event) => props.onType(key, 'price', event.target.value)}
                      />
                    )}
                    <p id={factsId} className="stock-facts">
                      {problem ? (
                        <span className="stock-problem">{t(problem.key, problem.params)}</span>
                      ) : (
                        <>
                          {state.changed && <span className="stock-changed-mark">{t('stock.changedMark')}</span>}
                          {facts && <span>{facts}</span>}
                        </>
                      )}
                    </p>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

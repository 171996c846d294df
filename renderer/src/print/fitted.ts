import { fitText } from '../../../shared/sheets/fit-text';

/** Each printed cell's padding, left and right (print.css: 2 mm each side). */
const PADDING_MM = 4;

/**
 * The class and size that print `text` on one line of a column `columnMm` wide
 * (padding included), at the largest of `sizesPt` that fits (sheets.css,
 * .sheet-fit); one too long for the smallest size wraps (at `wrapSizePt`) rather than being cut.
 */
export function fitted(text: string, columnMm: number, sizesPt: readonly number[], wrapSizePt?: number) {
  const fit = fitText(text, columnMm - PADDING_MM, sizesPt, wrapSizePt);
  return { className: fit.wraps ? 'sheet-fit sheet-fit-wraps' : 'sheet-fit', style: { fontSize: `${fit.sizePt}pt` } };
}

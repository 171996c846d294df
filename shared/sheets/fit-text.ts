/**
 * A name on one line of a printed column (the sign-in sheet, the bagging
 * table): the largest of a few font sizes at which it fits, rather than a
 * second line that makes the row taller or an ellipsis that loses the end of
 * the name. The width is estimated from the advance widths of the bundled
 * font (Inter, renderer/src/fonts.css), each rounded up, so the estimate errs
 * towards a smaller size, never a name running out of its column. A name too
 * long even at the smallest size wraps at that size: it is never cut.
 */

/** Inter SemiBold's widest glyphs (m, w, M, W): about 0.9–1.02 em. */
const WIDE = new Set('mwMWŒÆœæ@%');
/** Its narrow ones: i, l, j, t, f, r, I, punctuation: at most 0.47 em (the hyphen). */
const NARROW = new Set('iljtfrI.,;:\'’!|()[]-');
const SPACE = 0.26;
const NARROW_EM = 0.47;
const WIDE_EM = 1.02;
/** Capitals, accented ones too: at most 0.78 em except the wide ones (Q: 0.773; 0.67 on average). */
const UPPER_EM = 0.78;
/** Digits: at most 0.67 em (0.61 on average). */
const DIGIT_EM = 0.68;
/** Lower case and the rest: at most 0.63 em except the wide and narrow ones (g: 0.625; 0.58 on average). */
const OTHER_EM = 0.63;

/** Scripts past Latin, Greek and Cyrillic (CJK and the like) come from a fallback font, a full em wide. */
const FULL_WIDTH_FROM = 0x2e80;

const MM_PER_PT = 25.4 / 72;

/** The text's estimated width in em of the bundled font, on the generous side. */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const character of text) {
    if (character === ' ' || character === '\u00a0') width += SPACE;
    else if (WIDE.has(character) || character.codePointAt(0)! >= FULL_WIDTH_FROM) width += WIDE_EM;
    else if (NARROW.has(character)) width += NARROW_EM;
    else if (character >= '0' && character <= '9') width += DIGIT_EM;
    else if (character !== character.toLowerCase()) width += UPPER_EM;
    else width += OTHER_EM;
  }
  return width;
}

export interface TextFit {
  /** The font size to print the text at, in points. */
  sizePt: number;
  /** True when even the smallest size is too wide: the text wraps (at `wrapSizePt`) rather than being cut. */
  wraps: boolean;
}

/**
 * The largest of `sizesPt` (largest first) at which `text` fits `widthMm`
 * (the column's inner width, without its padding). A text that fits at none
 * wraps at `wrapSizePt` (by default the smallest): a sheet with room for two
 * lines prints them larger than a one-line size would.
 */
export function fitText(text: string, widthMm: number, sizesPt: readonly number[], wrapSizePt = sizesPt[sizesPt.length - 1]): TextFit {
  if (sizesPt.length === 0) throw new Error('fitText needs at least one size');
  const em = textWidthEm(text.trim());
  for (const sizePt of sizesPt) {
    if (em * sizePt * MM_PER_PT <= widthMm) return { sizePt, wraps: false };
  }
  return { sizePt: wrapSizePt!, wraps: true };
}

/**
 * A QR code as one SVG path (issue 16: the member's link on the bag slip).
 * The `qrcode` library makes the matrix (byte mode, error correction M: a
 * crumpled slip still scans); the path is drawn here so the print view renders
 * it as a plain React <svg>, never as markup injected into the page.
 */
import { create } from 'qrcode';

/** The blank margin a scanner needs around the code, in modules (the standard asks for 4). */
const QUIET_ZONE = 4;

export interface QrDrawing {
  /** The side of the viewBox, quiet zone included, in modules. */
  side: number;
  /** Every dark module, as runs along each row. */
  path: string;
}

export function qrDrawing(text: string): QrDrawing {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  let path = '';
  for (let row = 0; row < size; row += 1) {
    let column = 0;
    while (column < size) {
      if (!modules.get(row, column)) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < size && modules.get(row, column)) column += 1;
      path += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${column - start}v1h-${column - start}z`;
    }
  }
  return { side: size + 2 * QUIET_ZONE, path };
}

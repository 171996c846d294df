import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitText, textWidthEm } from './fit-text';

const SIZES = [10, 9, 8, 7, 6];
const MM_PER_PT = 25.4 / 72;

describe('a name fitted to its column', () => {
  it('prints a usual name at the largest size', () => {
    expect(fitText('Anne Dupont', 60, SIZES)).toEqual({ sizePt: 10, wraps: false });
  });

  it('prints a long name smaller, on one line, rather than cut or on two lines', () => {
    const name = 'Marie-Christine Delacroix-Vandenberghe';
    const fit = fitText(name, 60, SIZES);
    expect(fit.wraps).toBe(false);
    expect(fit.sizePt).toBeLessThan(10);
    expect(fit.sizePt).toBeGreaterThanOrEqual(6);
  });

  it('lets a name too long for the smallest size wrap at that size: never lost', () => {
    expect(fitText('Jean-Baptiste '.repeat(8), 60, SIZES)).toEqual({ sizePt: 6, wraps: true });
    expect(fitText('Jean-Baptiste '.repeat(8), 60, SIZES, 8)).toEqual({ sizePt: 8, wraps: true });
  });

  it('counts wide letters and capitals wider than narrow ones', () => {
    expect(textWidthEm('MMMM')).toBeGreaterThan(textWidthEm('mmmm') - 0.01);
    expect(textWidthEm('ABCD')).toBeGreaterThan(textWidthEm('abcd'));
    expect(textWidthEm('abcd')).toBeGreaterThan(textWidthEm('iiii'));
    // Inter SemiBold's real advance widths (read with fontTools): the estimate is never below them.
    expect(textWidthEm('Anne Dupont')).toBeGreaterThanOrEqual(6.33);
    expect(textWidthEm('Jean-Baptiste Lefèvre-Fournier')).toBeGreaterThanOrEqual(15.29);
    expect(textWidthEm('WWWW MMMM')).toBeGreaterThanOrEqual(8.02);
    expect(textWidthEm('0470 123 000')).toBeGreaterThanOrEqual(6.73);
  });

  it('never picks a size at which the estimate overflows, and a longer name never gets a larger size', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.string({ maxLength: 40 }), fc.integer({ min: 20, max: 120 }), (name, more, widthMm) => {
        const fit = fitText(name, widthMm, SIZES);
        if (!fit.wraps) expect(textWidthEm(name.trim()) * fit.sizePt * MM_PER_PT).toBeLessThanOrEqual(widthMm);
        const longer = fitText(`${name.trim()} ${more}`, widthMm, SIZES);
        expect(longer.sizePt).toBeLessThanOrEqual(fit.sizePt);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageWindow } from './page-window';

describe('the page of a long list that is drawn', () => {
  it('cuts 1 500 members into 30 pages of 50', () => {
    expect(pageWindow(1500, 0, 50)).toEqual({ index: 0, lastIndex: 29, start: 0, end: 50 });
    expect(pageWindow(1500, 29, 50)).toEqual({ index: 29, lastIndex: 29, start: 1450, end: 1500 });
    expect(pageWindow(1234, 24, 50)).toEqual({ index: 24, lastIndex: 24, start: 1200, end: 1234 });
  });

  it('keeps the last page of a list that shrank, and one empty page for an empty list', () => {
    expect(pageWindow(60, 5, 50)).toEqual({ index: 1, lastIndex: 1, start: 50, end: 60 });
    expect(pageWindow(0, 3, 50)).toEqual({ index: 0, lastIndex: 0, start: 0, end: 0 });
  });

  it('shows every row once over the pages, whatever the size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 100 }), (total, size) => {
        const last = pageWindow(total, Number.MAX_SAFE_INTEGER, size).lastIndex;
        let next = 0;
        for (let page = 0; page <= last; page++) {
          const window = pageWindow(total, page, size);
          expect(window.start).toBe(next);
          expect(window.end - window.start).toBeLessThanOrEqual(size);
          next = window.end;
        }
        expect(next).toBe(total);
      }),
    );
  });
});

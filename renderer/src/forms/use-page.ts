/**
 * One page of a long list (issue 14: 1 500 members took 743 ms to render
 * when every row was drawn). The whole list stays in memory, so search and
 * filters still look at every row; only the rows drawn are cut.
 */
import { useMemo, useState } from 'react';
import { pageWindow } from './page-window';

export const PAGE_SIZE = 50;

export interface Page<T> {
  rows: T[];
  /** 0-based index of the first row shown. */
  start: number;
  total: number;
  pageSize: number;
  previous: (() => void) | null;
  next: (() => void) | null;
}

/**
 * `resetKey` names what the list is a result of (the search, the filter):
 * a new question starts at the first page, while a reload of the same one
 * (after an edit) stays where the organiser was.
 */
export function usePage<T>(items: readonly T[], resetKey: string, pageSize = PAGE_SIZE): Page<T> {
  const [state, setState] = useState({ key: resetKey, index: 0 });
  const { index, lastIndex, start, end } = pageWindow(items.length, state.key === resetKey ? state.index : 0, pageSize);
  const rows = useMemo(() => items.slice(start, end), [items, start, end]);
  return {
    rows,
    start,
    total: items.length,
    pageSize,
    previous: index > 0 ? () => setState({ key: resetKey, index: index - 1 }) : null,
    next: index < lastIndex ? () => setState({ key: resetKey, index: index + 1 }) : null,
  };
}

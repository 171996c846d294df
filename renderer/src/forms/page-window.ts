/** Which page of a list is drawn: the pure part of usePage, so its rules are tested without React. */
export interface PageWindow {
  /** 0-based page shown. */
  index: number;
  lastIndex: number;
  start: number;
  end: number;
}

/** The page wanted, kept within the list: a list that shrank (an archive, a narrower filter) shows its last page rather than an empty one. */
export function pageWindow(total: number, wanted: number, pageSize: number): PageWindow {
  const lastIndex = Math.max(0, Math.ceil(total / pageSize) - 1);
  const index = Math.min(Math.max(0, wanted), lastIndex);
  return { index, lastIndex, start: index * pageSize, end: Math.min(total, (index + 1) * pageSize) };
}

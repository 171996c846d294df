import type { pagingFr } from './paging.fr';

export const pagingEn: Record<keyof typeof pagingFr, string> = {
  'paging.label': 'List pages',
  'paging.range': '{from}–{to} of {total}',
  'paging.previous': 'Previous page',
  'paging.next': 'Next page',
};

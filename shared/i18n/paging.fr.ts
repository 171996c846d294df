/** UI texts of long lists cut into pages (issue 14), French (spread into fr.ts). */
export const pagingFr = {
  'paging.label': 'Pages de la liste',
  'paging.range': '{from}–{to} sur {total}',
  'paging.previous': 'Page précédente',
  'paging.next': 'Page suivante',
};

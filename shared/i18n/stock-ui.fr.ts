/** UI texts of one feature, French (spread into fr.ts). */
export const stockUiFr = {
  'nav.stock': 'Stocks',
} as const;

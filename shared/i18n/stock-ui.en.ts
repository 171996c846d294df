import type { stockUiFr } from './stock-ui.fr';

/** UI texts of one feature, English (spread into en.ts). */
export const stockUiEn: Record<keyof typeof stockUiFr, string> = {
  'nav.stock': 'Stock',
};

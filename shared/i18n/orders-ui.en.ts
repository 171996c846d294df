import type { ordersUiFr } from './orders-ui.fr';

/** UI texts of one feature, English (spread into en.ts). */
export const ordersUiEn: Record<keyof typeof ordersUiFr, string> = {
};

import type { slotsUiFr } from './slots-ui.fr';

/** UI texts of one feature, English (spread into en.ts). */
export const slotsUiEn: Record<keyof typeof slotsUiFr, string> = {
};

import type { distributionsUiFr } from './distributions-ui.fr';

/** UI texts of one feature, English (spread into en.ts). */
export const distributionsUiEn: Record<keyof typeof distributionsUiFr, string> = {
};

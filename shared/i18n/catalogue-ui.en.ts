import type { catalogueUiFr } from './catalogue-ui.fr';

/** UI texts of one feature, English (spread into en.ts). */
export const catalogueUiEn: Record<keyof typeof catalogueUiFr, string> = {
};

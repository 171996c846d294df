import type { membersUiFr } from './members-ui.fr';

/** UI texts of one feature, English (spread into en.ts). */
export const membersUiEn: Record<keyof typeof membersUiFr, string> = {
};

import type { checkinUiFr } from './checkin-ui.fr';

/** UI texts of one feature, English (spread into en.ts). */
export const checkinUiEn: Record<keyof typeof checkinUiFr, string> = {
};

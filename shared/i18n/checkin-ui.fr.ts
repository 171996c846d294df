/** UI texts of one feature, French (spread into fr.ts). */
export const checkinUiFr = {
} as const;

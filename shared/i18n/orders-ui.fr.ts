/** UI texts of one feature, French (spread into fr.ts). */
export const ordersUiFr = {
} as const;

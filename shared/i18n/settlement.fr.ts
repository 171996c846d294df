/** Messages of the settlement and its frozen rates (issue 15), French (spread into fr.ts). */
export const settlementFr = {
  // File name of the CSV export: plain ASCII, safe on every system.
  'settlement.fileName': 'bilan',
  'error.ratesNotFrozen': 'Les commandes de cette distribution ne sont pas encore fermées : elle suit les taux du relais (Réglages).',
  'error.distributionSettled': 'Le bilan de cette distribution est réglé : ses taux et ses commandes ne changent plus.',
  'error.ratesUnchanged': 'Ce sont déjà les taux de cette distribution.',
} as const;

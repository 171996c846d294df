/** Messages of the settlement and its frozen rates (issue 15), French (spread into fr.ts). */
export const settlementFr = {
  // File name of the CSV export: plain ASCII, safe on every system.
  'settlement.fileName': 'bilan',
  // Column headings of the settlement CSV (the French ones are those of earlier exports).
  'settlement.csv.producer': 'producteur',
  'settlement.csv.gross': 'ventes TTC',
  'settlement.csv.vat': 'dont TVA',
  'settlement.csv.commission': 'commission relais',
  'settlement.csv.serviceFee': 'frais de service',
  'settlement.csv.owed': 'dû au producteur',
  'settlement.csv.refunded': 'remboursé (manquants)',
  'settlement.csv.total': 'TOTAL',
  'error.ratesNotFrozen': 'Les commandes de cette distribution ne sont pas encore fermées : elle suit les taux du relais (Réglages).',
  'error.distributionSettled': 'Le bilan de cette distribution est réglé : ses taux et ses commandes ne changent plus.',
  'error.ratesUnchanged': 'Ce sont déjà les taux de cette distribution.',
} as const;

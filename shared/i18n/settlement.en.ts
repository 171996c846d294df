import type { settlementFr } from './settlement.fr';

/** Messages of the settlement and its frozen rates (issue 15), English (spread into en.ts). */
export const settlementEn: Record<keyof typeof settlementFr, string> = {
  'settlement.fileName': 'settlement',
  'settlement.csv.producer': 'producer',
  'settlement.csv.gross': 'sales incl. VAT',
  'settlement.csv.vat': 'of which VAT',
  'settlement.csv.commission': 'host commission',
  'settlement.csv.serviceFee': 'service fee',
  'settlement.csv.owed': 'owed to the producer',
  'settlement.csv.refunded': 'refunded (missing items)',
  'settlement.csv.total': 'TOTAL',
  'error.ratesNotFrozen': 'Ordering for this distribution has not closed yet: it follows the relay’s rates (Settings).',
  'error.distributionSettled': 'This distribution’s settlement is settled: its rates and orders no longer change.',
  'error.ratesUnchanged': 'These are already this distribution’s rates.',
};

import type { settlementFr } from './settlement.fr';

/** Messages of the settlement and its frozen rates (issue 15), English (spread into en.ts). */
export const settlementEn: Record<keyof typeof settlementFr, string> = {
  'settlement.fileName': 'settlement',
  'error.ratesNotFrozen': 'Ordering for this distribution has not closed yet: it follows the relay’s rates (Settings).',
  'error.distributionSettled': 'This distribution’s settlement is settled: its rates and orders no longer change.',
  'error.ratesUnchanged': 'These are already this distribution’s rates.',
};

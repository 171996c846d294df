/** The settlement as a spreadsheet for the accountant: one row per producer, then the totals; headings in the relay's language. */
import { centsCell } from '../csv/write';
import { translate } from '../i18n/messages';
import type { Language } from '../model/fields';
import type { DistributionSettlement } from './distribution';

const COLUMNS = ['producer', 'gross', 'vat', 'commission', 'serviceFee', 'owed', 'refunded'] as const;

export function settlementRows(settlement: DistributionSettlement, language: Language): string[][] {
  const vatOf = (shares: { vatCents: number }[]) => centsCell(shares.reduce((sum, share) => sum + share.vatCents, 0));
  return [
    COLUMNS.map((column) => translate(language, `settlement.csv.${column}`)),
    ...settlement.producers.map((row) => [
      row.producerName,
      centsCell(row.grossCents),
      vatOf(row.vat),
      centsCell(row.hostCommissionCents),
      centsCell(row.serviceFeeCents),
      centsCell(row.owedCents),
      centsCell(row.missingCents),
    ]),
    [
      translate(language, 'settlement.csv.total'),
      centsCell(settlement.totals.grossCents),
      vatOf(settlement.totals.vat),
      centsCell(settlement.totals.hostCommissionCents),
      centsCell(settlement.totals.serviceFeeCents),
      centsCell(settlement.totals.owedCents),
      centsCell(settlement.totals.missingCents),
    ],
  ];
}

/** The settlement as a spreadsheet for the accountant: one row per producer, then the totals. */
import { centsCell } from '../csv/write';
import type { DistributionSettlement } from './distribution';

export const SETTLEMENT_HEADER = [
  'producteur', 'ventes TTC', 'dont TVA', 'commission relais', 'frais de service', 'dû au producteur', 'remboursé (manquants)',
];

export function settlementRows(settlement: DistributionSettlement): string[][] {
  const vatOf = (shares: { vatCents: number }[]) => centsCell(shares.reduce((sum, share) => sum + share.vatCents, 0));
  return [
    SETTLEMENT_HEADER,
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
      'TOTAL',
      centsCell(settlement.totals.grossCents),
      vatOf(settlement.totals.vat),
      centsCell(settlement.totals.hostCommissionCents),
      centsCell(settlement.totals.serviceFeeCents),
      centsCell(settlement.totals.owedCents),
      centsCell(settlement.totals.missingCents),
    ],
  ];
}

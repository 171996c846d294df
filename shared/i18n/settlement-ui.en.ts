import type { settlementUiFr } from './settlement-ui.fr';

/** UI texts of the settlement, English (spread into en.ts). */
export const settlementUiEn: Record<keyof typeof settlementUiFr, string> = {
  'settlement.title': 'Settlement of {day}',
  'settlement.link': 'Distribution settlement',
  'settlement.back': 'Back to the distribution',
  'settlement.rates': 'Host commission {host} % · service fee {fee} % · rounded half up to the cent, once per producer total.',
  'settlement.empty': 'No sales in this distribution yet.',
  'settlement.producer': 'Producer',
  'settlement.product': 'Product',
  'settlement.quantity': 'Quantity',
  'settlement.gross': 'Sales incl. VAT',
  'settlement.vat': 'of which VAT',
  'settlement.vatRate': 'VAT {rate} %',
  'settlement.commission': 'Host commission',
  'settlement.serviceFee': 'Service fee',
  'settlement.refunded': 'Refunded (missing items)',
  'settlement.owed': 'Owed to the producer',
  'settlement.total': 'Distribution total',
  'settlement.exportCsv': 'Export to CSV',
  'settlement.print': 'Print the settlements',
  'settlement.sheetTitle': 'Producer settlement — {producer}',
  'settlement.caption': 'Settlement by producer',
  'settlement.details': 'Per product',
};

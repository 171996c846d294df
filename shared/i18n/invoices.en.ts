import type { invoicesFr } from './invoices.fr';

/** Messages of producers' statements, invoices and credit notes (issue 15), English (spread into en.ts). */
export const invoicesEn: Record<keyof typeof invoicesFr, string> = {
  'invoices.fileName.statement': 'statement',
  'invoices.fileName.invoice': 'invoice',
  'invoices.fileName.creditNote': 'credit-note',
  'invoices.csv.product': 'product',
  'invoices.csv.quantity': 'quantity',
  'invoices.csv.gross': 'sales incl. VAT',
  'invoices.csv.vatRate': 'VAT rate',
  'invoices.csv.net': 'excl. VAT',
  'invoices.csv.vat': 'VAT',
  'invoices.csv.commission': 'host commission',
  'invoices.csv.serviceFee': 'service fee',
  'invoices.csv.feeVat': 'VAT on fees',
  'invoices.csv.owed': 'owed to the producer',
  'invoices.csv.refunded': 'refunded (missing items)',
  'error.invoiceNotFound': 'This invoice does not exist.',
  'error.invoiceAlreadyIssued': 'Invoice {number} is already issued for this producer and period. To correct it, issue a credit note.',
  'error.invoiceAlreadyCredited': 'This invoice is already cancelled by credit note {number}.',
  'error.creditOfCreditNote': 'A credit note is not cancelled by another credit note.',
  'error.invoiceNothingSold': 'This producer sold nothing in this period: there is nothing to invoice.',
  'error.invoiceNotFinal': 'Ordering for a distribution of this period has not closed yet: its amounts may still change.',
  'validation.month': 'Enter a month (YYYY-MM).',
};

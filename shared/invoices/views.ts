/** What the invoices operations return (issue 15). */
import type { Invoice, StatementFigures, StatementPeriod } from '../model/invoice';

export interface ProducerStatementView {
  producerId: string;
  producerName: string;
  period: StatementPeriod;
  /** A distribution's statement: its pickup day (null for a month). */
  pickupDate: string | null;
  figures: StatementFigures;
  /** Every distribution of the period has closed ordering, so its rates are frozen: the figures can be issued. */
  final: boolean;
  /** The invoice standing for this producer and period (issued and not cancelled by a credit note), if any. */
  invoiceId: string | null;
}

export interface InvoiceList {
  invoices: Invoice[];
  /** Numbers two copies each gave offline: listed, never merged away, until credit notes leave one standing. */
  sharedNumbers: { number: string; invoices: (Invoice & { creditedBy: string | null })[] }[];
}

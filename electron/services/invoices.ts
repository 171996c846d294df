/**
 * Producers' statements and invoices (issue 15). A statement is computed from the
 * distributions' settlements whenever it is asked for; an invoice is that statement
 * given the next number of the relay's year and written in the same transaction as
 * the number, so no number is ever given without its invoice (or twice by this copy).
 * Issued invoices never change: a correction is a credit note naming the invoice.
 * A producer's copy never issues: the dispatch refuses every change but its offers
 * there (sync/syncer.ts), and organisers refuse invoices arriving from it by sync.
 */
import { randomUUID } from 'node:crypto';
import { UserError } from '../../shared/contract/errors';
import { todayIn } from '../../shared/distributions/calendar';
import { translate } from '../../shared/i18n/messages';
import { writeCsv } from '../../shared/csv/write';
import { invoiceNumber, nextSequence, unsettledSharedNumbers } from '../../shared/invoices/numbering';
import { statementRows } from '../../shared/invoices/csv';
import { negated, producerStatement } from '../../shared/invoices/statement';
import { orderingHasClosed } from '../../shared/settlement/rates';
import type { Invoice, StatementPeriod } from '../../shared/model/invoice';
import type { InvoiceList, ProducerStatementView } from '../../shared/invoices/views';
import type { Store, Transaction } from '../store/store';
import { existingDistribution } from './distributions';
import { freezeClosed } from './frozen-rates';
import { readRelay } from './relay';
import { settlementOf } from './settlement';
import { fileSafe } from '../../shared/text/normalise';

type Source = Store | Transaction;

function distributionsOf(source: Source, period: StatementPeriod) {
  if (period.kind === 'distribution') return [existingDistribution(source, period.distributionId)];
  return source.all('distribution').filter((distribution) => distribution.cancelledAt === null && distribution.pickupDate.startsWith(`${period.month}-`));
}

function existingProducer(source: Source, producerId: string) {
  const producer = source.get('producer', producerId);
  if (!producer) throw new UserError('error.producerNotFound');
  return producer;
}

const samePeriod = (a: StatementPeriod, b: StatementPeriod) =>
  a.kind === 'month' ? b.kind === 'month' && a.month === b.month : b.kind === 'distribution' && a.distributionId === b.distributionId;

/** The invoice for a producer and period that no credit note has cancelled. */
function standingInvoice(source: Source, producerId: string, period: StatementPeriod): Invoice | undefined {
  const all = source.all('invoice');
  const credited = new Set(all.flatMap((invoice) => (invoice.creditOf ? [invoice.creditOf] : [])));
  return all.find((invoice) => invoice.kind === 'invoice' && invoice.producerId === producerId && samePeriod(invoice.period, period) && !credited.has(invoice.id));
}

/**
 * A standing invoice of the producer that already covers sales of these distributions: a month's
 * invoice and one for a distribution of that month would invoice the same sales twice.
 */
function invoiceCovering(source: Source, producerId: string, distributionIds: readonly string[]): { invoice: Invoice; pickupDate: string } | undefined {
  const all = source.all('invoice');
  const credited = new Set(all.flatMap((invoice) => (invoice.creditOf ? [invoice.creditOf] : [])));
  const wanted = new Set(distributionIds);
  for (const invoice of all) {
    if (invoice.kind !== 'invoice' || invoice.producerId !== producerId || credited.has(invoice.id)) continue;
    const shared = invoice.figures.distributions.find((row) => wanted.has(row.distributionId));
    if (shared) return { invoice, pickupDate: shared.pickupDate };
  }
  return undefined;
}

export function statementOf(source: Source, producerId: string, period: StatementPeriod, now: Date): ProducerStatementView {
  const producer = existingProducer(source, producerId);
  const distributions = distributionsOf(source, period);
  const settled = distributions.map((distribution) => ({
    distributionId: distribution.id,
    pickupDate: distribution.pickupDate,
    settlement: settlementOf(source, distribution.id),
  }));
  return {
    producerId,
    producerName: producer.name,
    period,
    pickupDate: period.kind === 'distribution' ? (distributions[0]?.pickupDate ?? null) : null,
    figures: producerStatement(producerId, settled, readRelay(source).feeVatBp),
    // Closed by the clock but not yet swept: its rates are the relay's now, which the freeze will keep.
    final: distributions.every((distribution) => distribution.rates !== null || orderingHasClosed(distribution, now)),
    invoiceId: standingInvoice(source, producerId, period)?.id ?? null,
  };
}

/** Gives the next number of the year and writes the invoice with it, in the caller's transaction. */
function issueInTransaction(tx: Transaction, draft: Omit<Invoice, 'id' | 'year' | 'sequence' | 'number' | 'issuedAt' | 'issuedBy'>, at: Date, device: string): Invoice {
  const year = Number(todayIn(readRelay(tx).timeZone, at).slice(0, 4));
  const sequence = nextSequence(tx.all('invoice'), year);
  return tx.put('invoice', { ...draft, id: randomUUID(), year, sequence, number: invoiceNumber(year, sequence), issuedAt: at.toISOString(), issuedBy: device });
}

export function invoicesService(store: () => Store, now: () => Date) {
  const list = (source: Source): InvoiceList => {
    const invoices = source.all('invoice').sort((a, b) => b.year - a.year || b.sequence - a.sequence || a.issuedAt.localeCompare(b.issuedAt));
    return { invoices, sharedNumbers: unsettledSharedNumbers(invoices) };
  };

  return {
    'invoices.statement': async ({ producerId, period }: { producerId: string; period: StatementPeriod }) => statementOf(store(), producerId, period, now()),

    'invoices.list': async () => list(store()),

    'invoices.get': async ({ invoiceId }: { invoiceId: string }) => {
      const invoice = store().get('invoice', invoiceId);
      if (!invoice) throw new UserError('error.invoiceNotFound');
      return invoice;
    },

    'invoices.issue': ({ producerId, period }: { producerId: string; period: StatementPeriod }) =>
      store().transact((tx) => {
        // A closing the sweep has not reached yet is frozen first, in this transaction, as the settlement does.
        freezeClosed(tx, now());
        const statement = statementOf(tx, producerId, period, now());
        if (statement.invoiceId !== null) throw new UserError('error.invoiceAlreadyIssued', { number: tx.get('invoice', statement.invoiceId)?.number ?? '' });
        if (statement.figures.distributions.length === 0) throw new UserError('error.invoiceNothingSold');
        const covering = invoiceCovering(tx, producerId, statement.figures.distributions.map((row) => row.distributionId));
        if (covering) throw new UserError('error.invoiceCoversSameSales', { number: covering.invoice.number, pickupDate: covering.pickupDate });
        if (!statement.final) throw new UserError('error.invoiceNotFinal');
        return issueInTransaction(
          tx,
          { kind: 'invoice', producerId, producerName: statement.producerName, period, figures: statement.figures, creditOf: null, creditOfNumber: null, reason: '' },
          now(),
          store().deviceId,
        );
      }),

    /** Cancels an issued invoice with a credit note of the opposite amounts, numbered in the same sequence; the invoice is left as it was. */
    'invoices.creditNote': ({ invoiceId, reason }: { invoiceId: string; reason: string }) =>
      store().transact((tx) => {
        const invoice = tx.get('invoice', invoiceId);
        if (!invoice) throw new UserError('error.invoiceNotFound');
        if (invoice.kind !== 'invoice') throw new UserError('error.creditOfCreditNote');
        const existing = tx.all('invoice').find((other) => other.creditOf === invoice.id);
        if (existing) throw new UserError('error.invoiceAlreadyCredited', { number: existing.number });
        return issueInTransaction(
          tx,
          {
            kind: 'creditNote',
            producerId: invoice.producerId,
            producerName: invoice.producerName,
            period: invoice.period,
            figures: negated(invoice.figures),
            creditOf: invoice.id,
            creditOfNumber: invoice.number,
            reason,
          },
          now(),
          store().deviceId,
        );
      }),

    /** The statement, or an issued invoice's frozen figures, as a spreadsheet; the file name in the relay's language. */
    'invoices.exportCsv': async (input: { producerId?: string; period?: StatementPeriod; invoiceId?: string }) => {
      const source = store();
      const { language } = readRelay(source);
      if (input.invoiceId !== undefined) {
        const invoice = source.get('invoice', input.invoiceId);
        if (!invoice) throw new UserError('error.invoiceNotFound');
        const name = translate(language, invoice.kind === 'invoice' ? 'invoices.fileName.invoice' : 'invoices.fileName.creditNote');
        return { fileName: `${name}-${invoice.number}.csv`, content: writeCsv(statementRows(invoice.figures, language)) };
      }
      // The contract's check: without an invoice, both are there.
      const { producerId, period } = input as { producerId: string; period: StatementPeriod };
      const statement = statementOf(source, producerId, period, now());
      const when = period.kind === 'month' ? period.month : existingDistribution(source, period.distributionId).pickupDate;
      return {
        fileName: `${translate(language, 'invoices.fileName.statement')}-${fileSafe(statement.producerName)}-${when}.csv`,
        content: writeCsv(statementRows(statement.figures, language)),
      };
    },
  };
}

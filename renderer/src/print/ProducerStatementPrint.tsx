import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { formatDay, longDay, monthName } from '../../../shared/i18n/format';
import type { ProducerStatementView } from '../../../shared/invoices/views';
import type { Invoice, StatementPeriod } from '../../../shared/model/invoice';
import { useReadyApp } from '../app/ready-app-context';
import { call } from '../client';
import { PageError } from '../forms/PageError';
import { useI18n } from '../i18n/i18n-context';
import { downloadText } from '../import/file-bytes';
import { areaHref } from '../shell/areas';
import { PrintFrame } from './PrintFrame';
import { StatementFiguresSheet } from './StatementFiguresSheet';

/**
 * `#/print/producerStatement/<producerId>/<YYYY-MM>`: a producer's monthly statement, from which its invoice is issued;
 * `…/distribution/<distributionId>`: the same figures for one distribution, to hand over on the day (PDF, CSV).
 * Invoices are issued per month only, so a distribution's sales are never invoiced twice.
 */
export function ProducerStatementPrint({ producerId, period }: { producerId: string; period: StatementPeriod }) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const [statement, setStatement] = useState<ProducerStatementView | null>(null);
  const [issued, setIssued] = useState<Invoice | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const periodKey = period.kind === 'month' ? period.month : period.distributionId;

  useEffect(() => {
    let live = true;
    const asked: StatementPeriod = period.kind === 'month' ? { kind: 'month', month: periodKey } : { kind: 'distribution', distributionId: periodKey };
    void call('invoices.statement', { producerId, period: asked }).then(async (outcome) => {
      if (!live) return;
      if (!outcome.ok) return setError(outcome.error);
      setStatement(outcome.value);
      if (outcome.value.invoiceId) {
        const invoice = await call('invoices.get', { invoiceId: outcome.value.invoiceId });
        if (live && invoice.ok) setIssued(invoice.value);
      }
    });
    return () => {
      live = false;
    };
    // periodKey stands for the period: a new object each render must not load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [producerId, periodKey]);

  async function issue() {
    const outcome = await call('invoices.issue', { producerId, period });
    if (!outcome.ok) return setActionError(outcome.error);
    window.location.hash = areaHref('print', 'invoice', outcome.value.id);
  }

  async function exportCsv() {
    const outcome = await call('invoices.exportCsv', { producerId, period });
    if (outcome.ok) downloadText(outcome.value.fileName, outcome.value.content);
    else setActionError(outcome.error);
  }

  const periodText =
    period.kind === 'month' ? monthName(language, period.month) : statement?.pickupDate ? t('invoices.distributionPeriod', { day: longDay(language, statement.pickupDate) }) : '';
  const title = t('invoices.statementTitle', { producer: statement?.producerName ?? '', period: periodText });
  const options = statement && (
    <div className="statement-actions">
      <PageError error={actionError} />
      <button type="button" className="button" onClick={() => void exportCsv()}>
        {t('invoices.exportCsv')}
      </button>
      {period.kind === 'distribution' ? null : issued ? (
        <a className="button" href={areaHref('print', 'invoice', issued.id)}>
          {t('invoices.openInvoice', { number: issued.number })}
        </a>
      ) : statement.final ? (
        statement.figures.distributions.length > 0 && (
          <button type="button" className="button" onClick={() => void issue()}>
            {t('invoices.issue')}
          </button>
        )
      ) : (
        <p className="muted">{t('invoices.notFinal')}</p>
      )}
    </div>
  );

  return (
    <PrintFrame
      title={title}
      job={{ view: 'producerStatement', id: producerId, options: period.kind === 'month' ? { month: period.month } : { distributionId: period.distributionId } }}
      loaded={statement !== null}
      error={error}
      options={options}
    >
      {statement && (
        <>
          <header className="print-sheet-head">
            <h2 className="print-sheet-title">{title}</h2>
            <p className="print-relay">{relay.name}</p>
            {relay.address && <p className="print-relay-address">{relay.address}</p>}
            {period.kind === 'month' && <p className="print-pickup">{issued ? t('invoices.openInvoice', { number: issued.number }) : t('invoices.draft')}</p>}
          </header>
          <StatementFiguresSheet figures={statement.figures} />
        </>
      )}
    </PrintFrame>
  );
}

/** `#/print/invoice/<invoiceId>`: an issued invoice or credit note, as it was frozen; an invoice can be cancelled by a credit note here. */
export function InvoicePrint({ invoiceId }: { invoiceId: string }) {
  const { t, language, timeZone } = useI18n();
  const { relay } = useReadyApp();
  const [invoice, setInvoice] = useState<Invoice | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const [reason, setReason] = useState('');

  useEffect(() => {
    let live = true;
    void call('invoices.get', { invoiceId }).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setInvoice(outcome.value);
      else setError(outcome.error);
    });
    return () => {
      live = false;
    };
  }, [invoiceId]);

  async function creditNote() {
    const outcome = await call('invoices.creditNote', { invoiceId, reason });
    if (!outcome.ok) return setActionError(outcome.error);
    window.location.hash = areaHref('print', 'invoice', outcome.value.id);
  }

  async function exportCsv() {
    const outcome = await call('invoices.exportCsv', { invoiceId });
    if (outcome.ok) downloadText(outcome.value.fileName, outcome.value.content);
    else setActionError(outcome.error);
  }

  const title = invoice ? t(invoice.kind === 'invoice' ? 'invoices.invoiceTitle' : 'invoices.creditNoteTitle', { number: invoice.number }) : '';
  const periodText = invoice?.period.kind === 'month' ? monthName(language, invoice.period.month) : (invoice?.figures.distributions[0]?.pickupDate ?? '');
  const options = invoice && (
    <div className="statement-actions">
      <PageError error={actionError} />
      <button type="button" className="button" onClick={() => void exportCsv()}>
        {t('invoices.exportCsv')}
      </button>
      {invoice.kind === 'invoice' && (
        <form
          className="credit-note-form"
          onSubmit={(event) => {
            event.preventDefault();
            void creditNote();
          }}
        >
          <label>
            {t('invoices.creditReason')}
            <input type="text" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
          </label>
          <button type="submit" className="button">
            {t('invoices.creditNote')}
          </button>
        </form>
      )}
    </div>
  );

  return (
    <PrintFrame title={title} job={{ view: 'invoice', id: invoiceId }} loaded={invoice !== null} error={error} options={options}>
      {invoice && (
        <>
          <header className="print-sheet-head">
            <h2 className="print-sheet-title">{title}</h2>
            <p className="print-relay">{relay.name}</p>
            {relay.address && <p className="print-relay-address">{relay.address}</p>}
            <p className="print-pickup">{t('invoices.producer', { producer: invoice.producerName })}</p>
            <p className="print-pickup">{t('invoices.period', { period: periodText })}</p>
            <p className="print-pickup">{t('invoices.issuedOn', { date: formatDay(language, invoice.issuedAt, timeZone) })}</p>
            {invoice.creditOfNumber && <p className="print-pickup">{t('invoices.creditOf', { number: invoice.creditOfNumber })}</p>}
            {invoice.reason && <p className="print-pickup">{t('invoices.reason', { reason: invoice.reason })}</p>}
          </header>
          <StatementFiguresSheet figures={invoice.figures} />
        </>
      )}
    </PrintFrame>
  );
}

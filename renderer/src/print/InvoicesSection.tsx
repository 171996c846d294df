import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { formatMoney } from '../../../shared/i18n/format';
import type { InvoiceList } from '../../../shared/invoices/views';
import type { Producer } from '../../../shared/model/producer';
import { useReadyApp } from '../app/ready-app-context';
import { call } from '../client';
import { useToday } from '../distributions/use-today';
import { PageError } from '../forms/PageError';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';

/**
 * On the print page (issue 15): a producer's monthly statement to open, and the invoices and
 * credit notes issued so far, newest first. A number two copies each gave offline is said first.
 */
export function InvoicesSection() {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const today = useToday();
  const [producers, setProducers] = useState<Producer[]>([]);
  const [list, setList] = useState<InvoiceList | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [producerId, setProducerId] = useState('');
  const [month, setMonth] = useState(today.slice(0, 7));

  useEffect(() => {
    let live = true;
    void Promise.all([call('producers.list', { archived: 'all' }), call('invoices.list', {})]).then(([producersOutcome, invoicesOutcome]) => {
      if (!live) return;
      if (producersOutcome.ok) {
        setProducers(producersOutcome.value);
        setProducerId((current) => current || (producersOutcome.value[0]?.id ?? ''));
      } else setError(producersOutcome.error);
      if (invoicesOutcome.ok) setList(invoicesOutcome.value);
      else setError(invoicesOutcome.error);
    });
    return () => {
      live = false;
    };
  }, []);

  const validMonth = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  return (
    <section className="invoices-section" aria-labelledby="invoices-title">
      <h2 id="invoices-title">{t('invoices.sectionTitle')}</h2>
      <PageError error={error} />
      <div className="toolbar">
        <label>
          {t('invoices.chooseProducer')}
          <select value={producerId} onChange={(event) => setProducerId(event.target.value)}>
            {producers.map((producer) => (
              <option key={producer.id} value={producer.id}>
                {producer.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('invoices.chooseMonth')}
          <input type="month" value={month} onChange={(event) => setMonth(event.target.value)} />
        </label>
        {producerId && validMonth && (
          <a className="button" href={areaHref('print', 'producerStatement', producerId, month)}>
            {t('invoices.openStatement')}
          </a>
        )}
      </div>
      {list?.sharedNumbers.map(({ number, invoices }) => (
        <p key={number} className="field-error" role="alert">
          {t('invoices.sharedNumber', { number, producers: invoices.map((invoice) => invoice.producerName).join(', ') })}
        </p>
      ))}
      {list && list.invoices.length > 0 && (
        <div className="table-frame">
          <table className="table">
            <caption className="visually-hidden">{t('invoices.issuedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('invoices.col.number')}</th>
                <th scope="col">{t('invoices.col.producer')}</th>
                <th scope="col" className="numeric">{t('invoices.line.owed')}</th>
              </tr>
            </thead>
            <tbody>
              {list.invoices.map((invoice) => (
                <tr key={invoice.id}>
                  <th scope="row">
                    <a href={areaHref('print', 'invoice', invoice.id)}>
                      {t(invoice.kind === 'invoice' ? 'invoices.invoiceTitle' : 'invoices.creditNoteTitle', { number: invoice.number })}
                    </a>
                  </th>
                  <td>{invoice.producerName}</td>
                  <td className="numeric">{formatMoney(language, invoice.figures.owedCents, relay.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

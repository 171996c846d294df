import { formatMoney, formatPercent, shortDay } from '../../../shared/i18n/format';
import type { StatementFigures } from '../../../shared/model/invoice';
import { useReadyApp } from '../app/ready-app-context';
import { useI18n } from '../i18n/i18n-context';

/** The body of a producer's statement, invoice or credit note on paper (issue 15): sales by product, VAT per rate, distributions, then the amounts down to what is owed. */
export function StatementFiguresSheet({ figures }: { figures: StatementFigures }) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const money = (cents: number) => formatMoney(language, cents, relay.currency);
  const percent = (bp: number) => `${formatPercent(language, bp)} %`;
  if (figures.distributions.length === 0) return <p className="print-empty">{t('invoices.empty')}</p>;
  return (
    <>
      <h3 className="print-section-title">{t('invoices.heading.products')}</h3>
      <table className="print-table">
        <thead>
          <tr>
            <th scope="col">{t('invoices.col.product')}</th>
            <th scope="col" className="numeric">{t('invoices.col.quantity')}</th>
            <th scope="col" className="numeric">{t('invoices.col.gross')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.products.map((product) => (
            <tr key={product.productId}>
              <td>{product.productName}</td>
              <td className="numeric">{product.quantity.toLocaleString(language === 'fr' ? 'fr-BE' : 'en-GB')}</td>
              <td className="numeric">{money(product.grossCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="print-section-title">{t('invoices.heading.vat')}</h3>
      <table className="print-table">
        <thead>
          <tr>
            <th scope="col">{t('invoices.col.vatRate')}</th>
            <th scope="col" className="numeric">{t('invoices.col.net')}</th>
            <th scope="col" className="numeric">{t('invoices.col.vat')}</th>
            <th scope="col" className="numeric">{t('invoices.col.gross')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.vat.map((share) => (
            <tr key={share.vatRateBp}>
              <td>{percent(share.vatRateBp)}</td>
              <td className="numeric">{money(share.netCents)}</td>
              <td className="numeric">{money(share.vatCents)}</td>
              <td className="numeric">{money(share.grossCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="print-section-title">{t('invoices.heading.distributions')}</h3>
      <table className="print-table">
        <thead>
          <tr>
            <th scope="col">{t('invoices.col.date')}</th>
            <th scope="col" className="numeric">{t('invoices.col.gross')}</th>
            <th scope="col" className="numeric">{t('invoices.col.commission')}</th>
            <th scope="col" className="numeric">{t('invoices.col.serviceFee')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.distributions.map((row) => (
            <tr key={row.distributionId}>
              <td>{shortDay(language, row.pickupDate)}</td>
              <td className="numeric">{money(row.grossCents)}</td>
              <td className="numeric">{`${money(row.hostCommissionCents)} (${percent(row.hostCommissionBp)})`}</td>
              <td className="numeric">{`${money(row.serviceFeeCents)} (${percent(row.serviceFeeBp)})`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="print-section-title">{t('invoices.heading.amounts')}</h3>
      <table className="print-table statement-amounts">
        <tbody>
          <tr><th scope="row">{t('invoices.line.gross')}</th><td className="numeric">{money(figures.grossCents)}</td></tr>
          <tr><th scope="row">{t('invoices.line.commission')}</th><td className="numeric">{money(-figures.hostCommissionCents)}</td></tr>
          <tr><th scope="row">{t('invoices.line.serviceFee')}</th><td className="numeric">{money(-figures.serviceFeeCents)}</td></tr>
          {figures.feeVatBp > 0 && (
            <tr><th scope="row">{t('invoices.line.feeVat', { rate: formatPercent(language, figures.feeVatBp) })}</th><td className="numeric">{money(-figures.feeVatCents)}</td></tr>
          )}
          <tr><th scope="row">{t('invoices.line.owed')}</th><td className="numeric"><strong>{money(figures.owedCents)}</strong></td></tr>
          {figures.missingCents !== 0 && (
            <tr><th scope="row">{t('invoices.line.refunded')}</th><td className="numeric">{money(figures.missingCents)}</td></tr>
          )}
        </tbody>
      </table>
    </>
  );
}

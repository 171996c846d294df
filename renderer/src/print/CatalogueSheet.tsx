import { Fragment } from 'react';
import type { DistributionView, OfferRow } from '../../../shared/catalogue/views';
import { toLocal } from '../../../shared/distributions/calendar';
import { formatMoney, longDay } from '../../../shared/i18n/format';
import type { RelaySettings } from '../../../shared/model/relay';
import { UNIT_LABELS } from '../catalogue/product-labels';
import { useI18n } from '../i18n/i18n-context';
import { catalogueSections, type GroupBy } from './catalogue-sections';

interface CatalogueSheetProps {
  relay: RelaySettings;
  distribution: DistributionView;
  offers: OfferRow[];
  groupBy: GroupBy;
}

/**
 * Rows kept with their section's heading: a heading alone at the foot of a
 * page tells a member nothing. Two rows, so a long section still breaks early.
 */
const ROWS_WITH_HEADING = 2;

/**
 * The weekly catalogue as an order form: the same markup on screen (the
 * preview) and on paper. Every text comes from data through React, which
 * escapes it: a product called `<b>Zoé & "Léa"</b>` prints exactly so.
 * The table head repeats on every printed page (thead is a table-header-group),
 * and carries the relay and the pickup day, so a loose page still says what it is.
 */
export function CatalogueSheet({ relay, distribution, offers, groupBy }: CatalogueSheetProps) {
  const { t, language } = useI18n();
  const sections = catalogueSections(offers, groupBy, relay.categories);
  const withProducer = groupBy === 'category';
  const columnCount = withProducer ? 7 : 6;
  const day = longDay(language, distribution.pickupDate);
  const pickup = { day, start: distribution.pickupStart, end: distribution.pickupEnd };
  const closes = toLocal(distribution.closedEarlyAt ?? distribution.closesAt, relay.timeZone);

  const remaining = (row: OfferRow) =>
    row.remaining === null ? t('stock.unlimited') : row.remaining <= 0 ? t('print.sheet.soldOut') : String(row.remaining);

  const line = (row: OfferRow) => (
    <tr key={row.offer.id}>
      <th scope="row">{row.product.name}</th>
      {withProducer && <td>{row.producer.name}</td>}
      <td>{row.product.packDescription}</td>
      <td>{t(UNIT_LABELS[row.product.unit])}</td>
      <td className="numeric">{formatMoney(language, row.priceCents, relay.currency)}</td>
      <td className="numeric">{remaining(row)}</td>
      <td className="print-quantity" />
    </tr>
  );

  return (
    <>
      <header className="print-sheet-head">
        <h2 className="print-sheet-title">{t('print.sheet.title')}</h2>
        <p className="print-relay">{relay.name}</p>
        {relay.address && <p className="print-relay-address">{relay.address}</p>}
        <p className="print-pickup">{t('print.sheet.pickup', pickup)}</p>
        <p>{t('print.sheet.closes', { when: `${longDay(language, closes.date)}, ${closes.time}` })}</p>
        <div className="print-member">
          <p>
            {t('print.sheet.member')} <span className="print-write-line" />
          </p>
          <p>
            {t('print.sheet.phone')} <span className="print-write-line" />
          </p>
        </div>
      </header>
      {offers.length === 0 ? (
        <p className="print-empty">{t('print.sheet.empty')}</p>
      ) : (
        <table className="print-table">
          <caption className="visually-hidden">{t('print.sheet.count', { count: offers.length })}</caption>
          <thead>
            <tr className="print-running-head">
              <td colSpan={columnCount}>{t('print.sheet.runningHead', { relay: relay.name, ...pickup })}</td>
            </tr>
            <tr>
              <th scope="col" className="print-column-product">
                {t('print.column.product')}
              </th>
              {withProducer && <th scope="col">{t('print.column.producer')}</th>}
              <th scope="col">{t('print.column.pack')}</th>
              <th scope="col">{t('print.column.unit')}</th>
              <th scope="col" className="numeric">
                {t('print.column.price')}
              </th>
              <th scope="col" className="numeric">
                {t('print.column.remaining')}
              </th>
              <th scope="col" className="print-quantity">
                {t('print.column.quantity')}
              </th>
            </tr>
          </thead>
          {sections.map((section) => (
            <Fragment key={section.key}>
              {/* The heading and its first rows cannot be split (break-inside: avoid on this tbody). */}
              <tbody className="print-section-start">
                <tr className="print-section-heading">
                  <th scope="colgroup" colSpan={columnCount}>
                    {section.title}
                  </th>
                </tr>
                {section.rows.slice(0, ROWS_WITH_HEADING).map(line)}
              </tbody>
              {section.rows.length > ROWS_WITH_HEADING && <tbody>{section.rows.slice(ROWS_WITH_HEADING).map(line)}</tbody>}
            </Fragment>
          ))}
        </table>
      )}
    </>
  );
}

import { useId } from 'react';
import type { OfferRow } from '../../../shared/catalogue/views';
import { formatMoney } from '../../../shared/i18n/format';
import { useReadyApp } from '../app/ready-app-context';
import { UNIT_LABELS } from '../catalogue/product-labels';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';

/** Rows already sorted by producer then product (offers.forDistribution), cut per producer. */
function byProducer(rows: OfferRow[]): OfferRow[][] {
  const groups: OfferRow[][] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last[0]!.producer.id === row.producer.id) last.push(row);
    else groups.push([row]);
  }
  return groups;
}

interface DistributionOffersProps {
  distributionId: string;
  offers: OfferRow[] | null;
}

/** What is for sale this week, producer by producer, with what is left of each: the stock as members will see it. */
export function DistributionOffers({ distributionId, offers }: DistributionOffersProps) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className="panel distribution-offers" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{t('distributions.offers')}</h2>
        <p className="offers-links">
          <a className="button button-small" href={areaHref('stock')}>
            {t('distributions.enterStock')}
          </a>
          <a className="button button-small" href={areaHref('print', 'catalogue', distributionId)}>
            {t('distributions.printCatalogue')}
          </a>
          <a className="button button-small" href={areaHref('distributions', distributionId, 'bilan')}>
            {t('settlement.link')}
          </a>
          <a className="button button-small" href={areaHref('pickup', distributionId, 'slots')}>
            {t('slots.link')}
          </a>
        </p>
      </div>
      {offers === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : offers.length === 0 ? (
        <p className="empty-state">{t('distributions.offersEmpty')}</p>
      ) : (
        byProducer(offers).map((rows) => <ProducerOffers key={rows[0]!.producer.id} rows={rows} />)
      )}
    </section>
  );
}

function ProducerOffers({ rows }: { rows: OfferRow[] }) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const headingId = useId();
  const producer = rows[0]!.producer;
  const money = (cents: number) => formatMoney(language, cents, relay.currency);
  const unlimited = t('distributions.unlimited');
  return (
    <div className="producer-offers">
      <h3 id={headingId}>{producer.name}</h3>
      <div className="table-frame">
        <table className="table offers-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('distributions.column.product')}</th>
              <th scope="col">{t('distributions.column.unit')}</th>
              <th scope="col" className="numeric">
                {t('distributions.column.price')}
              </th>
              <th scope="col" className="numeric">
                {t('distributions.column.offered')}
              </th>
              <th scope="col" className="numeric">
                {t('distributions.column.ordered')}
              </th>
              <th scope="col" className="numeric">
                {t('distributions.column.remaining')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ offer, product, ordered, remaining, priceCents }) => (
              <tr key={offer.id}>
                <th scope="row">{product.name}</th>
                <td>
                  {t(UNIT_LABELS[product.unit])}
                  {product.packDescription && <span className="offer-pack">{product.packDescription}</span>}
                </td>
                <td className="numeric">
                  {money(priceCents)}
                  {priceCents !== product.priceCents && (
                    <span className="offer-pack">{t('distributions.cataloguePrice', { price: money(product.priceCents) })}</span>
                  )}
                </td>
                <td className="numeric">{offer.quantity === null ? unlimited : offer.quantity}</td>
                <td className="numeric">{ordered}</td>
                <td className="numeric">{remaining === null ? unlimited : remaining}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

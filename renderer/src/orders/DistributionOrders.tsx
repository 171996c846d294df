import { useMemo, useState } from 'react';
import type { OfferRow } from '../../../shared/catalogue/views';
import { formatMoney, longDay } from '../../../shared/i18n/format';
import { matchesOrderFilter, NO_FILTER, salesOf, type OrderFilter, type ProducerRef, type ProductRef } from '../../../shared/orders/sales';
import type { OrderView } from '../../../shared/orders/views';
import { useReadyApp } from '../app/ready-app-context';
import { shortMoment } from '../distributions/distribution-dates';
import { StatusBadge } from '../distributions/StatusBadge';
import { PageError } from '../forms/PageError';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';
import { PageHeading } from '../shell/PageHeading';
import { NewOrderDialog } from './NewOrderDialog';
import { OrdersFilters } from './OrdersFilters';
import { OrderTable } from './OrderTable';
import { Pager } from '../forms/Pager';
import { usePage } from '../forms/use-page';
import { SalesTables } from './SalesTables';
import { useDistributionOrders } from './use-distribution-orders';
import { OrderIntake } from '../intake/OrderIntake';
import { UnplacedStanding } from '../standing/UnplacedStanding';

/** The offers name each product's producer: what the totals and the filters need beside the lines. */
function catalogueOf(offers: OfferRow[]) {
  const products = new Map<string, ProductRef>();
  const producers = new Map<string, ProducerRef>();
  for (const row of offers) {
    const producer = { id: row.producer.id, name: row.producer.name };
    products.set(row.product.id, { productName: row.product.name, producer });
    producers.set(producer.id, producer);
  }
  return { products, producers: [...producers.values()] };
}

/**
 * All the orders of one distribution, with what it sold. Filters narrow the
 * list (a member, a producer, a product); the totals always cover the whole
 * distribution, cancelled orders left out.
 */
export function DistributionOrders({ distributionId }: { distributionId: string }) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const [revision, setRevision] = useState(0);
  const { distribution, orders, offers, error } = useDistributionOrders(distributionId, revision);
  const [filter, setFilter] = useState<OrderFilter>(NO_FILTER);
  const [taking, setTaking] = useState(false);

  const catalogue = useMemo(() => catalogueOf(offers ?? []), [offers]);
  const sales = useMemo(() => salesOf((orders ?? []).map((view) => view.order), (id) => catalogue.products.get(id)), [orders, catalogue]);
  const shown = useMemo(
    () => (orders ?? []).filter((view) => matchesOrderFilter(view, filter, (id) => catalogue.products.get(id)?.producer.id)),
    [orders, filter, catalogue],
  );
  const page = usePage(shown, JSON.stringify(filter));
  const byMember = useMemo(() => new Map<string, OrderView>((orders ?? []).map((view) => [view.member.id, view])), [orders]);
  const filterProducts = (offers ?? [])
    .filter((row) => filter.producerId === null || row.producer.id === filter.producerId)
    .map((row) => ({ id: row.product.id, name: row.product.name }));

  const back = (
    <p className="back-link">
      <a href={areaHref('orders')}>{t('orders.backToChoice')}</a>
    </p>
  );

  if (!distribution || !orders || !offers) {
    return (
      <>
        {back}
        {error ? (
          <>
            <PageHeading>{t('orders.distributionNotFound')}</PageHeading>
            <PageError error={error} />
          </>
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </>
    );
  }

  const day = longDay(language, distribution.pickupDate);
  const takesOrders = distribution.status !== 'distributed' && distribution.status !== 'cancelled';
  const late = distribution.status !== 'open';
  const filtered = shown.length !== orders.length;

  return (
    <>
      {back}
      <div className="page-head">
        <PageHeading>{t('orders.distributionTitle', { day })}</PageHeading>
        {takesOrders && (
          <button type="button" className="button button-primary" onClick={() => setTaking(true)}>
            {late ? t('orders.newLateOrder') : t('orders.newOrder')}
          </button>
        )}
      </div>
      <div className="order-facts">
        <StatusBadge status={distribution.status} />
        <span>
          {t('distributions.window', {
            opens: shortMoment(language, distribution.opensAt, relay.timeZone),
            closes: shortMoment(language, distribution.closesAt, relay.timeZone),
          })}
        </span>
        <span>{t('distributions.pickupHours', { start: distribution.pickupStart, end: distribution.pickupEnd })}</span>
      </div>
      {!takesOrders && <p className="order-notice">{t('orders.noMoreOrders')}</p>}
      <PageError error={error} />
      <UnplacedStanding distributionId={distribution.id} open={distribution.status === 'open'} version={revision} onPlaced={() => setRevision((v) => v + 1)} />
      <section className="order-section" aria-labelledby="orders-list-title">
        {/* Named for screen readers; on screen the filters and the table say what it is, and the rows get the room. */}
        <h2 id="orders-list-title" className="visually-hidden">
          {t('orders.list.title')}
        </h2>
        {/* The count sits on the filters' row: the line it would take is the twelfth order's room at 1366×768 (e2e/dense-tables). */}
        <OrdersFilters filter={filter} onFilter={setFilter} producers={catalogue.producers} products={filterProducts}>
          <p className="list-count" aria-live="polite">
            {filtered
              ? t('orders.shownOf', { shown: shown.length, count: orders.length })
              : t('orders.count', { count: orders.length })}
            {' · '}
            {t('orders.salesTotal', { total: formatMoney(language, sales.totalCents, relay.currency) })}
          </p>
        </OrdersFilters>
        {orders.length === 0 ? (
          <p className="empty-state">{takesOrders ? t('orders.empty') : t('orders.emptyClosed')}</p>
        ) : shown.length === 0 ? (
          <p className="empty-state">{t('orders.noMatch')}</p>
        ) : (
          <>
            <OrderTable orders={page.rows} />
            <Pager page={page} />
          </>
        )}
      </section>
      <SalesTables sales={sales} />
      {takesOrders && <OrderIntake distributionId={distribution.id} late={late} onImported={() => setRevision((value) => value + 1)} />}
      {taking && (
        <NewOrderDialog
          distributionId={distribution.id}
          late={late}
          existing={byMember}
          onClose={() => setTaking(false)}
          onOpened={(orderId) => {
            window.location.hash = areaHref('orders', distribution.id, orderId);
          }}
        />
      )}
    </>
  );
}

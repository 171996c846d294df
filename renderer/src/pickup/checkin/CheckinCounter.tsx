import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CheckinOrder } from '../../../../shared/checkin/day';
import type { AppError } from '../../../../shared/contract/errors';
import { toLocal } from '../../../../shared/distributions/calendar';
import { formatMoney, formatWeight, longDay } from '../../../../shared/i18n/format';
import type { Order, OrderLine } from '../../../../shared/model/order';
import type { Outcome } from '../../../../shared/contract/errors';
import { useReadyApp } from '../../app/ready-app-context';
import { call } from '../../client';
import { StatusBadge } from '../../distributions/StatusBadge';
import { PageError } from '../../forms/PageError';
import { StatusMessage, type Notice } from '../../forms/StatusMessage';
import { useI18n } from '../../i18n/i18n-context';
import { areaHref } from '../../shell/areas';
import { PageHeading } from '../../shell/PageHeading';
import { CheckinCounters } from './CheckinCounters';
import { CheckinResults } from './CheckinResults';
import { ClosingList } from './ClosingList';
import { MissingDialog } from './MissingDialog';
import { PayDialog } from './PayDialog';
import { CounterSaleDialog } from './CounterSaleDialog';
import { TillSection } from './TillSection';
import { UnweighedList } from './UnweighedList';
import type { CounterPayment } from '../../../../shared/accounts/views';
import { orderTotal } from '../../../../shared/orders/totals';
import { searchCheckin } from './checkin-search';
import { useCheckinDay } from './use-checkin-day';

type View = 'counter' | 'closing';
const VIEWS: readonly View[] = ['counter', 'closing'];

/**
 * `#/pickup/<distributionId>`: the counter on distribution day. The search
 * has the focus: a name or a basket number, Enter, next member. Every change
 * is written, then the day is read again from disk before it shows.
 */
export function CheckinCounter({ distributionId }: { distributionId: string }) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const { distribution, day, offers, error, reload, version } = useCheckinDay(distributionId);
  const [view, setView] = useState<View>('counter');
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<{ order: CheckinOrder; line: OrderLine } | null>(null);
  const [paying, setPaying] = useState<CheckinOrder | null>(null);
  const [selling, setSelling] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  // Where the focus goes once the day is read again: the card acted on (its button changed), or the closing list.
  const refocus = useRef<string | null>(null);

  const money = (cents: number) => formatMoney(language, cents, relay.currency);
  const timeOf = (instant: string) => toLocal(instant, relay.timeZone).time;
  const results = useMemo(() => (day ? searchCheckin(day, query) : null), [day, query]);

  // The counter opens ready to type; the heading takes the focus only when nothing else asks for it.
  const loaded = day !== null;
  useEffect(() => {
    if (loaded) searchRef.current?.focus();
  }, [loaded]);

  useEffect(() => {
    const target = refocus.current;
    refocus.current = null;
    if (target === 'closing') document.getElementById('checkin-closing-title')?.focus();
    else if (target) (document.querySelector<HTMLElement>(`[data-order-id="${target}"] [data-primary]`) ?? searchRef.current)?.focus();
  }, [day]);
  const onCard = (order: CheckinOrder, action: (order: CheckinOrder) => unknown) => {
    refocus.current = order.orderId;
    void action(order);
  };
  const onClosing = (order: CheckinOrder, action: (order: CheckinOrder) => unknown) => {
    refocus.current = 'closing';
    void action(order);
  };

  async function change(run: () => Promise<Outcome<Order>>, done: (order: Order) => Notice) {
    if (busy) return false;
    setBusy(true);
    const outcome = await run();
    setBusy(false);
    reload();
    if (!outcome.ok) {
      setActionError(outcome.error);
      return false;
    }
    setActionError(null);
    setNotice(done(outcome.value));
    return true;
  }

  const who = (order: CheckinOrder) => ({ basket: order.basketNumber, name: order.member.name });
  const collect = (order: CheckinOrder) =>
    change(
      () => call('checkin.collect', { orderId: order.orderId }),
      (saved) => ({ key: 'checkin.done.collected', params: { ...who(order), time: saved.collectedAt ? timeOf(saved.collectedAt) : '' } }),
    );
  const undo = (order: CheckinOrder) =>
    change(() => call('checkin.undo', { orderId: order.orderId }), () => ({ key: 'checkin.done.undone', params: who(order) }));
  const noShow = (order: CheckinOrder) =>
    change(() => call('checkin.noShow', { orderId: order.orderId }), () => ({ key: 'checkin.done.noShow', params: who(order) }));
  const found = (order: CheckinOrder, line: OrderLine) =>
    change(
      () => call('checkin.clearMissing', { orderId: order.orderId, lineId: line.id }),
      () => ({ key: 'checkin.done.found', params: { product: line.productName, basket: order.basketNumber } }),
    );

  const weigh = (order: CheckinOrder, line: OrderLine, grams: number | null) =>
    change(
      () => call('checkin.weigh', { orderId: order.orderId, lineId: line.id, grams }),
      (): Notice =>
        grams === null
          ? { key: 'weight.cleared', params: { basket: order.basketNumber, product: line.productName } }
          : { key: 'weight.done', params: { basket: order.basketNumber, product: line.productName, weight: formatWeight(language, grams) } },
    );

  /** After a payment at the counter (a bag handed over, or a counter sale): what was taken and the change, read out by the status region. */
  function paid(done: CounterPayment, order: CheckinOrder | null) {
    const facts = {
      paid: money(done.change.paidCents),
      change: money(done.change.changeCents),
      unpaid: money(done.change.unpaidCents),
      method: t(`accounts.method.${done.method}`),
    };
    if (order) {
      refocus.current = order.orderId;
      setPaying(null);
      setNotice({ key: done.change.unpaidCents > 0 ? 'counter.pay.doneUnpaid' : 'counter.pay.done', params: { ...who(order), ...facts } });
    } else {
      setSelling(false);
      setNotice({ key: 'counter.sale.done', params: { basket: done.order.basketNumber, total: money(orderTotal(done.order)), method: facts.method, change: facts.change } });
    }
    setActionError(null);
    reload();
  }

  function searchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (!results) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      const target = results.target;
      // Shift+Enter: the found basket is paid and handed over in one step (issue 7).
      if (event.shiftKey && target && !target.collectedAt && target.account && target.account.due.dueCents > 0) {
        setPaying(target);
      } else if (target?.collectedAt) {
        setNotice({ key: 'checkin.done.alreadyCollected', params: { ...who(target), time: timeOf(target.collectedAt) } });
      } else if (target) {
        void collect(target).then((done) => done && setQuery(''));
      } else if (results.orders.length > 1) {
        setNotice({ key: 'checkin.enterNeedsOne', params: { count: results.orders.length } });
      }
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      document.querySelector<HTMLElement>('.checkin-results [data-primary]')?.focus();
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      setQuery('');
    }
  }

  function tabKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const next = VIEWS[(VIEWS.indexOf(view) + 1) % VIEWS.length]!;
    setView(next);
    document.getElementById(`checkin-tab-${next}`)?.focus();
  }

  const back = (
    <p className="back-link">
      <a href={areaHref('pickup')}>{t('checkin.backToChoice')}</a>
    </p>
  );

  if (!distribution || !day || !results) {
    return (
      <>
        {back}
        {error ? (
          <>
            <PageHeading>{t('checkin.notFound')}</PageHeading>
            <PageError error={error} />
          </>
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </>
    );
  }

  return (
    <div className="checkin">
      {back}
      <div className="page-head">
        <PageHeading>{t('checkin.dayTitle', { day: longDay(language, distribution.pickupDate) })}</PageHeading>
        <div className="checkin-head-actions">
          <button type="button" className="button" onClick={() => setSelling(true)}>
            {t('counter.sale.open')}
          </button>
          <a className="button" href={areaHref('pickup', distribution.id, 'slots')}>
            {t('checkin.slotsLink')}
          </a>
        </div>
      </div>
      <div className="order-facts">
        <StatusBadge status={distribution.status} />
        <span>{t('checkin.hours', { start: day.pickupStart, end: day.pickupEnd })}</span>
      </div>
      <CheckinCounters day={day} />
      <StatusMessage notice={notice} />
      <PageError error={actionError ?? error} />
      <div role="tablist" aria-label={t('checkin.tabs')} className="checkin-tabs">
        {VIEWS.map((name) => (
          <button
            key={name}
            id={`checkin-tab-${name}`}
            type="button"
            role="tab"
            className="checkin-tab"
            aria-selected={view === name}
            aria-controls={`checkin-panel-${name}`}
            tabIndex={view === name ? 0 : -1}
            onClick={() => setView(name)}
            onKeyDown={tabKeyDown}
          >
            {t(name === 'counter' ? 'checkin.tab.counter' : 'checkin.tab.closing')}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="checkin-panel-counter" aria-labelledby="checkin-tab-counter" hidden={view !== 'counter'}>
        <div className="checkin-search">
          <label htmlFor="checkin-search">{t('checkin.searchLabel')}</label>
          <input
            ref={searchRef}
            id="checkin-search"
            type="search"
            autoComplete="off"
            aria-describedby="checkin-search-hint"
            aria-controls="checkin-results"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={searchKeyDown}
          />
          <p id="checkin-search-hint" className="field-hint">
            {t('checkin.searchHint')}
          </p>
        </div>
        <CheckinResults
          day={day}
          query={query}
          results={results.orders}
          target={results.target}
          offers={offers}
          busy={busy}
          money={money}
          timeOf={timeOf}
          onCollect={(order) => onCard(order, collect)}
          onPay={(order) => setPaying(order)}
          onUndo={(order) => onCard(order, undo)}
          onMissing={(order, line) => setMissing({ order, line })}
          onFound={(order, line) => onCard(order, () => found(order, line))}
          onWeigh={weigh}
          onLeave={() => searchRef.current?.focus()}
        />
      </div>
      <div role="tabpanel" id="checkin-panel-closing" aria-labelledby="checkin-tab-closing" hidden={view !== 'closing'}>
        {view === 'closing' && (
          <UnweighedList
            unweighed={day.unweighed}
            orders={day.groups.flatMap((group) => group.orders)}
            busy={busy}
            money={money}
            onWeigh={weigh}
          />
        )}
        {view === 'closing' && (
          <ClosingList
            day={day}
            busy={busy}
            money={money}
            timeOf={timeOf}
            onNoShow={(order) => onClosing(order, noShow)}
            onCollect={(order) => onClosing(order, collect)}
          />
        )}
        {view === 'closing' && <TillSection distributionId={distribution.id} version={version} unweighed={day.unweighed.length} onNotice={setNotice} />}
      </div>
      {paying?.account && <PayDialog order={{ ...paying, account: paying.account }} onClose={() => setPaying(null)} onPaid={(done) => paid(done, paying)} />}
      {selling && <CounterSaleDialog distributionId={distribution.id} onClose={() => setSelling(false)} onSold={(done) => paid(done, null)} />}
      {missing && (
        <MissingDialog
          order={missing.order}
          line={missing.line}
          money={money}
          onClose={() => setMissing(null)}
          onSaved={() => {
            setNotice({ key: 'checkin.done.missing', params: { product: missing.line.productName, basket: missing.order.basketNumber } });
            setActionError(null);
            refocus.current = missing.order.orderId;
            setMissing(null);
            reload();
          }}
        />
      )}
    </div>
  );
}

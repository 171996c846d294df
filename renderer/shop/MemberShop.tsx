/**
 * The member page (issue 16): the distribution open for ordering, its
 * products with what is left, the member's quantities, and what became of
 * the order at the relay's last sync. It reads the shop and writes the
 * member's own order database through PouchDB; both are followed live, so
 * the status and the stock change on screen after the relay syncs.
 */
import { useEffect, useMemo, useState } from 'react';
import PouchDB from 'pouchdb-browser';
import { formatDateTime, formatMoney, longDay } from '../../shared/i18n/format';
import { translate, type MessageKey } from '../../shared/i18n/messages';
import type { MessageParams } from '../../shared/contract/errors';
import type { Language } from '../../shared/model/fields';
import { memberDatabase, memberOrderId, orderState, type MemberOrder, type ShopDistribution } from '../../shared/shop/documents';
import { formatCount } from '../src/i18n/format-number';
import type { ShopLink } from './shop-link';

const MAX_QUANTITY = 10_000;

interface Loaded {
  distributions: ShopDistribution[];
  orders: Map<string, MemberOrder>;
}

function useShop(link: ShopLink) {
  const databases = useMemo(() => {
    const auth = { username: link.username, password: link.secret };
    return {
      shop: new PouchDB(`${link.couch}/${link.shop}`, { auth, skip_setup: true }),
      own: new PouchDB(`${link.couch}/${memberDatabase(link.memberId)}`, { auth, skip_setup: true }),
    };
  }, [link]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    const read = async () => {
      try {
        const shop = await databases.shop.allDocs<ShopDistribution>({ include_docs: true, startkey: 'distribution:', endkey: 'distribution:\ufff0' });
        const own = await databases.own.allDocs<MemberOrder>({ include_docs: true, startkey: 'order:', endkey: 'order:\ufff0' });
        if (!live) return;
        setLoaded({
          distributions: shop.rows.flatMap((row) => (row.doc ? [row.doc] : [])).sort((a, b) => a.pickupDate.localeCompare(b.pickupDate)),
          orders: new Map(own.rows.flatMap((row) => (row.doc ? [[row.doc.distributionId, row.doc] as const] : []))),
        });
        setError(null);
      } catch (failure) {
        if (live) setError(String((failure as { message?: string }).message ?? failure));
      }
    };
    void read();
    const feeds = [databases.shop.changes({ live: true, since: 'now' }), databases.own.changes({ live: true, since: 'now' })];
    for (const feed of feeds) feed.on('change', () => void read());
    return () => {
      live = false;
      for (const feed of feeds) feed.cancel();
    };
  }, [databases, version]);

  return { loaded, error, own: databases.own, reload: () => setVersion((current) => current + 1) };
}

export function MemberShop({ link, language }: { link: ShopLink; language: Language }) {
  const t = (key: MessageKey, params?: MessageParams) => translate(language, key, params);
  const { loaded, error } = useShop(link);
  if (error && !loaded) return <p role="alert">{t('shopPage.unreachable', { detail: error })}</p>;
  if (!loaded) return <p>{t('shopPage.loading')}</p>;
  if (loaded.distributions.length === 0) return <p>{t('shopPage.nothingOpen')}</p>;
  return (
    <>
      {loaded.distributions.map((distribution) => (
        <DistributionOrder key={distribution._id} link={link} language={language} distribution={distribution} order={loaded.orders.get(distribution.distributionId) ?? null} />
      ))}
    </>
  );
}

interface DistributionOrderProps {
  link: ShopLink;
  language: Language;
  distribution: ShopDistribution;
  order: MemberOrder | null;
}

function DistributionOrder({ link, language, distribution, order }: DistributionOrderProps) {
  const t = (key: MessageKey, params?: MessageParams) => translate(language, key, params);
  const own = useMemo(() => new PouchDB(`${link.couch}/${memberDatabase(link.memberId)}`, { auth: { username: link.username, password: link.secret }, skip_setup: true }), [link]);
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  // The slot as last sent, until the member picks another; '' = no preference.
  const [slotChoice, setSlotChoice] = useState<string | null>(null);
  const heldSlot = order?.status?.slot?.slotId ?? null;
  // A slot chosen before shows as the relay holds it now: a full slot refused, or the organiser moving the order,
  // is not undone by the member's next change of quantities. No preference stays no preference.
  const sentSlot = order && !order.cancelled ? (order.slotId ?? '') : '';
  const answered = order !== null && orderState(order) !== 'received';
  const chosenSlot = slotChoice ?? (sentSlot !== '' && answered && heldSlot !== null ? heldSlot : sentSlot);
  const [message, setMessage] = useState<{ key: MessageKey; params?: MessageParams; alert?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  // The clock, read every half minute: the page turns read-only when ordering closes while it is open.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const closed = now >= Date.parse(distribution.closesAt);

  // The member's own quantities as last sent, until they type others.
  const held = (productId: string) => order && !order.cancelled ? (order.lines.find((line) => line.productId === productId)?.quantity ?? 0) : 0;
  const shown = (productId: string) => quantities[productId] ?? String(held(productId) || '');
  const parsed = distribution.products.map((product) => {
    const raw = shown(product.productId).trim();
    const quantity = raw === '' ? 0 : Number(raw);
    return { product, quantity, valid: Number.isInteger(quantity) && quantity >= 0 && quantity <= MAX_QUANTITY };
  });
  const total = parsed.reduce((sum, { product, quantity, valid }) => sum + (valid ? product.priceCents * quantity : 0), 0);

  async function send(cancelled: boolean) {
    if (!cancelled && parsed.some((line) => !line.valid)) return setMessage({ key: 'shopPage.badQuantity', alert: true });
    setBusy(true);
    try {
      const id = memberOrderId(distribution.distributionId);
      const current = await own.get<MemberOrder>(id).catch(() => null);
      const doc: MemberOrder = {
        _id: id,
        ...(current?._rev ? { _rev: current._rev } : {}),
        type: 'order',
        distributionId: distribution.distributionId,
        lines: parsed.filter((line) => line.quantity > 0).map(({ product, quantity }) => ({ productId: product.productId, quantity })),
        cancelled,
        slotId: chosenSlot === '' ? null : chosenSlot,
        submittedAt: new Date().toISOString(),
        // The relay writes the status; the page keeps it as it is (the database refuses any other).
        status: current?.status ?? null,
      };
      await own.put(doc);
      setQuantities({});
      setSlotChoice(null);
      setMessage({ key: 'shopPage.sent' });
    } catch (failure) {
      setMessage({ key: 'shopPage.refusedWrite', params: { detail: String((failure as { message?: string }).message ?? failure) }, alert: true });
    } finally {
      setBusy(false);
    }
  }

  const state = order ? orderState(order) : null;
  const unitLabel = (unit: string) => {
    const key = `catalogue.unit.${unit}` as MessageKey;
    return translate(language, key) === key ? unit : translate(language, key);
  };
  const heading = t('shopPage.pickup', { date: longDay(language, distribution.pickupDate), start: distribution.pickupStart, end: distribution.pickupEnd });

  return (
    <section className="shop-distribution" aria-label={heading}>
      <h2>{heading}</h2>
      <p className="shop-muted">{t('shopPage.closes', { date: formatDateTime(language, distribution.closesAt, Intl.DateTimeFormat().resolvedOptions().timeZone) })}</p>
      {closed && <p className="shop-note">{t('shopPage.closed')}</p>}
      {state && order && (
        <div className={`shop-status shop-status-${state}`} role="status" data-state={state}>
          <p>{t(`shopPage.state.${state}` as MessageKey)}</p>
          {state !== 'received' && order.status && order.status.refused.length > 0 && (
            <ul>
              {order.status.refused.map((line) => (
                <li key={line.productId}>{t('shopPage.refusedLine', { product: line.productName, wanted: line.wanted, remaining: line.remaining })}</li>
              ))}
            </ul>
          )}
          {state !== 'received' && order.status && order.status.lines.length > 0 && (
            <p>{t('shopPage.held', { lines: order.status.lines.map((line) => `${line.productName} × ${line.quantity}`).join(', ') })}</p>
          )}
          {state !== 'received' && order.status?.slotRefused && (
            <p data-testid="slot-refused">
              {order.status.slotRefused.start === ''
                ? t('shopPage.slotGone')
                : t('shopPage.slotFull', { start: order.status.slotRefused.start, end: order.status.slotRefused.end })}
            </p>
          )}
          {state !== 'received' && order.status && order.status.lines.length > 0 && order.status.slot !== undefined && (
            <p>{order.status.slot ? t('shopPage.slotHeld', { start: order.status.slot.start, end: order.status.slot.end }) : t('shopPage.noSlot')}</p>
          )}
        </div>
      )}
      <ul className="shop-products">
        {parsed.map(({ product, valid }) => (
          <li key={product.productId} className="shop-product">
            <div>
              <strong>{product.name}</strong>
              <span className="shop-muted">{product.producerName}</span>
              <span>
                {formatMoney(language, product.priceCents)} / {unitLabel(product.unit)}
              </span>
              <span className="shop-muted">
                {t('shopPage.remaining', { count: product.remaining === null ? t('shopPage.unlimited') : formatCount(language, product.remaining) })}
              </span>
            </div>
            <input
              type="text"
              inputMode="numeric"
              aria-label={t('shopPage.quantityOf', { product: product.name })}
              aria-invalid={!valid}
              value={shown(product.productId)}
              disabled={closed || busy}
              onChange={(event) => setQuantities((current) => ({ ...current, [product.productId]: event.target.value }))}
            />
          </li>
        ))}
      </ul>
      {distribution.slots.length > 0 && (
        <div className="shop-slot">
          <label htmlFor={`slot-${distribution.distributionId}`}>{t('shopPage.slot')}</label>
          <select
            id={`slot-${distribution.distributionId}`}
            value={chosenSlot}
            disabled={closed || busy}
            onChange={(event) => setSlotChoice(event.target.value)}
          >
            <option value="">{t('shopPage.slotAny')}</option>
            {distribution.slots.map((slot) => (
              // A full slot cannot be chosen, except the one the order already holds (its place counts in the full).
              <option key={slot.slotId} value={slot.slotId} disabled={slot.room === 0 && slot.slotId !== heldSlot}>
                {slot.room === 0
                  ? t('shopPage.slotOptionFull', { start: slot.start, end: slot.end })
                  : t('shopPage.slotOption', { start: slot.start, end: slot.end, room: slot.room })}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="shop-total">{t('shopPage.total', { total: formatMoney(language, total) })}</p>
      {message && (
        <p role={message.alert ? 'alert' : 'status'} className={message.alert ? 'shop-error' : 'shop-note'}>
          {t(message.key, message.params)}
        </p>
      )}
      {!closed && (
        <div className="shop-actions">
          <button type="button" className="shop-button shop-primary" disabled={busy} onClick={() => void send(false)}>
            {t('shopPage.submit')}
          </button>
          {order && !order.cancelled && (
            <button type="button" className="shop-button" disabled={busy} onClick={() => void send(true)}>
              {t('shopPage.cancel')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

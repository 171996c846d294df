/**
 * On a producer's own copy (issue 16, relay networks): the distributions of
 * the other relays that take stock from this producer, each with one quantity
 * per product. Its own relay's distributions stay in the grid above; these
 * come from the network at each sync and go back to it at the next one.
 * A box left empty = not offered at that relay that week.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { formatDateTime, longDay } from '../../../shared/i18n/format';
import type { NetworkStockList, NetworkStockView } from '../../../shared/shop/network';
import { UNIT_LABELS } from '../catalogue/product-labels';
import { call } from '../client';
import { PageError } from '../forms/PageError';
import type { Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';

type Texts = Record<string, string>;

const textsOf = (distribution: NetworkStockView): Texts => Object.fromEntries(distribution.offers.map((offer) => [offer.productId, String(offer.quantity)]));

/** '' = not offered; otherwise whole units, as the stock grid takes them. */
function readQuantity(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : undefined;
}

export function NetworkStockSection({ onNotice }: { onNotice: (notice: Notice | null) => void }) {
  const { t } = useI18n();
  const [list, setList] = useState<NetworkStockList | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    void call('network.stock', {}).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setList(outcome.value);
      else setError(outcome.error);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <section className="panel" aria-labelledby="network-stock">
      <h2 id="network-stock">{t('network.stock.title')}</h2>
      <p className="muted">{t('network.stock.intro')}</p>
      <PageError error={error} />
      {list && list.distributions.length === 0 && <p className="empty-state">{t(list.readAt ? 'network.stock.none' : 'network.stock.notRead')}</p>}
      {list?.distributions.map((distribution) => (
        <DistributionStock key={distribution.distributionId} distribution={distribution} products={list.products} onSaved={(next) => {
          setList(next);
          onNotice({ key: 'network.stock.saved', params: { relay: distribution.relayName } });
        }} />
      ))}
    </section>
  );
}

function DistributionStock({ distribution, products, onSaved }: { distribution: NetworkStockView; products: NetworkStockList['products']; onSaved: (list: NetworkStockList) => void }) {
  const { t, language, timeZone } = useI18n();
  const [texts, setTexts] = useState<Texts>(() => textsOf(distribution));
  const [invalid, setInvalid] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const saved = textsOf(distribution);
  const headingId = `network-stock-${distribution.distributionId}`;
  const day = longDay(language, distribution.pickupDate);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const changed = products.filter((product) => (texts[product.productId] ?? '').trim() !== (saved[product.productId] ?? ''));
    const wrong = changed.find((product) => readQuantity(texts[product.productId] ?? '') === undefined);
    setInvalid(wrong?.productId ?? null);
    if (wrong) return;
    setBusy(true);
    setError(null);
    let last: NetworkStockList | null = null;
    for (const product of changed) {
      const outcome = await call('network.declareStock', { distributionId: distribution.distributionId, productId: product.productId, quantity: readQuantity(texts[product.productId] ?? '')! });
      if (!outcome.ok) {
        setError(outcome.error.issues?.[0] ? { key: outcome.error.issues[0].key, params: outcome.error.issues[0].params } : outcome.error);
        break;
      }
      last = outcome.value;
    }
    setBusy(false);
    if (last) onSaved(last);
  }

  return (
    <form className="network-stock" aria-labelledby={headingId} onSubmit={(event) => void save(event)} noValidate>
      <h3 id={headingId}>{t('network.stock.distribution', { relay: distribution.relayName, day, start: distribution.pickupStart, end: distribution.pickupEnd })}</h3>
      <p className="field-hint">{t('network.stock.closes', { at: formatDateTime(language, distribution.closesAt, timeZone) })}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('network.stock.product')}</th>
            <th scope="col">{t('network.stock.quantity')}</th>
          </tr>
        </thead>
        <tbody>
          {products.map((product) => {
            const wrong = invalid === product.productId;
            return (
              <tr key={product.productId}>
                <th scope="row">{product.name}</th>
                <td>
                  <input
                    inputMode="numeric"
                    className="stock-input"
                    aria-label={t('network.stock.quantityFor', { product: product.name, relay: distribution.relayName, day })}
                    aria-invalid={wrong || undefined}
                    value={texts[product.productId] ?? ''}
                    onChange={(event) => setTexts((current) => ({ ...current, [product.productId]: event.target.value }))}
                  />{' '}
                  {t(UNIT_LABELS[product.unit])}
                  {wrong && <span className="field-error"> {t('network.stock.wholeUnits')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <PageError error={error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('network.stock.save', { relay: distribution.relayName })}
        </button>
      </div>
    </form>
  );
}

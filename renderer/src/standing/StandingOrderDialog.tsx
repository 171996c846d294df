import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { Product } from '../../../shared/model/product';
import { STANDING_CADENCES, type StandingCadence, type StandingLine } from '../../../shared/model/standing-order';
import { DayInput } from '../forms/DayInput';
import { call } from '../client';
import { Dialog } from '../dialog/Dialog';
import { PageError } from '../forms/PageError';
import { useI18n } from '../i18n/i18n-context';
import { useToday } from '../distributions/use-today';
import { seriesLabel, useDistributionSeries } from './use-series';

interface StandingOrderDialogProps {
  memberId: string;
  /** Editing an existing standing order's basket; left out to create one. */
  editing?: { id: string; lines: StandingLine[]; seriesId: string | null; cadence: StandingCadence; until: string | null };
  onClose: () => void;
  onSaved: () => void;
}

/** The basket of a standing order: products of the catalogue with a quantity each, and which distributions it repeats on. */
export function StandingOrderDialog({ memberId, editing, onClose, onSaved }: StandingOrderDialogProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const today = useToday();
  const { series, error: seriesError } = useDistributionSeries();
  const [products, setProducts] = useState<Product[]>([]);
  const [lines, setLines] = useState<StandingLine[]>(editing?.lines ?? []);
  const [productId, setProductId] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [seriesId, setSeriesId] = useState(editing?.seriesId ?? '');
  const [cadence, setCadence] = useState<StandingCadence>(editing?.cadence ?? 'every');
  const [until, setUntil] = useState(editing?.until ?? '');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call('products.list', { archived: 'active' }).then((outcome) => (outcome.ok ? setProducts(outcome.value) : setError(outcome.error)));
  }, []);

  const nameOf = (id: string) => products.find((product) => product.id === id)?.name ?? '…';
  const add = () => {
    const units = Number(quantity);
    if (productId === '' || !Number.isInteger(units) || units < 1) return;
    setLines((current) => [...current.filter((line) => line.productId !== productId), { productId, quantity: units }]);
    setProductId('');
    setQuantity('1');
  };
  const save = async () => {
    setBusy(true);
    const schedule = { seriesId: seriesId === '' ? null : seriesId, cadence, until: until.trim() === '' ? null : until };
    const outcome = editing
      ? await call('standingOrders.setLines', { id: editing.id, lines, ...schedule })
      : await call('standingOrders.create', { memberId, lines, ...schedule });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    onSaved();
  };

  return (
    <Dialog labelledBy="standing-dialog-title" onClose={onClose} busy={busy}>
      <h2 id="standing-dialog-title">{t('standing.dialogTitle')}</h2>
      <PageError error={error ?? seriesError} />
      <div className="form-row">
        <label htmlFor="standing-product">{t('standing.product')}</label>
        <select id="standing-product" data-autofocus value={productId} onChange={(event) => setProductId(event.target.value)}>
          <option value="">—</option>
          {products.map((product) => (
            <option key={product.id} value={product.id}>
              {product.name}
            </option>
          ))}
        </select>
        <label htmlFor="standing-quantity">{t('standing.quantity')}</label>
        <input id="standing-quantity" type="number" min={1} step={1} value={quantity} onChange={(event) => setQuantity(event.target.value)} />
        <button type="button" className="button" onClick={add}>
          {t('standing.addProduct')}
        </button>
      </div>
      <ul className="standing-lines" aria-label={t('standing.lines')}>
        {lines.map((line) => (
          <li key={line.productId}>
            {nameOf(line.productId)} × {line.quantity}{' '}
            <button
              type="button"
              className="button button-small"
              aria-label={t('standing.removeLabel', { product: nameOf(line.productId) })}
              onClick={() => setLines((current) => current.filter((other) => other.productId !== line.productId))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <fieldset className="standing-schedule">
        <legend>{t('standing.repeats')}</legend>
        <label htmlFor="standing-series">{t('standing.series.follows')}</label>
        <select id="standing-series" value={seriesId} onChange={(event) => setSeriesId(event.target.value)} aria-describedby="standing-series-hint">
          <option value="">{t('standing.series.all')}</option>
          {/* A series that is over is offered no more, unless it is the one this standing order follows. */}
          {series
            ?.filter((each) => each.last >= today || each.seriesId === editing?.seriesId)
            .map((each) => (
              <option key={each.seriesId} value={each.seriesId}>
                {seriesLabel(i18n, each)}
              </option>
            ))}
        </select>
        <p id="standing-series-hint" className="muted">
          {t('standing.series.hint')}
        </p>
        {STANDING_CADENCES.map((each) => (
          <label key={each}>
            <input type="radio" name="standing-cadence" value={each} checked={cadence === each} onChange={() => setCadence(each)} /> {t(`standing.cadence.${each}`)}
          </label>
        ))}
        <label htmlFor="standing-until">{t('standing.until')}</label>
        <DayInput id="standing-until" value={until} onChange={setUntil} aria-describedby="standing-until-hint" />
        <p id="standing-until-hint" className="muted">
          {t('standing.untilHint')}
        </p>
      </fieldset>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-primary" onClick={() => void save()} disabled={busy}>
          {t('standing.save')}
        </button>
      </div>
    </Dialog>
  );
}

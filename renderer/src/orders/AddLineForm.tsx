import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import type { OfferRow } from '../../../shared/catalogue/views';
import type { AppError } from '../../../shared/contract/errors';
import { formatMoney } from '../../../shared/i18n/format';
import { useReadyApp } from '../app/ready-app-context';
import { UNIT_LABELS } from '../catalogue/product-labels';
import { useI18n } from '../i18n/i18n-context';
import { Combobox } from './Combobox';
import { errorText } from './error-text';
import { searchOffers } from './offer-search';
import { readQuantity } from './quantity-text';
import { RemainingStock } from './RemainingStock';

interface AddLineFormProps {
  offers: OfferRow[];
  /** Resolves to null once the line is in the order, or to the refusal to show. */
  onAdd: (row: OfferRow, quantity: number) => Promise<AppError | null>;
  searchRef: Ref<HTMLInputElement>;
  focusSearch: () => void;
}

/**
 * Order entry without the mouse: type "car", Enter picks the highlighted
 * product and moves to the quantity (1, selected, so a digit replaces it),
 * Enter adds the line and brings the caret back to the search. A refusal
 * ("only 0 left") says why beside the search and keeps everything typed.
 */
export function AddLineForm({ offers, onAdd, searchRef, focusSearch }: AddLineFormProps) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const [query, setQuery] = useState('');
  const [pickedId, setPickedId] = useState<string | null>(null);
  const [quantityText, setQuantityText] = useState('1');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const quantityRef = useRef<HTMLInputElement>(null);

  const matches = useMemo(() => searchOffers(offers, query), [offers, query]);
  // Looked up in the latest offers, so the remaining stock shown beside the quantity is live.
  const picked = offers.find((row) => row.product.id === pickedId) ?? null;

  const focusQuantity = () => {
    quantityRef.current?.focus();
    quantityRef.current?.select();
  };

  function pick(row: OfferRow) {
    setPickedId(row.product.id);
    setQuery(row.product.name);
    setError(null);
    // At once, inside the keystroke: the digits typed right after Enter must land in the quantity.
    focusQuantity();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!picked) {
      setError({ key: 'orders.add.pickFirst' });
      focusSearch();
      return;
    }
    const quantity = readQuantity(quantityText);
    if (quantity === null) {
      setError({ key: 'orders.quantityInvalid' });
      focusQuantity();
      return;
    }
    setBusy(true);
    const refusal = await onAdd(picked, quantity);
    setBusy(false);
    if (refusal) {
      setError(refusal);
      focusQuantity();
      return;
    }
    setQuery('');
    setPickedId(null);
    setQuantityText('1');
    setError(null);
    focusSearch();
  }

  function quantityKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      focusSearch();
    }
  }

  const summary =
    query.trim() === '' || pickedId !== null
      ? ''
      : matches.length === 0
        ? t('orders.add.noMatch', { query: query.trim() })
        : t('orders.add.matches', { count: matches.length });

  return (
    <form className="add-line" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="add-line-title">
      <h2 id="add-line-title" className="visually-hidden">
        {t('orders.add.title')}
      </h2>
      <div className="add-line-fields">
        <div className="field add-line-search">
          <label htmlFor="add-line-product">{t('orders.add.product')}</label>
          <Combobox
            id="add-line-product"
            label={t('orders.add.product')}
            inputRef={searchRef}
            value={query}
            onChange={(text) => {
              setQuery(text);
              setPickedId(null);
              setError(null);
            }}
            options={matches}
            optionKey={(row) => row.product.id}
            onPick={pick}
            onEnterWithoutList={() => picked && focusQuantity()}
            summary={summary}
            placeholder={t('orders.add.placeholder')}
            describedBy="add-line-hint"
            renderOption={(row) => (
              <>
                <span className="offer-option-name">{row.product.name}</span>
                <span className="offer-option-producer">{row.producer.name}</span>
                <span className="offer-option-price">
                  {t('orders.pricePerUnit', {
                    price: formatMoney(language, row.priceCents, relay.currency),
                    unit: t(UNIT_LABELS[row.product.unit]),
                  })}
                </span>
                <RemainingStock remaining={row.remaining} />
              </>
            )}
          />
        </div>
        <div className="field add-line-quantity">
          <label htmlFor="add-line-quantity">{t('orders.add.quantity')}</label>
          <input
            ref={quantityRef}
            id="add-line-quantity"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={quantityText}
            aria-describedby="add-line-picked"
            aria-invalid={error?.key === 'orders.quantityInvalid' || undefined}
            onChange={(event) => setQuantityText(event.target.value)}
            onKeyDown={quantityKeyDown}
          />
        </div>
        <button type="submit" className="button button-primary add-line-submit" disabled={busy}>
          {busy ? t('orders.add.adding') : t('orders.add.submit')}
        </button>
      </div>
      <p id="add-line-hint" className="field-hint add-line-hint">
        {t('orders.add.hint')}
      </p>
      <p id="add-line-picked" className="add-line-picked">
        {picked ? (
          <>
            <span className="add-line-picked-name">{picked.product.name}</span> ({picked.producer.name}) ·{' '}
            <RemainingStock remaining={picked.remaining} />
          </>
        ) : (
          <span className="muted">{t('orders.add.nothingPicked')}</span>
        )}
      </p>
      <div role="alert" className="add-line-alert">
        {error && <p className="page-error">{errorText(t, error)}</p>}
      </div>
    </form>
  );
}

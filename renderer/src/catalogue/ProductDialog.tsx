import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { Producer } from '../../../shared/model/producer';
import { PRICINGS, SALE_UNITS, VAT_RATES, type Product } from '../../../shared/model/product';
import { useReadyApp } from '../app/ready-app-context';
import { call } from '../client';
import { Dialog } from '../dialog/Dialog';
import { ErrorSummary } from '../forms/ErrorSummary';
import { Field, type ControlProps } from '../forms/Field';
import { focusFirstInvalid, issuesFor, labelForPath } from '../forms/field-issues';
import { FormActions } from '../forms/FormActions';
import type { Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { sameCategory } from './categories';
import {
  changedProductFields,
  PRODUCT_FIELDS,
  productText,
  readProductText,
  type ProductFieldName,
  type ProductText,
} from './product-draft';
import { UNIT_LABELS, vatLabel } from './product-labels';

const FORM = 'product';

const LABELS: Record<ProductFieldName, MessageKey> = {
  producerId: 'catalogue.field.producer',
  name: 'catalogue.field.name',
  category: 'catalogue.field.category',
  unit: 'catalogue.field.unit',
  packDescription: 'catalogue.field.packDescription',
  priceCents: 'catalogue.field.price',
  pricing: 'pricing.label',
  pieceGrams: 'pricing.pieceGrams',
  vatRateBp: 'catalogue.field.vatRate',
  defaultStock: 'catalogue.field.defaultStock',
};

interface ProductDialogProps {
  /** The product to edit; absent for a new one. */
  product?: Product;
  /** Every producer; a new product can only go to an active one. */
  producers: readonly Producer[];
  /** The producer a new product starts with (the one the list is filtered on). */
  producerId?: string;
  onSaved: (notice: Notice) => void;
  onClose: () => void;
}

/** Create or edit one product. A refusal keeps every character typed and points at each field to fix. */
export function ProductDialog({ product, producers, producerId, onSaved, onClose }: ProductDialogProps) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const titleId = useId();
  const activeProducers = producers.filter((producer) => producer.archivedAt === null);
  const [text, setText] = useState<ProductText>(() => {
    const preset = activeProducers.some((producer) => producer.id === producerId)
      ? producerId
      : activeProducers.length === 1
        ? activeProducers[0]!.id
        : '';
    return productText(language, relay, product, preset);
  });
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  // An edit's issues are under `changes.` in the payload.
  const prefix = product ? 'changes.' : '';
  const byField = useMemo(() => issuesFor(error, PRODUCT_FIELDS, prefix), [error, prefix]);
  useEffect(() => focusFirstInvalid(FORM, PRODUCT_FIELDS, byField), [byField]);

  // A product keeps its category or rate even when the relay's lists no longer have it.
  const categories = relay.categories.some((category) => sameCategory(category, text.category)) || text.category === ''
    ? relay.categories
    : [text.category, ...relay.categories];
  const rates = VAT_RATES[relay.country];
  const vatChoices = rates.includes(Number(text.vatRateBp)) ? rates : [Number(text.vatRateBp), ...rates];

  async function save() {
    const read = readProductText(text);
    if (!read.ok) {
      setError({ key: 'error.invalidInput', issues: read.issues });
      return;
    }
    const changes = product ? changedProductFields(product, read.fields) : {};
    if (product && Object.keys(changes).length === 0) {
      onSaved({ key: 'catalogue.updated', params: { name: product.name } });
      return;
    }
    setBusy(true);
    const outcome = product
      ? await call('products.update', { id: product.id, changes })
      : await call('products.create', read.fields);
    setBusy(false);
    if (!outcome.ok) {
      // Everything typed stays in `text`: the organiser fixes one field, not the whole form.
      setError(outcome.error);
      return;
    }
    onSaved({ key: product ? 'catalogue.updated' : 'catalogue.created', params: { name: outcome.value.name } });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) void save();
  }

  const edit = (name: ProductFieldName) => (event: { target: { value: string } }) =>
    setText((current) => ({ ...current, [name]: event.target.value }));

  const field = (
    name: ProductFieldName,
    control: (props: ControlProps) => ReactNode,
    extra: { required?: boolean; hint?: string } = {},
  ) => (
    <Field
      form={FORM}
      name={name}
      label={labelOf(name)}
      issue={byField[name]}
      required={extra.required}
      hint={extra.hint}
    >
      {control}
    </Field>
  );

  function labelOf(name: ProductFieldName): string {
    return t(LABELS[name], { currency: relay.currency });
  }

  const producerName = producers.find((producer) => producer.id === product?.producerId)?.name ?? '';

  return (
    <Dialog labelledBy={titleId} onClose={onClose} busy={busy} className="dialog-form">
      <form onSubmit={submit} noValidate className="form">
        <h2 id={titleId} className="dialog-title">
          {product ? t('catalogue.edit') : t('catalogue.new')}
        </h2>
        <ErrorSummary error={error} labelFor={labelForPath(PRODUCT_FIELDS, labelOf, prefix)} />
        <div className="form-grid">
          <div className="form-wide">
            {product
              ? // The producer of a product never changes: shown, not offered.
                field('producerId', (props) => <input {...props} name="producerId" value={producerName} readOnly />)
              : field(
                  'producerId',
                  (props) => (
                    <select {...props} name="producerId" value={text.producerId} onChange={edit('producerId')}>
                      <option value="">{t('catalogue.field.chooseProducer')}</option>
                      {activeProducers.map((producer) => (
                        <option key={producer.id} value={producer.id}>
                          {producer.name}
                        </option>
                      ))}
                    </select>
                  ),
                  { required: true },
                )}
          </div>
          <div className="form-wide">
            {field('name', (props) => <input {...props} name="name" value={text.name} onChange={edit('name')} autoComplete="off" />, {
              required: true,
            })}
          </div>
          {field(
            'category',
            (props) => (
              <select {...props} name="category" value={text.category} onChange={edit('category')}>
                {categories.map((category) => (
                  <option key={category} value={category}>
                    {category}
                  </option>
                ))}
              </select>
            ),
            { required: true },
          )}
          {field(
            'unit',
            (props) => (
              <select {...props} name="unit" value={text.unit} onChange={edit('unit')}>
                {SALE_UNITS.map((unit) => (
                  <option key={unit} value={unit}>
                    {t(UNIT_LABELS[unit])}
                  </option>
                ))}
              </select>
            ),
            { required: true },
          )}
          <div className="form-wide">
            {field(
              'packDescription',
              (props) => (
                <input {...props} name="packDescription" value={text.packDescription} onChange={edit('packDescription')} autoComplete="off" />
              ),
              { hint: t('catalogue.field.packHint') },
            )}
          </div>
          {field(
            'priceCents',
            (props) => (
              <input
                {...props}
                name="priceCents"
                value={text.priceCents}
                onChange={edit('priceCents')}
                inputMode="decimal"
                autoComplete="off"
              />
            ),
            { required: true, hint: t('catalogue.field.priceHint') },
          )}
          {field(
            'pricing',
            (props) => (
              <select {...props} name="pricing" value={text.pricing} onChange={edit('pricing')}>
                {PRICINGS.map((pricing) => (
                  <option key={pricing} value={pricing}>
                    {t(pricing === 'weight' ? 'pricing.weight' : 'pricing.unit')}
                  </option>
                ))}
              </select>
            ),
            { required: true },
          )}
          {text.pricing === 'weight' &&
            field(
              'pieceGrams',
              (props) => (
                <input {...props} name="pieceGrams" value={text.pieceGrams} onChange={edit('pieceGrams')} inputMode="decimal" autoComplete="off" />
              ),
              { required: true },
            )}
          {field(
            'vatRateBp',
            (props) => (
              <select {...props} name="vatRateBp" value={text.vatRateBp} onChange={edit('vatRateBp')}>
                {vatChoices.map((rate) => (
                  <option key={rate} value={String(rate)}>
                    {vatLabel(t, language, rate)}
                  </option>
                ))}
              </select>
            ),
            { required: true },
          )}
          <div className="form-wide">
            {field(
              'defaultStock',
              (props) => (
                <input
                  {...props}
                  name="defaultStock"
                  value={text.defaultStock}
                  onChange={edit('defaultStock')}
                  inputMode="numeric"
                  autoComplete="off"
                />
              ),
              { hint: t('catalogue.field.defaultStockHint') },
            )}
          </div>
        </div>
        <FormActions busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

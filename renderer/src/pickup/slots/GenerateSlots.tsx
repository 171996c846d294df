import { useId, useState, type FormEvent } from 'react';
import type { AppError } from '../../../../shared/contract/errors';
import type { DistributionView } from '../../../../shared/catalogue/views';
import { generateSlots, MAX_SLOT_MINUTES, MIN_SLOT_MINUTES, SLOT_LENGTHS } from '../../../../shared/slots/generate';
import { call } from '../../client';
import { ConfirmDialog } from '../../dialog/ConfirmDialog';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { Field } from '../../forms/Field';
import { issuesFor, labelForPath } from '../../forms/field-issues';
import type { Notice } from '../../forms/StatusMessage';
import { useI18n } from '../../i18n/i18n-context';

const FORM = 'slots-generate';
const FIELDS = ['minutes', 'capacity'] as const;
const CUSTOM = 'custom';

/** The slot length the form stands for, or null while the custom minutes are not a whole number. */
function lengthOf(choice: string, custom: string): number | null {
  const text = choice === CUSTOM ? custom.trim() : choice;
  return /^\d+$/.test(text) ? Number(text) : null;
}

/** What the organiser would get, computed with the same rule the service uses; null while the form cannot make slots. */
function previewOf(distribution: DistributionView, minutes: number | null, capacity: number | null) {
  if (minutes === null || capacity === null || capacity < 1 || minutes < MIN_SLOT_MINUTES || minutes > MAX_SLOT_MINUTES) return null;
  return generateSlots(distribution.pickupStart, distribution.pickupEnd, minutes, capacity);
}

interface GenerateSlotsProps {
  distribution: DistributionView;
  /** Slots there are now: generating replaces them, so it asks first. */
  existing: number;
  onGenerated: (notice: Notice) => void;
}

/**
 * Cuts the pickup window into slots, shows them before anything is written,
 * then places every order (orders.assignSlots) in one go.
 */
export function GenerateSlots({ distribution, existing, onGenerated }: GenerateSlotsProps) {
  const { t } = useI18n();
  const headingId = useId();
  const previewId = useId();
  const [choice, setChoice] = useState<string>('30');
  const [custom, setCustom] = useState('');
  const [capacityText, setCapacityText] = useState('10');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const minutes = lengthOf(choice, custom);
  const capacity = /^\d+$/.test(capacityText.trim()) ? Number(capacityText.trim()) : null;
  const preview = previewOf(distribution, minutes, capacity);
  const byField = issuesFor(error, FIELDS);
  const labels = { minutes: t(choice === CUSTOM ? 'slots.generate.customMinutes' : 'slots.generate.length'), capacity: t('slots.generate.capacity') };

  async function generate() {
    setConfirming(false);
    setBusy(true);
    // Sent as typed (NaN included): the contract says what is wrong, in the form's words.
    const generated = await call('slots.generate', { distributionId: distribution.id, minutes: minutes ?? Number.NaN, capacity: capacity ?? Number.NaN });
    if (!generated.ok) {
      setBusy(false);
      return setError(generated.error);
    }
    const assigned = await call('orders.assignSlots', { distributionId: distribution.id });
    setBusy(false);
    setError(assigned.ok ? null : assigned.error);
    if (!assigned.ok) return;
    const left = assigned.value.withoutSlot.length;
    onGenerated({
      key: 'slots.generated',
      params: { count: generated.value.length, assigned: assigned.value.assigned },
      warnings: left > 0 ? [{ key: 'slots.generatedWithout', params: { count: left } }] : [],
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (existing > 0) setConfirming(true);
    else void generate();
  }

  return (
    <section className="panel slots-generate" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('slots.generate.title')}</h2>
      <p className="muted">{t('slots.generate.intro', { start: distribution.pickupStart, end: distribution.pickupEnd })}</p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary error={error} labelFor={labelForPath(FIELDS, (field) => labels[field])} />
        <div className="slots-generate-fields">
          <Field form={FORM} name="length" label={t('slots.generate.length')}>
            {(props) => (
              <select {...props} value={choice} onChange={(event) => setChoice(event.target.value)}>
                {SLOT_LENGTHS.map((length) => (
                  <option key={length} value={String(length)}>
                    {t('slots.generate.minutesOption', { minutes: length })}
                  </option>
                ))}
                <option value={CUSTOM}>{t('slots.generate.custom')}</option>
              </select>
            )}
          </Field>
          {choice === CUSTOM && (
            <Field
              form={FORM}
              name="minutes"
              label={t('slots.generate.customMinutes')}
              hint={t('slots.generate.customHint', { min: MIN_SLOT_MINUTES, max: MAX_SLOT_MINUTES })}
              issue={byField.minutes}
              required
            >
              {(props) => (
                <input {...props} type="number" inputMode="numeric" min={MIN_SLOT_MINUTES} max={MAX_SLOT_MINUTES} step={1} value={custom} onChange={(event) => setCustom(event.target.value)} />
              )}
            </Field>
          )}
          <Field form={FORM} name="capacity" label={t('slots.generate.capacity')} issue={byField.capacity} required>
            {(props) => (
              <input {...props} type="number" inputMode="numeric" min={1} step={1} value={capacityText} onChange={(event) => setCapacityText(event.target.value)} />
            )}
          </Field>
        </div>
        <div className="slots-preview" aria-labelledby={previewId} role="group">
          <h3 id={previewId}>{t('slots.generate.preview')}</h3>
          {preview ? (
            <>
              <p>{t('slots.generate.previewCount', { count: preview.length, capacity: capacity ?? 0 })}</p>
              <ul className="slots-preview-list">
                {preview.map((slot) => (
                  <li key={slot.start}>{t('slots.range', { start: slot.start, end: slot.end })}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">{t('slots.generate.previewInvalid', { min: MIN_SLOT_MINUTES, max: MAX_SLOT_MINUTES })}</p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('slots.generate.busy') : t('slots.generate.submit')}
          </button>
        </div>
      </form>
      {confirming && (
        <ConfirmDialog
          title={t('slots.generate.replaceTitle')}
          body={t('slots.generate.replaceBody', { count: existing })}
          confirmLabel={t('slots.generate.replace')}
          onConfirm={() => void generate()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}

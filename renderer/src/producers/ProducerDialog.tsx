import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { Producer } from '../../../shared/model/producer';
import { sameNameProducers } from '../../../shared/producers/rules';
import { call } from '../client';
import { Dialog } from '../dialog/Dialog';
import { ErrorSummary } from '../forms/ErrorSummary';
import { Field, type ControlProps } from '../forms/Field';
import { focusFirstInvalid, issuesFor, labelForPath } from '../forms/field-issues';
import { FormActions } from '../forms/FormActions';
import type { Notice } from '../forms/StatusMessage';
import { submitOnCtrlEnter } from '../forms/submit-on-ctrl-enter';
import { useI18n } from '../i18n/i18n-context';
import {
  changedFields,
  PRODUCER_FIELDS,
  producerText,
  readProducerText,
  type ProducerFieldName,
  type ProducerText,
} from './producer-draft';
import { ProducerAccessPanel } from './ProducerAccessPanel';
import { useAllProducers } from './use-all-producers';

const FORM = 'producer';

const LABELS: Record<ProducerFieldName, MessageKey> = {
  name: 'producers.field.name',
  businessName: 'producers.field.businessName',
  contactName: 'producers.field.contactName',
  email: 'producers.field.email',
  phone: 'producers.field.phone',
  address: 'producers.field.address',
  distanceKm: 'producers.field.distanceKm',
  notes: 'producers.field.notes',
  networkId: 'producers.field.networkId',
};

interface ProducerDialogProps {
  /** The producer to edit; absent for a new one. */
  producer?: Producer;
  onSaved: (notice: Notice) => void;
  onClose: () => void;
}

/** Create or edit one producer. A refusal keeps every character typed and points at each field to fix. */
export function ProducerDialog({ producer, onSaved, onClose }: ProducerDialogProps) {
  const { t, language } = useI18n();
  const titleId = useId();
  const [text, setText] = useState<ProducerText>(() => producerText(language, producer));
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const everyone = useAllProducers();

  // An edit's issues are under `changes.` in the payload.
  const prefix = producer ? 'changes.' : '';
  const byField = useMemo(() => issuesFor(error, PRODUCER_FIELDS, prefix), [error, prefix]);
  useEffect(() => focusFirstInvalid(FORM, PRODUCER_FIELDS, byField), [byField]);

  const namesake = sameNameProducers(everyone, text.name, producer?.id)[0];

  async function save() {
    const read = readProducerText(text);
    if (!read.ok) {
      setError({ key: 'error.invalidInput', issues: read.issues });
      return;
    }
    const changes = producer ? changedFields(producer, read.fields) : {};
    if (producer && Object.keys(changes).length === 0) {
      onSaved({ key: 'producers.updated', params: { name: producer.name } });
      return;
    }
    setBusy(true);
    const outcome = producer
      ? await call('producers.update', { id: producer.id, changes })
      : await call('producers.create', read.fields);
    setBusy(false);
    if (!outcome.ok) {
      // Everything typed stays in `text`: the organiser fixes one field, not the whole form.
      setError(outcome.error);
      return;
    }
    const { producer: saved, warnings } = outcome.value;
    onSaved({ key: producer ? 'producers.updated' : 'producers.created', params: { name: saved.name }, warnings });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) void save();
  }

  const control = (name: ProducerFieldName) => (props: ControlProps) => (
    <input
      {...props}
      name={name}
      value={text[name]}
      onChange={(event) => setText((current) => ({ ...current, [name]: event.target.value }))}
      {...INPUT_HINTS[name]}
    />
  );

  const field = (name: ProducerFieldName, extra: { required?: boolean; warning?: string; hint?: string } = {}) => (
    <Field form={FORM} name={name} label={t(LABELS[name])} issue={byField[name]} required={extra.required} warning={extra.warning} hint={extra.hint}>
      {control(name)}
    </Field>
  );

  return (
    <Dialog labelledBy={titleId} onClose={onClose} busy={busy} className="dialog-form">
      <form onSubmit={submit} noValidate className="form">
        <h2 id={titleId} className="dialog-title">
          {producer ? t('producers.edit') : t('producers.new')}
        </h2>
        <ErrorSummary error={error} labelFor={labelForPath(PRODUCER_FIELDS, (name) => t(LABELS[name]), prefix)} />
        <div className="form-grid">
          <div className="form-wide">
            {field('name', {
              required: true,
              warning: namesake ? t('warning.duplicateProducerName', { name: namesake.name }) : undefined,
            })}
          </div>
          {field('businessName')}
          {field('contactName')}
          {field('email')}
          {field('phone')}
          <div className="form-wide">{field('address')}</div>
          {field('distanceKm')}
          <div className="form-wide">{field('networkId', { hint: t('producers.field.networkIdHint') })}</div>
          <div className="form-wide">
            <Field form={FORM} name="notes" label={t(LABELS.notes)} issue={byField.notes}>
              {(props) => (
                <textarea
                  {...props}
                  name="notes"
                  rows={3}
                  value={text.notes}
                  onChange={(event) => setText((current) => ({ ...current, notes: event.target.value }))}
                  onKeyDown={submitOnCtrlEnter}
                />
              )}
            </Field>
          </div>
        </div>
        <FormActions busy={busy} onCancel={onClose} />
      </form>
      {/* Outside the form: making the account never saves (nor is blocked by) what is being typed above. */}
      {producer?.networkId && <ProducerAccessPanel producerId={producer.id} />}
    </Dialog>
  );
}

/** Keyboards on tablets and autofill: the right input type for each field. */
const INPUT_HINTS: Partial<Record<ProducerFieldName, Record<string, string>>> = {
  name: { autoComplete: 'off' },
  businessName: { autoComplete: 'organization' },
  contactName: { autoComplete: 'name' },
  email: { type: 'email', autoComplete: 'email' },
  phone: { type: 'tel', autoComplete: 'tel' },
  address: { autoComplete: 'street-address' },
  distanceKm: { inputMode: 'decimal', autoComplete: 'off' },
  networkId: { autoComplete: 'off', spellCheck: 'false' },
};

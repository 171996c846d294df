import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { AppError } from '../../../../shared/contract/errors';
import type { SlotFields } from '../../../../shared/model/slot';
import type { SlotView } from '../../../../shared/slots/views';
import { call } from '../../client';
import { Dialog } from '../../dialog/Dialog';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { TimeInput } from '../../forms/TimeInput';
import { Field } from '../../forms/Field';
import { focusFirstInvalid, issuesFor, labelForPath } from '../../forms/field-issues';
import { FormActions } from '../../forms/FormActions';
import type { Notice } from '../../forms/StatusMessage';
import { useI18n } from '../../i18n/i18n-context';

const FORM = 'slot';
const FIELDS = ['start', 'end', 'capacity'] as const;
type SlotField = (typeof FIELDS)[number];
const LABELS = { start: 'slots.field.start', end: 'slots.field.end', capacity: 'slots.field.capacity' } as const;

interface SlotDialogProps {
  distributionId: string;
  /** The slot to edit; absent for a new one, which starts where the last slot ends. */
  slot?: SlotView;
  defaults: SlotFields;
  onSaved: (notice: Notice) => void;
  onClose: () => void;
}

/** Add a slot, or change one's hours or capacity. A refusal keeps what was typed and says which field to fix. */
export function SlotDialog({ distributionId, slot, defaults, onSaved, onClose }: SlotDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const [text, setText] = useState(() => ({ start: slot?.start ?? defaults.start, end: slot?.end ?? defaults.end, capacity: String(slot?.capacity ?? defaults.capacity) }));
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const prefix = slot ? 'changes.' : '';
  const byField = useMemo(() => issuesFor(error, FIELDS, prefix), [error, prefix]);
  useEffect(() => focusFirstInvalid(FORM, FIELDS, byField), [byField]);

  async function save() {
    const capacity = /^\d+$/.test(text.capacity.trim()) ? Number(text.capacity.trim()) : Number.NaN;
    const fields = { start: text.start, end: text.end, capacity };
    setBusy(true);
    const outcome = slot ? await call('slots.update', { id: slot.id, changes: fields }) : await call('slots.add', { distributionId, ...fields });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    const range = t('slots.range', { start: outcome.value.start, end: outcome.value.end });
    onSaved({ key: slot ? 'slots.updated' : 'slots.added', params: { range } });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) void save();
  }

  const field = (name: SlotField, type: 'time' | 'number') => (
    <Field form={FORM} name={name} label={t(LABELS[name])} issue={byField[name]} required>
      {(props) =>
        type === 'time' ? (
          <TimeInput {...props} name={name} value={text[name]} onChange={(value) => setText((current) => ({ ...current, [name]: value }))} />
        ) : (
          <input
            {...props}
            name={name}
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            value={text[name]}
            onChange={(event) => setText((current) => ({ ...current, [name]: event.target.value }))}
          />
        )
      }
    </Field>
  );

  return (
    <Dialog labelledBy={titleId} onClose={onClose} busy={busy} className="dialog-form">
      <form onSubmit={submit} noValidate className="form">
        <h2 id={titleId} className="dialog-title">
          {slot ? t('slots.dialog.edit', { range: t('slots.range', { start: slot.start, end: slot.end }) }) : t('slots.dialog.new')}
        </h2>
        <ErrorSummary error={error} labelFor={labelForPath(FIELDS, (name) => t(LABELS[name]), prefix)} />
        <div className="form-grid">
          {field('start', 'time')}
          {field('end', 'time')}
          <div className="form-wide">{field('capacity', 'number')}</div>
        </div>
        <FormActions busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

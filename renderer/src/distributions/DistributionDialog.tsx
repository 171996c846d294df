import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { DistributionView } from '../../../shared/catalogue/views';
import { isLocalDate, LOCAL_TIME } from '../../../shared/distributions/calendar';
import type { AppError } from '../../../shared/contract/errors';
import type { MessageKey } from '../../../shared/i18n/messages';
import { useReadyApp } from '../app/ready-app-context';
import { call } from '../client';
import { Dialog } from '../dialog/Dialog';
import { ErrorSummary } from '../forms/ErrorSummary';
import { TimeInput } from '../forms/TimeInput';
import { DayInput } from '../forms/DayInput';
import { Field } from '../forms/Field';
import { focusFirstInvalid, issuesFor, labelForPath } from '../forms/field-issues';
import { FormActions } from '../forms/FormActions';
import type { Notice } from '../forms/StatusMessage';
import { submitOnCtrlEnter } from '../forms/submit-on-ctrl-enter';
import { useI18n } from '../i18n/i18n-context';
import { longDay, shortDay } from '../../../shared/i18n/format';
import {
  changesOf,
  distributionText,
  draftOf,
  DISTRIBUTION_FIELDS,
  followPickupDate,
  newDistributionText,
  usualWindow,
  type DistributionFieldName,
  type DistributionText,
} from './distribution-draft';

const FORM = 'distribution';

const LABELS: Record<DistributionFieldName, MessageKey> = {
  pickupDate: 'distributions.field.pickupDate',
  pickupStart: 'distributions.field.pickupStart',
  pickupEnd: 'distributions.field.pickupEnd',
  'opens.date': 'distributions.field.opensDate',
  'opens.time': 'distributions.field.opensTime',
  'closes.date': 'distributions.field.closesDate',
  'closes.time': 'distributions.field.closesTime',
  notes: 'distributions.field.notes',
};

const INPUT_TYPES: Partial<Record<DistributionFieldName, 'date' | 'time'>> = {
  pickupDate: 'date',
  pickupStart: 'time',
  pickupEnd: 'time',
  'opens.date': 'date',
  'opens.time': 'time',
  'closes.date': 'date',
  'closes.time': 'time',
};

interface DistributionDialogProps {
  /** The distribution to edit; absent for a new one. */
  distribution?: DistributionView;
  /** Today in the relay's time zone: a new distribution is proposed on the next usual pickup day after it. */
  today: string;
  onSaved: (saved: DistributionView, notice: Notice) => void;
  onClose: () => void;
}

/**
 * Plan one distribution, or change one. The ordering window starts as the
 * relay's habit and moves with the pickup day; the organiser may change it.
 * A refusal keeps every value typed.
 */
export function DistributionDialog({ distribution, today, onSaved, onClose }: DistributionDialogProps) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const titleId = useId();
  const [original] = useState<DistributionText>(() =>
    distribution ? distributionText(distribution, relay.timeZone) : newDistributionText(relay, today),
  );
  const [text, setText] = useState<DistributionText>(original);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const prefix = distribution ? 'changes.' : '';
  const byField = useMemo(() => issuesFor(error, DISTRIBUTION_FIELDS, prefix), [error, prefix]);
  useEffect(() => focusFirstInvalid(FORM, DISTRIBUTION_FIELDS, byField), [byField]);

  const rule = relay.orderingWindow;
  const usual = isLocalDate(text.pickupDate) ? usualWindow(text.pickupDate, rule) : null;
  const isUsual =
    usual !== null && (Object.keys(usual) as (keyof typeof usual)[]).every((name) => usual[name] === text[name]);

  async function save() {
    let outcome;
    if (distribution) {
      const changes = changesOf(original, text);
      if (Object.keys(changes).length === 0) {
        onClose();
        return;
      }
      setBusy(true);
      outcome = await call('distributions.update', { id: distribution.id, changes });
    } else {
      setBusy(true);
      outcome = await call('distributions.create', draftOf(text));
    }
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    const day = longDay(language, outcome.value.pickupDate);
    onSaved(outcome.value, { key: distribution ? 'distributions.updated' : 'distributions.created', params: { day } });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) void save();
  }

  const edit = (name: DistributionFieldName, value: string) =>
    setText((current) => (name === 'pickupDate' ? followPickupDate(current, value) : { ...current, [name]: value }));

  const field = (name: DistributionFieldName) => (
    <Field form={FORM} name={name} label={t(LABELS[name])} issue={byField[name]} required={name !== 'notes'}>
      {(props) =>
        name === 'notes' ? (
          <textarea
            {...props}
            name={name}
            rows={2}
            value={text.notes}
            onChange={(event) => edit(name, event.target.value)}
            onKeyDown={submitOnCtrlEnter}
          />
        ) : INPUT_TYPES[name] === 'date' ? (
          <DayInput {...props} name={name} value={text[name]} onChange={(value) => edit(name, value)} />
        ) : (
          <TimeInput {...props} name={name} value={text[name]} onChange={(value) => edit(name, value)} />
        )
      }
    </Field>
  );

  const pickupSummary =
    isLocalDate(text.pickupDate) && LOCAL_TIME.test(text.pickupStart) && LOCAL_TIME.test(text.pickupEnd)
      ? t('distributions.pickupOn', { day: longDay(language, text.pickupDate), start: text.pickupStart, end: text.pickupEnd })
      : null;
  const windowSummary =
    isLocalDate(text['opens.date']) && isLocalDate(text['closes.date']) && LOCAL_TIME.test(text['opens.time']) && LOCAL_TIME.test(text['closes.time'])
      ? t('distributions.window', {
          opens: `${shortDay(language, text['opens.date'])} ${text['opens.time']}`,
          closes: `${shortDay(language, text['closes.date'])} ${text['closes.time']}`,
        })
      : null;

  return (
    <Dialog labelledBy={titleId} onClose={onClose} busy={busy} className="dialog-form">
      <form onSubmit={submit} noValidate className="form" aria-busy={busy || undefined}>
        <h2 id={titleId} className="dialog-title">
          {distribution ? t('distributions.edit') : t('distributions.new')}
        </h2>
        <ErrorSummary error={error} labelFor={labelForPath(DISTRIBUTION_FIELDS, (name) => t(LABELS[name]), prefix)} />
        <fieldset className="form-section">
          <legend>{t('distributions.pickupLegend')}</legend>
          <div className="form-grid distribution-grid">
            <div className="form-wide">{field('pickupDate')}</div>
            {field('pickupStart')}
            {field('pickupEnd')}
          </div>
          {/* Date inputs do not say the weekday: the summary does. */}
          <p className="form-summary">{pickupSummary}</p>
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('distributions.windowLegend')}</legend>
          <p className="field-hint">
            {t('distributions.windowHabit', {
              opensDays: rule.opensDaysBefore,
              opensAt: rule.opensAt,
              closesDays: rule.closesDaysBefore,
              closesAt: rule.closesAt,
            })}
          </p>
          <div className="form-grid distribution-grid">
            {field('opens.date')}
            {field('opens.time')}
            {field('closes.date')}
            {field('closes.time')}
          </div>
          <div className="window-summary">
            <p className="form-summary">{windowSummary}</p>
            {usual && !isUsual && (
              <button type="button" className="button button-small" onClick={() => setText((current) => ({ ...current, ...usual }))}>
                {t('distributions.useUsualWindow')}
              </button>
            )}
          </div>
        </fieldset>
        {field('notes')}
        <FormActions busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

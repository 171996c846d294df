import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { DistributionView } from '../../../shared/catalogue/views';
import type { AppError } from '../../../shared/contract/errors';
import type { MessageKey } from '../../../shared/i18n/messages';
import { useReadyApp } from '../app/ready-app-context';
import { call } from '../client';
import { Dialog } from '../dialog/Dialog';
import { ErrorSummary } from '../forms/ErrorSummary';
import { TimeInput } from '../forms/TimeInput';
import { DayInput } from '../forms/DayInput';
import { Field, type ControlProps } from '../forms/Field';
import { focusFirstInvalid, issuesFor, labelForPath } from '../forms/field-issues';
import type { Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { longDay } from '../../../shared/i18n/format';
import { weekdayName } from './distribution-dates';
import { SeriesPreview } from './SeriesPreview';
import { newSeriesText, plannedDates, readSeriesText, SERIES_FIELDS, type SeriesFieldName, type SeriesLength, type SeriesText } from './series-draft';
import { useTakenDates } from './use-taken-dates';

const FORM = 'series';

/** Monday first, as French and British calendars are printed. */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];

const LABELS: Record<SeriesFieldName, MessageKey> = {
  weekday: 'distributions.series.weekday',
  from: 'distributions.series.from',
  weeks: 'distributions.series.weeks',
  until: 'distributions.series.until',
  pickupStart: 'distributions.field.pickupStart',
  pickupEnd: 'distributions.field.pickupEnd',
};

interface SeriesDialogProps {
  today: string;
  onSaved: (created: DistributionView[], notice: Notice) => void;
  onClose: () => void;
}

/**
 * Plan a season at once: one distribution a week on a weekday. The preview
 * lists every date with its ordering window; unticking a date (a holiday, a
 * day that already has a distribution) leaves it out.
 */
export function SeriesDialog({ today, onSaved, onClose }: SeriesDialogProps) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const titleId = useId();
  const [text, setText] = useState<SeriesText>(() => newSeriesText(relay, today));
  /** The organiser's own ticks and unticks, by date; a date not in here follows its default. */
  const [choices, setChoices] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const dates = useMemo(() => plannedDates(text), [text]);
  const taken = useTakenDates(dates);
  const isTicked = (date: string) => choices.get(date) ?? !taken.has(date);
  const ticked = dates.filter(isTicked);

  const byField = useMemo(() => issuesFor(error, SERIES_FIELDS), [error]);
  useEffect(() => focusFirstInvalid(FORM, SERIES_FIELDS, byField), [byField]);

  async function save() {
    const read = readSeriesText(text, dates.filter((date) => !isTicked(date)));
    if (!read.ok) {
      setError({ key: 'error.invalidInput', issues: read.issues });
      return;
    }
    setBusy(true);
    const outcome = await call('distributions.createSeries', read.plan);
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    const created = outcome.value;
    const first = created[0];
    const last = created.at(-1);
    onSaved(created, {
      key: 'distributions.seriesCreated',
      params: {
        count: created.length,
        first: first ? longDay(language, first.pickupDate) : '',
        last: last ? longDay(language, last.pickupDate) : '',
      },
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) void save();
  }

  const edit = (name: keyof SeriesText, value: string) => setText((current) => ({ ...current, [name]: value }));

  const field = (name: SeriesFieldName, control: (props: ControlProps) => ReactNode) => (
    <Field form={FORM} name={name} label={t(LABELS[name])} issue={byField[name]} required>
      {control}
    </Field>
  );

  const input = (name: SeriesFieldName, type: 'date' | 'time' | 'text', extra: { inputMode?: 'numeric' } = {}) =>
    field(name, (props) =>
      type === 'date' ? (
        <DayInput {...props} name={name} value={text[name]} onChange={(value) => edit(name, value)} />
      ) : type === 'time' ? (
        <TimeInput {...props} name={name} value={text[name]} onChange={(value) => edit(name, value)} />
      ) : (
        <input {...props} {...extra} name={name} type={type} value={text[name]} onChange={(event) => edit(name, event.target.value)} />
      ),
    );

  const lengthOption = (value: SeriesLength, label: MessageKey) => (
    <label>
      <input
        type="radio"
        name="series-length"
        value={value}
        checked={text.length === value}
        onChange={() => setText((current) => ({ ...current, length: value }))}
      />
      <span>{t(label)}</span>
    </label>
  );

  const count = ticked.length;

  return (
    <Dialog labelledBy={titleId} onClose={onClose} busy={busy} className="dialog-form dialog-series">
      <form onSubmit={submit} noValidate className="form" aria-busy={busy || undefined}>
        <h2 id={titleId} className="dialog-title">
          {t('distributions.series.title')}
        </h2>
        <ErrorSummary error={error} labelFor={labelForPath(SERIES_FIELDS, (name) => t(LABELS[name]))} />
        <div className="form-grid distribution-grid">
          {field('weekday', (props) => (
            <select {...props} name="weekday" value={text.weekday} onChange={(event) => edit('weekday', event.target.value)}>
              {WEEKDAYS.map((weekday) => (
                <option key={weekday} value={weekday}>
                  {weekdayName(language, weekday)}
                </option>
              ))}
            </select>
          ))}
          {input('from', 'date')}
          <fieldset className="segmented">
            <legend>{t('distributions.series.length')}</legend>
            <div className="segmented-options">
              {lengthOption('weeks', 'distributions.series.forWeeks')}
              {lengthOption('until', 'distributions.series.untilDate')}
            </div>
          </fieldset>
          {text.length === 'weeks' ? input('weeks', 'text', { inputMode: 'numeric' }) : input('until', 'date')}
          {input('pickupStart', 'time')}
          {input('pickupEnd', 'time')}
        </div>
        <SeriesPreview
          dates={dates}
          isTicked={isTicked}
          taken={taken}
          onTick={(date, value) => setChoices((current) => new Map(current).set(date, value))}
        />
        <div className="dialog-actions">
          {/* Always there, so screen readers already know the region when the work starts. */}
          <p className="series-busy" aria-live="polite">
            {busy && (
              <>
                <span className="busy-spinner" aria-hidden="true" />
                {t('distributions.series.creating', { count })}
              </>
            )}
          </p>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('distributions.series.create', { count })}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

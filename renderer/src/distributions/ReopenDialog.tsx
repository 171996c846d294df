import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { DistributionView } from '../../../shared/catalogue/views';
import { addDays, compareDates, isLocalDate, type LocalDate } from '../../../shared/distributions/calendar';
import type { AppError } from '../../../shared/contract/errors';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { RelaySettings } from '../../../shared/model/relay';
import { useReadyApp } from '../app/ready-app-context';
import { call } from '../client';
import { Dialog } from '../dialog/Dialog';
import { ErrorSummary } from '../forms/ErrorSummary';
import { DayInput } from '../forms/DayInput';
import { Field } from '../forms/Field';
import { focusFirstInvalid, issuesFor } from '../forms/field-issues';
import { useI18n } from '../i18n/i18n-context';
import { longDay } from '../../../shared/i18n/format';

const FORM = 'reopen';
const FIELDS = ['closes.date', 'closes.time'] as const;
type ReopenField = (typeof FIELDS)[number];

const LABELS: Record<ReopenField, MessageKey> = {
  'closes.date': 'distributions.field.closesDate',
  'closes.time': 'distributions.field.closesTime',
};

/** A closing moment still to come: the usual one when it is, else tonight, else the start of the pickup. */
function proposedClosing(distribution: DistributionView, relay: RelaySettings, today: LocalDate): Record<ReopenField, string> {
  const usual = addDays(distribution.pickupDate, -relay.orderingWindow.closesDaysBefore);
  if (compareDates(usual, today) > 0) return { 'closes.date': usual, 'closes.time': relay.orderingWindow.closesAt };
  if (compareDates(today, distribution.pickupDate) < 0) return { 'closes.date': today, 'closes.time': '23:59' };
  return { 'closes.date': distribution.pickupDate, 'closes.time': distribution.pickupStart };
}

interface ReopenDialogProps {
  distribution: DistributionView;
  today: LocalDate;
  onReopened: (distribution: DistributionView) => void;
  onClose: () => void;
}

/** Its planned closing time has passed: reopening needs a new one, before the pickup starts. */
export function ReopenDialog({ distribution, today, onReopened, onClose }: ReopenDialogProps) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const titleId = useId();
  const [text, setText] = useState(() => proposedClosing(distribution, relay, today));
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const byField = useMemo(() => issuesFor(error, FIELDS), [error]);
  useEffect(() => focusFirstInvalid(FORM, FIELDS, byField), [byField]);

  async function reopen() {
    setBusy(true);
    const outcome = await call('distributions.reopen', {
      id: distribution.id,
      closes: { date: text['closes.date'], time: text['closes.time'] },
    });
    setBusy(false);
    if (outcome.ok) onReopened(outcome.value);
    else setError(outcome.error);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) void reopen();
  }

  const field = (name: ReopenField, type: 'date' | 'time') => (
    <Field form={FORM} name={name} label={t(LABELS[name])} issue={byField[name]} required>
      {(props) =>
        type === 'date' ? (
          <DayInput {...props} name={name} value={text[name]} onChange={(value) => setText((current) => ({ ...current, [name]: value }))} />
        ) : (
          <input
            {...props}
            name={name}
            type={type}
            value={text[name]}
            onChange={(event) => setText((current) => ({ ...current, [name]: event.target.value }))}
          />
        )
      }
    </Field>
  );

  return (
    <Dialog labelledBy={titleId} onClose={onClose} busy={busy} className="dialog-reopen">
      <form onSubmit={submit} noValidate className="form" aria-busy={busy || undefined}>
        <h2 id={titleId} className="dialog-title">
          {t('distributions.reopenTitle')}
        </h2>
        <p>
          {t('distributions.reopenBody', {
            day: longDay(language, distribution.pickupDate),
            start: distribution.pickupStart,
          })}
        </p>
        <ErrorSummary error={error} labelFor={(path) => FIELDS.find((name) => name === path) && t(LABELS[path as ReopenField])} />
        <div className="form-grid">
          {field('closes.date', 'date')}
          {field('closes.time', 'time')}
        </div>
        <p className="form-summary">
          {isLocalDate(text['closes.date']) &&
            t('distributions.reopenUntil', { day: longDay(language, text['closes.date']), time: text['closes.time'] })}
        </p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('distributions.reopening') : t('distributions.reopen')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { PAYMENT_METHODS } from '../../../../shared/accounts/ledger';
import type { TillView } from '../../../../shared/accounts/views';
import type { AppError, FieldIssue } from '../../../../shared/contract/errors';
import { toLocal } from '../../../../shared/distributions/calendar';
import { useReadyApp } from '../../app/ready-app-context';
import { amountText, parseAmount } from '../../accounts/money-input';
import { useMoney } from '../../accounts/use-money';
import { call } from '../../client';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { Field } from '../../forms/Field';
import { focusFirstInvalid, issuesFor, labelForPath } from '../../forms/field-issues';
import type { Notice } from '../../forms/StatusMessage';
import { useI18n } from '../../i18n/i18n-context';
import { CounterSales } from './CounterSales';

const FIELDS = ['floatCents', 'countedCents', 'note'] as const;
type TillField = (typeof FIELDS)[number];
const LABELS = { floatCents: 'till.field.float', countedCents: 'till.field.counted', note: 'till.field.note' } as const;

/**
 * The Clôture tab's till: what was taken per method, the counter sales, and
 * the cash count — expected (float + cash) against counted, live. Once closed
 * it shows the recorded figures; a correction is a new closing.
 */
interface TillSectionProps {
  distributionId: string;
  /** Bumped by the counter after each change, so the totals are read again. */
  version: number;
  /** Lines sold by weight not weighed yet (issue 15): closing says they will be debited at their estimate. */
  unweighed: number;
  /** The page has one status region (the counter's); the closing's notice goes there. */
  onNotice: (notice: Notice) => void;
}

export function TillSection({ distributionId, version, unweighed, onNotice }: TillSectionProps) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const money = useMoney();
  const [till, setTill] = useState<TillView | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const [floatText, setFloatText] = useState<string | null>(null);
  const [counted, setCounted] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    void call('till.get', { distributionId }).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setTill(outcome.value);
      else setError(outcome.error);
    });
    return () => {
      live = false;
    };
  }, [distributionId, version, reloads]);

  if (!till) return null;
  const latest = till.closings[0];
  const floatShown = floatText ?? amountText(language, latest?.floatCents ?? 0);
  const floatCents = parseAmount(floatShown);
  const countedCents = parseAmount(counted);
  const expectedCents = (floatCents ?? 0) + till.byMethod.cash;
  const byField = issuesFor(error, FIELDS);
  const label = (field: TillField) => t(LABELS[field]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const issues: FieldIssue[] = [];
    if (floatCents === null) issues.push({ path: 'floatCents', key: 'accounts.amountUnreadable' });
    if (countedCents === null) issues.push({ path: 'countedCents', key: counted.trim() === '' ? 'validation.required' : 'accounts.amountUnreadable' });
    if (floatCents === null || countedCents === null) {
      const refusal = { key: 'error.invalidInput' as const, issues };
      setError(refusal);
      focusFirstInvalid('till', FIELDS, issuesFor(refusal, FIELDS));
      return;
    }
    setBusy(true);
    const outcome = await call('till.close', { distributionId, floatCents, countedCents, note });
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.error);
      focusFirstInvalid('till', FIELDS, issuesFor(outcome.error, FIELDS));
      return;
    }
    setError(null);
    setCorrecting(false);
    setCounted('');
    setNote('');
    const closed = outcome.value;
    onNotice({
      key: 'till.done',
      params: { expected: money(closed.expectedCents), counted: money(closed.countedCents), difference: money(closed.differenceCents) },
    });
    setReloads((current) => current + 1);
  }

  return (
    <section aria-labelledby="till-title" className="till">
      <h2 id="till-title">{t('till.title')}</h2>
      <div className="table-frame">
        <table className="table">
          <caption>{t('till.byMethod')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('till.column.method')}</th>
              <th scope="col" className="numeric">
                {t('till.column.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {PAYMENT_METHODS.map((method) => (
              <tr key={method}>
                <th scope="row">{t(`accounts.method.${method}`)}</th>
                <td className="numeric">{money(till.byMethod[method])}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('till.total')}</th>
              <td className="numeric">
                <strong>{money(till.totalCents)}</strong>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      {till.counterSales.length > 0 && (
        <CounterSales
          sales={till.counterSales}
          onCancelled={(notice) => {
            onNotice(notice);
            setReloads((current) => current + 1);
          }}
        />
      )}
      {latest && !correcting ? (
        <>
          <div className="table-frame">
            <table className="table till-recorded">
              <caption>{t('till.closedAt', { time: toLocal(latest.at, relay.timeZone).time })}</caption>
              <tbody>
                <tr>
                  <th scope="row">{t('till.recorded.float')}</th>
                  <td className="numeric">{money(latest.floatCents)}</td>
                </tr>
                <tr>
                  <th scope="row">{t('till.recorded.expected')}</th>
                  <td className="numeric">{money(latest.expectedCents)}</td>
                </tr>
                <tr>
                  <th scope="row">{t('till.recorded.counted')}</th>
                  <td className="numeric">{money(latest.countedCents)}</td>
                </tr>
                <tr>
                  <th scope="row">{t('till.recorded.difference')}</th>
                  <td className="numeric">{money(latest.differenceCents)}</td>
                </tr>
                {latest.note && (
                  <tr>
                    <th scope="row">{t('till.recorded.note')}</th>
                    <td>{latest.note}</td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          {till.closings.length > 1 && <p className="muted">{t('till.corrections', { count: till.closings.length - 1 })}</p>}
          <button type="button" className="button" onClick={() => setCorrecting(true)}>
            {t('till.correct')}
          </button>
        </>
      ) : (
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <ErrorSummary error={error} labelFor={labelForPath(FIELDS, label)} />
          <div className="till-fields">
            <Field form="till" name="floatCents" label={label('floatCents')} issue={byField.floatCents}>
              {(props) => <input {...props} type="text" inputMode="decimal" autoComplete="off" value={floatShown} onChange={(event) => setFloatText(event.target.value)} />}
            </Field>
            <Field form="till" name="countedCents" label={label('countedCents')} issue={byField.countedCents} required>
              {(props) => <input {...props} type="text" inputMode="decimal" autoComplete="off" value={counted} onChange={(event) => setCounted(event.target.value)} />}
            </Field>
          </div>
          <div aria-live="polite">
            <p className="till-expected">{t('till.expected', { amount: money(expectedCents) })}</p>
            {countedCents !== null && <p className="till-expected">{t('till.difference', { amount: money(countedCents - expectedCents) })}</p>}
          </div>
          <Field form="till" name="note" label={label('note')} hint={t('till.field.noteHint')} issue={byField.note}>
            {(props) => <input {...props} type="text" autoComplete="off" maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />}
          </Field>
          {unweighed > 0 && <p className="till-warning">{t('unweighed.beforeClose', { count: unweighed })}</p>}
          <div className="form-actions">
            {correcting && (
              <button type="button" className="button" onClick={() => setCorrecting(false)} disabled={busy}>
                {t('common.cancel')}
              </button>
            )}
            <button type="submit" className="button button-primary" disabled={busy}>
              {t(latest ? 'till.saveCorrection' : 'till.close')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

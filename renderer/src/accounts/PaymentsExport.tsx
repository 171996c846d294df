import { useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { todayIn } from '../../../shared/distributions/calendar';
import { useReadyApp } from '../app/ready-app-context';
import { call } from '../client';
import { dayText, readDay } from '../forms/day-text';
import { useI18n } from '../i18n/i18n-context';
import { downloadText } from '../import/file-bytes';

/**
 * The payments for the accountant, as CSV: every payment and reversal, or those
 * of a period (both days included, in the relay's time zone). Empty dates mean
 * from the first payment / up to today. Days are typed day first ("04/12/2026"),
 * as the relay writes them; an unreadable one is said and nothing is exported.
 */
export function PaymentsExport({ onError }: { onError: (error: AppError | null) => void }) {
  const { t } = useI18n();
  const { relay } = useReadyApp();
  const today = todayIn(relay.timeZone, new Date());
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  /** The day of a bound, undefined when left empty, null when unreadable. */
  function bound(text: string, label: string): string | undefined | null {
    if (text.trim() === '') return undefined;
    const day = readDay('date', text, today);
    if ('day' in day) return day.day;
    onError({ key: 'accounts.export.unreadable', params: { field: label, example: dayText(today) } });
    return null;
  }

  async function exportCsv() {
    const first = bound(from, t('accounts.export.from'));
    if (first === null) return;
    const last = bound(to, t('accounts.export.to'));
    if (last === null) return;
    const outcome = await call('accounts.exportPayments', { ...(first && { from: first }), ...(last && { to: last }) });
    if (!outcome.ok) return onError(outcome.error);
    onError(null);
    downloadText(outcome.value.fileName, outcome.value.content);
  }

  return (
    <fieldset className="payments-export">
      <legend>{t('accounts.export.legend')}</legend>
      <p className="field-hint" id="payments-export-hint">
        {t('common.dayHint', { example: dayText(today) })}
      </p>
      <label>
        <span>{t('accounts.export.from')}</span>
        <input type="text" autoComplete="off" aria-describedby="payments-export-hint" value={from} onChange={(event) => setFrom(event.target.value)} />
      </label>
      <label>
        <span>{t('accounts.export.to')}</span>
        <input type="text" autoComplete="off" aria-describedby="payments-export-hint" value={to} onChange={(event) => setTo(event.target.value)} />
      </label>
      <button type="button" className="button" onClick={() => void exportCsv()}>
        {t('accounts.exportCsv')}
      </button>
    </fieldset>
  );
}

import { useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { call } from '../client';
import { useI18n } from '../i18n/i18n-context';
import { downloadText } from '../import/file-bytes';

/**
 * The payments for the accountant, as CSV: every payment and reversal, or those
 * of a period (both days included, in the relay's time zone). Empty dates mean
 * from the first payment / up to today.
 */
export function PaymentsExport({ onError }: { onError: (error: AppError | null) => void }) {
  const { t } = useI18n();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  async function exportCsv() {
    const outcome = await call('accounts.exportPayments', { ...(from && { from }), ...(to && { to }) });
    if (!outcome.ok) return onError(outcome.error);
    onError(null);
    downloadText(outcome.value.fileName, outcome.value.content);
  }

  return (
    <fieldset className="payments-export">
      <legend>{t('accounts.export.legend')}</legend>
      <label>
        <span>{t('accounts.export.from')}</span>
        <input type="date" value={from} max={to || undefined} onChange={(event) => setFrom(event.target.value)} />
      </label>
      <label>
        <span>{t('accounts.export.to')}</span>
        <input type="date" value={to} min={from || undefined} onChange={(event) => setTo(event.target.value)} />
      </label>
      <button type="button" className="button" onClick={() => void exportCsv()}>
        {t('accounts.exportCsv')}
      </button>
    </fieldset>
  );
}

import { useId, useState, type FormEvent } from 'react';
import type { AppError, FieldIssue } from '../../../shared/contract/errors';
import { formatPercent, parsePercent } from '../../../shared/i18n/format';
import type { SettlementRates, SettlementView } from '../../../shared/settlement/rates';
import { call } from '../client';
import { Dialog } from '../dialog/Dialog';
import { ErrorSummary } from '../forms/ErrorSummary';
import { Field } from '../forms/Field';
import { focusFirstInvalid, issuesFor, labelForPath } from '../forms/field-issues';
import { useI18n } from '../i18n/i18n-context';

const FORM = 'rates';
const FIELDS = ['hostCommission', 'serviceFee', 'reason'] as const;
type RatesField = (typeof FIELDS)[number];
/** The server names the rates in basis points; the form takes percentages. */
const FIELD_OF_PATH: Record<string, RatesField> = { hostCommissionBp: 'hostCommission', serviceFeeBp: 'serviceFee', reason: 'reason' };

interface RatesDialogProps {
  distributionId: string;
  rates: SettlementRates;
  onChanged: (settlement: SettlementView) => void;
  onClose: () => void;
}

/** Changes the rates frozen on one distribution (issue 15): the new percentages and why; the reason stays with the distribution. */
export function RatesDialog({ distributionId, rates, onChanged, onClose }: RatesDialogProps) {
  const { t, language } = useI18n();
  const titleId = useId();
  const [text, setText] = useState({
    hostCommission: formatPercent(language, rates.hostCommissionBp),
    serviceFee: formatPercent(language, rates.serviceFeeBp),
    reason: '',
  });
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const label = (field: RatesField) => t(`settlement.field.${field}`);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const hostCommissionBp = parsePercent(text.hostCommission);
    const serviceFeeBp = parsePercent(text.serviceFee);
    const typed: FieldIssue[] = [];
    if (hostCommissionBp === null) typed.push({ path: 'hostCommission', key: 'validation.percent' });
    if (serviceFeeBp === null) typed.push({ path: 'serviceFee', key: 'validation.percent' });
    let refusal: AppError | null = null;
    if (hostCommissionBp === null || serviceFeeBp === null) refusal = { key: 'error.invalidInput', issues: typed };
    else {
      setBusy(true);
      const outcome = await call('settlement.changeRates', { distributionId, hostCommissionBp, serviceFeeBp, reason: text.reason });
      setBusy(false);
      if (outcome.ok) return onChanged(outcome.value);
      refusal = { ...outcome.error, issues: outcome.error.issues?.map((issue) => ({ ...issue, path: FIELD_OF_PATH[issue.path] ?? issue.path })) };
    }
    setError(refusal);
    focusFirstInvalid(FORM, FIELDS, issuesFor(refusal, FIELDS));
  }

  const issues = issuesFor(error, FIELDS);
  const input = (field: RatesField, extra: { inputMode?: 'decimal'; maxLength?: number; autoFocus?: boolean } = {}) => (
    <Field form={FORM} name={field} label={label(field)} issue={issues[field]} required>
      {(props) => (
        <input
          {...props}
          type="text"
          autoComplete="off"
          inputMode={extra.inputMode}
          maxLength={extra.maxLength}
          value={text[field]}
          onChange={(event) => setText({ ...text, [field]: event.target.value })}
          data-autofocus={extra.autoFocus || undefined}
        />
      )}
    </Field>
  );

  return (
    <Dialog labelledBy={titleId} onClose={onClose} busy={busy} className="dialog-confirm">
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <h2 id={titleId} className="dialog-title">
          {t('settlement.changeRates')}
        </h2>
        <p>{t('settlement.changeRatesIntro')}</p>
        <ErrorSummary error={error} labelFor={labelForPath(FIELDS, label)} />
        {input('hostCommission', { inputMode: 'decimal', autoFocus: true })}
        {input('serviceFee', { inputMode: 'decimal' })}
        {input('reason', { maxLength: 500 })}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button" disabled={busy}>
            {t('settlement.changeRatesConfirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

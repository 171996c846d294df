import { useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { formatDateTime, formatPercent } from '../../../shared/i18n/format';
import type { SettlementView } from '../../../shared/settlement/rates';
import { call } from '../client';
import { ConfirmDialog } from '../dialog/ConfirmDialog';
import { useI18n } from '../i18n/i18n-context';
import { RatesDialog } from './RatesDialog';

interface RatesInForceProps {
  distributionId: string;
  settlement: SettlementView;
  onChanged: (settlement: SettlementView) => void;
  onError: (error: AppError) => void;
}

/**
 * The rates this settlement is computed with, and whose they are (issue 15):
 * the relay's current ones while ordering is open, the distribution's own once
 * frozen, each change by hand with its reason; changed or settled from here.
 */
export function RatesInForce({ distributionId, settlement, onChanged, onError }: RatesInForceProps) {
  const { t, language, timeZone } = useI18n();
  const [editing, setEditing] = useState(false);
  const [settling, setSettling] = useState(false);
  const [busy, setBusy] = useState(false);
  const { rates } = settlement;
  const percent = (basisPoints: number) => formatPercent(language, basisPoints);
  const frozen = rates.frozenAt !== null;
  const settled = rates.settledAt !== null;

  async function markSettled() {
    setBusy(true);
    const outcome = await call('settlement.markSettled', { distributionId });
    setBusy(false);
    setSettling(false);
    if (outcome.ok) onChanged(outcome.value);
    else onError(outcome.error);
  }

  return (
    <section aria-labelledby="settlement-rates" className="settlement-rates">
      <h2 id="settlement-rates">{t('settlement.ratesTitle')}</h2>
      <p>{t('settlement.rates', { host: percent(rates.hostCommissionBp), fee: percent(rates.serviceFeeBp) })}</p>
      <p className="muted" data-testid="rates-state">
        {rates.source === 'relay' && t('settlement.ratesNotFrozen')}
        {rates.source === 'frozen' && t('settlement.ratesFrozen', { at: formatDateTime(language, rates.frozenAt!, timeZone) })}
        {rates.source === 'changed' && t('settlement.ratesChanged')}
        {settled && ` ${t('settlement.settledOn', { at: formatDateTime(language, rates.settledAt!, timeZone) })}`}
      </p>
      {rates.changes.length > 0 && (
        <ul className="rate-changes">
          {rates.changes.map((change) => (
            <li key={change.at}>
              {t('settlement.rateChange', {
                at: formatDateTime(language, change.at, timeZone),
                host: percent(change.to.hostCommissionBp),
                fee: percent(change.to.serviceFeeBp),
                fromHost: percent(change.from.hostCommissionBp),
                fromFee: percent(change.from.serviceFeeBp),
                reason: change.reason,
              })}
            </li>
          ))}
        </ul>
      )}
      {frozen && !settled && (
        <div className="toolbar screen-only">
          <button type="button" onClick={() => setEditing(true)}>
            {t('settlement.changeRates')}
          </button>
          <button type="button" onClick={() => setSettling(true)}>
            {t('settlement.markSettled')}
          </button>
        </div>
      )}
      {editing && (
        <RatesDialog
          distributionId={distributionId}
          rates={rates}
          onChanged={(next) => {
            setEditing(false);
            onChanged(next);
          }}
          onClose={() => setEditing(false)}
        />
      )}
      {settling && (
        <ConfirmDialog
          title={t('settlement.markSettled')}
          body={t('settlement.markSettledBody')}
          confirmLabel={t('settlement.markSettledConfirm')}
          busy={busy}
          onConfirm={() => void markSettled()}
          onCancel={() => setSettling(false)}
        />
      )}
    </section>
  );
}

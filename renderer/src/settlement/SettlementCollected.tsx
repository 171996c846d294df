import { useEffect, useState } from 'react';
import { PAYMENT_METHODS } from '../../../shared/accounts/ledger';
import type { TillView } from '../../../shared/accounts/views';
import { call } from '../client';
import { useI18n } from '../i18n/i18n-context';

interface SettlementCollectedProps {
  distributionId: string;
  owedCents: number;
  money: (cents: number) => string;
}

/**
 * What the counter took at this distribution (issue 7), per method, against
 * what the producers are owed: the organiser sees at a glance whether the
 * money in hand covers the producers' payments. Advance payments made
 * outside the counter are not in it: they are on the members' accounts.
 */
export function SettlementCollected({ distributionId, owedCents, money }: SettlementCollectedProps) {
  const { t } = useI18n();
  const [till, setTill] = useState<TillView | null>(null);

  useEffect(() => {
    let live = true;
    void call('till.get', { distributionId }).then((outcome) => live && outcome.ok && setTill(outcome.value));
    return () => {
      live = false;
    };
  }, [distributionId]);

  if (!till) return null;
  return (
    <section aria-labelledby="settlement-collected" className="screen-only">
      <h2 id="settlement-collected">{t('settlement.collected')}</h2>
      <table className="settlement-summary">
        <caption className="visually-hidden">{t('settlement.collectedCaption')}</caption>
        <tbody>
          {PAYMENT_METHODS.filter((method) => till.byMethod[method] !== 0).map((method) => (
            <tr key={method}>
              <th scope="row">{t(`accounts.method.${method}`)}</th>
              <td>{money(till.byMethod[method])}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('settlement.collectedTotal')}</th>
            <td>{money(till.totalCents)}</td>
          </tr>
          <tr>
            <th scope="row">{t('settlement.owedTotal')}</th>
            <td>{money(owedCents)}</td>
          </tr>
          <tr>
            <th scope="row">{t('settlement.collectedBalance')}</th>
            <td>{money(till.totalCents - owedCents)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

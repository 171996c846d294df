import { useState } from 'react';
import { formatDateTime } from '../../../shared/i18n/format';
import type { PaymentConflict } from '../../../shared/sync/conflicts';
import { useMoney } from '../accounts/use-money';
import { useI18n } from '../i18n/i18n-context';
import type { Resolve } from './ConflictsPage';
import { ConflictSection } from './ConflictSection';

/** A payment reversed on two copies: the first reversal stands, the payment is recorded again for each extra one. */
export function PaymentConflicts({ conflicts, onResolve }: { conflicts: readonly PaymentConflict[]; onResolve: Resolve }) {
  const { t, language, timeZone } = useI18n();
  const money = useMoney();
  const [busy, setBusy] = useState(false);

  async function restore(conflict: PaymentConflict) {
    setBusy(true);
    await onResolve(conflict, 'reconcile', { key: 'sync.paymentRestored', params: { amount: money(conflict.amountCents), member: conflict.memberName } });
    setBusy(false);
  }

  return (
    <ConflictSection
      id="conflicts-payments"
      title={t('sync.conflicts.payments')}
      help={t('sync.conflicts.paymentsHelp')}
      columns={[t('sync.column.member'), t('sync.column.payment'), t('sync.column.reversals')]}
    >
      {conflicts.map((conflict) => {
        const facts = { amount: money(conflict.amountCents), member: conflict.memberName, date: formatDateTime(language, conflict.paidAt, timeZone) };
        return (
          <tr key={conflict.id}>
            <th scope="row">{conflict.memberName}</th>
            <td>{t('sync.paymentFigures', facts)}</td>
            <td className="numeric">{conflict.reversals}</td>
            <td className="row-actions">
              <button type="button" className="button button-small" aria-label={t('sync.restorePaymentLabel', facts)} disabled={busy} onClick={() => void restore(conflict)}>
                {t('sync.restorePayment')}
              </button>
            </td>
          </tr>
        );
      })}
    </ConflictSection>
  );
}

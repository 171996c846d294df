import { useState } from 'react';
import { shortDay } from '../../../shared/i18n/format';
import { useMoney } from '../accounts/use-money';
import type { AccountConflict } from '../../../shared/sync/conflicts';
import { useI18n } from '../i18n/i18n-context';
import type { Resolve } from './ConflictsPage';
import { ConflictSection } from './ConflictSection';

/** An order debited (or un-debited) on two copies: put back in line with the order, by reversal or a new debit, never by deleting. */
export function AccountConflicts({ conflicts, onResolve }: { conflicts: readonly AccountConflict[]; onResolve: Resolve }) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState(false);
  const format = useMoney();
  // Shown as what the member is charged for the order: a debit of 10,00 € reads "10,00 €".
  const money = (cents: number) => format(-cents);

  async function reconcile(conflict: AccountConflict) {
    setBusy(true);
    await onResolve(conflict, 'reconcile', { key: 'sync.reconciled', params: { basket: conflict.basketNumber, member: conflict.memberName } });
    setBusy(false);
  }

  return (
    <ConflictSection
      id="conflicts-accounts"
      title={t('sync.conflicts.accounts')}
      help={t('sync.conflicts.accountsHelp')}
      columns={[t('sync.column.member'), t('sync.column.date'), t('sync.column.basket'), t('sync.column.account')]}
    >
      {conflicts.map((conflict) => (
        <tr key={conflict.id}>
          <th scope="row">{conflict.memberName}</th>
          <td>{shortDay(language, conflict.pickupDate)}</td>
          <td>{t('sync.basket', { number: conflict.basketNumber })}</td>
          <td>{t('sync.accountFigures', { carried: money(conflict.carriedCents), expected: money(conflict.expectedCents) })}</td>
          <td className="row-actions">
            <button
              type="button"
              className="button button-small"
              aria-label={t('sync.reconcileLabel', { basket: conflict.basketNumber, member: conflict.memberName })}
              disabled={busy}
              onClick={() => void reconcile(conflict)}
            >
              {t('sync.reconcile')}
            </button>
          </td>
        </tr>
      ))}
    </ConflictSection>
  );
}

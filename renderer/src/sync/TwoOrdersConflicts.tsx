import { useState } from 'react';
import { shortDay } from '../../../shared/i18n/format';
import type { TwoOrdersConflict } from '../../../shared/sync/conflicts';
import { ConfirmDialog } from '../dialog/ConfirmDialog';
import { useI18n } from '../i18n/i18n-context';
import type { Resolve } from './ConflictsPage';
import { ConflictSection } from './ConflictSection';
import { OrderRefList } from './OrderRefList';

/** One member with two orders in one distribution (opened on two copies): merged into the oldest, after a confirmation. */
export function TwoOrdersConflicts({ conflicts, onResolve }: { conflicts: readonly TwoOrdersConflict[]; onResolve: Resolve }) {
  const { t, language } = useI18n();
  const [merging, setMerging] = useState<TwoOrdersConflict | null>(null);
  const [busy, setBusy] = useState(false);

  const facts = (conflict: TwoOrdersConflict) => ({
    member: conflict.memberName,
    day: shortDay(language, conflict.pickupDate),
    basket: conflict.orders[0]?.basketNumber ?? '?',
  });

  async function merge(conflict: TwoOrdersConflict) {
    setBusy(true);
    const { member, basket } = facts(conflict);
    await onResolve(conflict, 'mergeOrders', { key: 'sync.ordersMerged', params: { member, basket } });
    setBusy(false);
    setMerging(null);
  }

  return (
    <ConflictSection
      id="conflicts-two-orders"
      title={t('sync.conflicts.twoOrders')}
      help={t('sync.conflicts.twoOrdersHelp')}
      columns={[t('sync.column.member'), t('sync.column.date'), t('sync.column.orders')]}
      after={
        merging && (
          <ConfirmDialog
            title={t('sync.mergeTitle')}
            body={t('sync.mergeConfirm', facts(merging))}
            confirmLabel={t('sync.mergeOrders')}
            busy={busy}
            busyLabel={t('sync.merging')}
            onConfirm={() => void merge(merging)}
            onCancel={() => setMerging(null)}
          />
        )
      }
    >
      {conflicts.map((conflict) => (
        <tr key={conflict.id}>
          <th scope="row">{conflict.memberName}</th>
          <td>{shortDay(language, conflict.pickupDate)}</td>
          <td>
            <OrderRefList orders={conflict.orders} />
          </td>
          <td className="row-actions">
            <button type="button" className="button button-small" aria-label={t('sync.mergeOrdersLabel', facts(conflict))} disabled={busy} onClick={() => setMerging(conflict)}>
              {t('sync.mergeOrders')}
            </button>
          </td>
        </tr>
      ))}
    </ConflictSection>
  );
}

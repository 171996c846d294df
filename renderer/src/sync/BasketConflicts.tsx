import { useState } from 'react';
import { shortDay } from '../../../shared/i18n/format';
import type { BasketConflict } from '../../../shared/sync/conflicts';
import { useI18n } from '../i18n/i18n-context';
import type { Resolve } from './ConflictsPage';
import { ConflictSection } from './ConflictSection';
import { OrderRefList } from './OrderRefList';

/** One basket number given out on two copies: the oldest order keeps it, the others take the next free numbers. */
export function BasketConflicts({ conflicts, onResolve }: { conflicts: readonly BasketConflict[]; onResolve: Resolve }) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState(false);

  async function renumber(conflict: BasketConflict) {
    setBusy(true);
    await onResolve(conflict, 'renumber', { key: 'sync.renumbered', params: { basket: conflict.basketNumber } });
    setBusy(false);
  }

  return (
    <ConflictSection
      id="conflicts-baskets"
      title={t('sync.conflicts.baskets')}
      help={t('sync.conflicts.basketsHelp')}
      columns={[t('sync.column.basket'), t('sync.column.date'), t('sync.column.orders')]}
    >
      {conflicts.map((conflict) => {
        const day = shortDay(language, conflict.pickupDate);
        return (
          <tr key={conflict.id}>
            <th scope="row">{t('sync.basket', { number: conflict.basketNumber })}</th>
            <td>{day}</td>
            <td>
              <OrderRefList orders={conflict.orders} />
            </td>
            <td className="row-actions">
              <button
                type="button"
                className="button button-small"
                aria-label={t('sync.renumberLabel', { basket: conflict.basketNumber, day })}
                disabled={busy}
                onClick={() => void renumber(conflict)}
              >
                {t('sync.renumber')}
              </button>
            </td>
          </tr>
        );
      })}
    </ConflictSection>
  );
}

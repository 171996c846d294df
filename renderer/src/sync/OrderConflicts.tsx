import { useState } from 'react';
import { shortDay } from '../../../shared/i18n/format';
import type { OrderConflict } from '../../../shared/sync/conflicts';
import { useI18n } from '../i18n/i18n-context';
import { conflictValueLines } from './conflict-text';
import type { Resolve } from './ConflictsPage';
import { ConflictSection } from './ConflictSection';

function Version({ conflict, value }: { conflict: OrderConflict; value: unknown }) {
  const { t } = useI18n();
  return (
    <ul className="sync-version">
      {conflictValueLines(conflict.field, value, t).map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}

/** One order changed on two copies: every copy kept one version; the organiser confirms it or takes the other back. */
export function OrderConflicts({ conflicts, onResolve }: { conflicts: readonly OrderConflict[]; onResolve: Resolve }) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);

  async function resolve(conflict: OrderConflict, action: 'keep' | 'useOther') {
    setBusy(conflict.id);
    const params = { basket: conflict.basketNumber, member: conflict.memberName };
    await onResolve(conflict, action, { key: action === 'keep' ? 'sync.kept' : 'sync.otherTaken', params });
    setBusy(null);
  }

  const columns = [
    t('sync.column.member'),
    t('sync.column.basket'),
    t('sync.column.date'),
    t('sync.column.field'),
    t('sync.column.kept'),
    t('sync.column.other'),
  ];
  return (
    <ConflictSection id="conflicts-orders" title={t('sync.conflicts.orders')} help={t('sync.conflicts.ordersHelp')} columns={columns}>
      {conflicts.map((conflict) => {
        const params = { basket: conflict.basketNumber, member: conflict.memberName };
        return (
          <tr key={conflict.id}>
            <th scope="row">{conflict.memberName}</th>
            <td>{t('sync.basket', { number: conflict.basketNumber })}</td>
            <td>{shortDay(language, conflict.pickupDate)}</td>
            <td>{t(`sync.field.${conflict.field}`)}</td>
            <td>
              <Version conflict={conflict} value={conflict.kept} />
            </td>
            <td>
              <Version conflict={conflict} value={conflict.other} />
            </td>
            <td className="row-actions">
              <button
                type="button"
                className="button button-small"
                aria-label={t('sync.keepLabel', params)}
                disabled={busy !== null}
                onClick={() => void resolve(conflict, 'keep')}
              >
                {t('sync.keep')}
              </button>
              <button
                type="button"
                className="button button-small"
                aria-label={t('sync.useOtherLabel', params)}
                disabled={busy !== null}
                onClick={() => void resolve(conflict, 'useOther')}
              >
                {t('sync.useOther')}
              </button>
            </td>
          </tr>
        );
      })}
    </ConflictSection>
  );
}

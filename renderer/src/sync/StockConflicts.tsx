import { useState } from 'react';
import { shortDay } from '../../../shared/i18n/format';
import type { StockConflict } from '../../../shared/sync/conflicts';
import { ConfirmDialog } from '../dialog/ConfirmDialog';
import { useI18n } from '../i18n/i18n-context';
import type { Resolve } from './ConflictsPage';
import { ConflictSection } from './ConflictSection';

/** Stock below what is ordered: raise the stock to the orders, or trim the orders to the stock (after a confirmation). */
export function StockConflicts({ conflicts, onResolve }: { conflicts: readonly StockConflict[]; onResolve: Resolve }) {
  const { t, language } = useI18n();
  const [trimming, setTrimming] = useState<StockConflict | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const facts = (conflict: StockConflict) => ({
    product: conflict.productName,
    day: shortDay(language, conflict.pickupDate),
    ordered: conflict.ordered,
    available: conflict.available,
  });

  async function raise(conflict: StockConflict) {
    setBusy(conflict.id);
    await onResolve(conflict, 'raiseStock', { key: 'sync.stockRaised', params: { product: conflict.productName, ordered: conflict.ordered } });
    setBusy(null);
  }

  async function trim(conflict: StockConflict) {
    setBusy(conflict.id);
    await onResolve(conflict, 'trimOrders', { key: 'sync.ordersTrimmed', params: { product: conflict.productName, available: conflict.available } });
    setBusy(null);
    setTrimming(null);
  }

  const columns = [t('sync.column.product'), t('sync.column.date'), t('sync.column.producer'), t('sync.column.figures')];
  return (
    <ConflictSection
      id="conflicts-stock"
      title={t('sync.conflicts.stock')}
      help={t('sync.conflicts.stockHelp')}
      columns={columns}
      after={
        trimming && (
          <ConfirmDialog
            title={t('sync.trimTitle')}
            body={t('sync.trimConfirm', facts(trimming))}
            confirmLabel={t('sync.trimOrders')}
            busy={busy === trimming.id}
            busyLabel={t('sync.trimming')}
            onConfirm={() => void trim(trimming)}
            onCancel={() => setTrimming(null)}
          />
        )
      }
    >
      {conflicts.map((conflict) => (
        <tr key={conflict.id}>
          <th scope="row">{conflict.productName}</th>
          <td>{shortDay(language, conflict.pickupDate)}</td>
          <td>{conflict.producerName}</td>
          <td>{t('sync.stockFigures', { available: conflict.available, ordered: conflict.ordered })}</td>
          <td className="row-actions">
            <button
              type="button"
              className="button button-small"
              aria-label={t('sync.raiseStockLabel', facts(conflict))}
              disabled={busy !== null}
              onClick={() => void raise(conflict)}
            >
              {t('sync.raiseStock', { ordered: conflict.ordered })}
            </button>
            <button
              type="button"
              className="button button-small"
              aria-label={t('sync.trimOrdersLabel', facts(conflict))}
              disabled={busy !== null}
              onClick={() => setTrimming(conflict)}
            >
              {t('sync.trimOrders')}
            </button>
          </td>
        </tr>
      ))}
    </ConflictSection>
  );
}

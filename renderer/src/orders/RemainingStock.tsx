import { useI18n } from '../i18n/i18n-context';

/** "reste 3" / "illimité"; none left is also shown by weight and a border, not by colour alone. */
export function RemainingStock({ remaining }: { remaining: number | null }) {
  const { t } = useI18n();
  return (
    <span className={remaining === 0 ? 'stock-left stock-left-out' : 'stock-left'}>
      {remaining === null ? t('orders.unlimited') : t('orders.remaining', { count: remaining })}
    </span>
  );
}

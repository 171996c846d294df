import { useI18n } from '../i18n/i18n-context';
import { useMoney } from './use-money';

/** "À payer 13,40 €", "Crédit 5,00 €" or "Soldé": the balance said the way the counter says it. */
export function BalanceState({ cents }: { cents: number }) {
  const { t } = useI18n();
  const money = useMoney();
  if (cents < 0) return <strong className="balance-to-pay">{t('accounts.state.toPay', { amount: money(-cents) })}</strong>;
  if (cents > 0) return <span className="balance-credit">{t('accounts.state.credit', { amount: money(cents) })}</span>;
  return <span className="muted">{t('accounts.state.settled')}</span>;
}

import { formatMoney } from '../../../shared/i18n/format';
import { useReadyApp } from '../app/ready-app-context';
import { useI18n } from '../i18n/i18n-context';

/** Cents in the relay's currency and the UI language: "13,40 €". */
export function useMoney(): (cents: number) => string {
  const { language } = useI18n();
  const { relay } = useReadyApp();
  return (cents) => formatMoney(language, cents, relay.currency);
}

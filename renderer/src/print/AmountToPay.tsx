import type { CounterAccount } from '../../../shared/accounts/counter';
import { formatMoney } from '../../../shared/i18n/format';
import { useI18n } from '../i18n/i18n-context';

interface AmountToPayProps {
  account: CounterAccount | undefined;
  totalCents: number;
  currency: string;
}

/**
 * Under a member's total on the pickup sheet (issue 7): what to collect when
 * the account changes it — credit used, a debt from last time, paid ahead —
 * and the credit left, "to pay back". When the member simply pays the total,
 * the total already says it, and the sheet stays as it was.
 */
export function AmountToPay({ account, totalCents, currency }: AmountToPayProps) {
  const { t, language } = useI18n();
  if (!account) return null;
  const money = (cents: number) => formatMoney(language, cents, currency);
  const { dueCents, creditLeftCents } = account.due;
  return (
    <>
      {dueCents !== totalCents && <span className="sheet-to-pay">{t('sheets.toPay', { amount: money(dueCents) })}</span>}
      {creditLeftCents > 0 && <span className="sheet-credit">{t('sheets.credit', { amount: money(creditLeftCents) })}</span>}
    </>
  );
}

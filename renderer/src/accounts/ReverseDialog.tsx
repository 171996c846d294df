import type { AccountEntry } from '../../../shared/accounts/ledger';
import { formatDateTime } from '../../../shared/i18n/format';
import { call } from '../client';
import { ReasonDialog } from '../dialog/ReasonDialog';
import { useI18n } from '../i18n/i18n-context';
import { useMoney } from './use-money';

interface ReverseDialogProps {
  entry: AccountEntry;
  onClose: () => void;
  onReversed: (reversal: AccountEntry) => void;
}

/** Cancels a payment by a new entry; the reason is asked for and kept on the statement. */
export function ReverseDialog({ entry, onClose, onReversed }: ReverseDialogProps) {
  const { t, language, timeZone } = useI18n();
  const money = useMoney();
  const facts = { amount: money(entry.amountCents), date: formatDateTime(language, entry.at, timeZone) };
  return (
    <ReasonDialog
      form="reverse"
      title={t('accounts.reverse.title')}
      intro={t('accounts.reverse.intro', facts)}
      confirmLabel={t('accounts.reverse.confirm')}
      onClose={onClose}
      onConfirm={async (reason) => {
        const outcome = await call('accounts.reverse', { entryId: entry.id, reason });
        if (!outcome.ok) return outcome.error;
        onReversed(outcome.value);
        return null;
      }}
    />
  );
}

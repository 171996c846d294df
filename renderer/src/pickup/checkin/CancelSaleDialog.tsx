import type { CounterSaleRow } from '../../../../shared/accounts/views';
import { useMoney } from '../../accounts/use-money';
import { call } from '../../client';
import { ReasonDialog } from '../../dialog/ReasonDialog';
import { useI18n } from '../../i18n/i18n-context';

interface CancelSaleDialogProps {
  sale: CounterSaleRow;
  buyer: string;
  onClose: () => void;
  onCancelled: () => void;
}

/** Cancels a counter sale: says what happens to the money (given back, or left as credit) and asks why. */
export function CancelSaleDialog({ sale, buyer, onClose, onCancelled }: CancelSaleDialogProps) {
  const { t } = useI18n();
  const money = useMoney();
  const facts = { number: sale.basketNumber, buyer, paid: money(sale.paidCents) };
  return (
    <ReasonDialog
      form="cancel-sale"
      title={t('counter.cancel.title', facts)}
      intro={t(sale.walkIn ? 'counter.cancel.introWalkIn' : 'counter.cancel.introMember', facts)}
      confirmLabel={t('counter.cancel.confirm')}
      onClose={onClose}
      onConfirm={async (reason) => {
        const outcome = await call('counter.cancel', { orderId: sale.orderId, reason });
        if (!outcome.ok) return outcome.error;
        onCancelled();
        return null;
      }}
    />
  );
}

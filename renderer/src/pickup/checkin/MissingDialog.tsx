import { useId, useState, type FormEvent } from 'react';
import type { CheckinOrder } from '../../../../shared/checkin/day';
import type { AppError } from '../../../../shared/contract/errors';
import type { OrderLine } from '../../../../shared/model/order';
import { lineTotal } from '../../../../shared/orders/totals';
import { call } from '../../client';
import { Dialog } from '../../dialog/Dialog';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { Field } from '../../forms/Field';
import { FormActions } from '../../forms/FormActions';
import { useI18n } from '../../i18n/i18n-context';

interface MissingDialogProps {
  order: CheckinOrder;
  line: OrderLine;
  money: (cents: number) => string;
  onSaved: () => void;
  onClose: () => void;
}

/** Flags one line missing with a short note (Enter saves); the settlement refunds it. A refusal keeps the note typed. */
export function MissingDialog({ order, line, money, onSaved, onClose }: MissingDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const outcome = await call('checkin.markMissing', { orderId: order.orderId, lineId: line.id, note: note.trim() });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    onSaved();
  }

  return (
    <Dialog labelledBy={titleId} onClose={onClose} busy={busy} className="dialog-confirm">
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <h2 id={titleId} className="dialog-title">
          {t('checkin.missingTitle', { product: line.productName })}
        </h2>
        <p>{t('checkin.missingIntro', { basket: order.basketNumber, name: order.member.name, amount: money(lineTotal(line)) })}</p>
        <ErrorSummary error={error} labelFor={(path) => (path === 'note' ? t('checkin.missingField') : undefined)} />
        <Field form="missing" name="note" label={t('checkin.missingField')} hint={t('checkin.missingHint')} issue={error?.issues?.find((issue) => issue.path === 'note')}>
          {(props) => (
            <input {...props} type="text" autoComplete="off" maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} data-autofocus />
          )}
        </Field>
        <FormActions busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

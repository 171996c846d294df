import { useId, useState, type FormEvent } from 'react';
import type { AppError } from '../../../../shared/contract/errors';
import type { OrderView } from '../../../../shared/orders/views';
import type { SlotView } from '../../../../shared/slots/views';
import { call } from '../../client';
import { ConfirmDialog } from '../../dialog/ConfirmDialog';
import { Dialog } from '../../dialog/Dialog';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { Field } from '../../forms/Field';
import type { Notice } from '../../forms/StatusMessage';
import { useI18n } from '../../i18n/i18n-context';
import { errorText } from '../../orders/error-text';
import { slotOptionLabel, slotRange } from './slot-labels';

interface MoveOrderDialogProps {
  view: OrderView;
  slots: SlotView[];
  onMoved: (notice: Notice) => void;
  onClose: () => void;
}

/**
 * Moves one order by hand (it is then pinned). A full slot refuses it; the
 * organiser is asked whether to go over the capacity, and the order then shows it.
 */
export function MoveOrderDialog({ view, slots, onMoved, onClose }: MoveOrderDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const { order, member } = view;
  const others = slots.filter((slot) => slot.id !== order.slotId);
  const [slotId, setSlotId] = useState(others.find((slot) => slot.orderCount < slot.capacity)?.id ?? others[0]?.id ?? '');
  const [error, setError] = useState<AppError | null>(null);
  const [full, setFull] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const names = { basket: order.basketNumber, name: member.name };

  async function move(override: boolean) {
    setBusy(true);
    const outcome = await call('orders.moveToSlot', { orderId: order.id, slotId, override });
    setBusy(false);
    if (!outcome.ok) {
      if (outcome.error.key === 'error.slotFull' && !override) return setFull(outcome.error);
      setFull(null);
      return setError(outcome.error);
    }
    const target = slots.find((slot) => slot.id === slotId);
    const range = target ? slotRange(t, target) : '';
    onMoved({ key: outcome.value.slotOverride ? 'slots.movedOver' : 'slots.moved', params: { ...names, range } });
  }

  if (full) {
    return (
      <ConfirmDialog
        title={t('slots.overrideTitle')}
        body={errorText(t, full)}
        confirmLabel={t('slots.overrideConfirm')}
        busy={busy}
        busyLabel={t('slots.moving')}
        onConfirm={() => void move(true)}
        onCancel={onClose}
      />
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy && slotId) void move(false);
  }

  return (
    <Dialog labelledBy={titleId} onClose={onClose} busy={busy} className="dialog-form">
      <form onSubmit={submit} noValidate className="form">
        <h2 id={titleId} className="dialog-title">
          {t('slots.moveTitle', names)}
        </h2>
        <ErrorSummary error={error} labelFor={() => undefined} />
        <Field form="slot-move" name="slotId" label={t('slots.moveTo')}>
          {(props) => (
            <select {...props} data-autofocus value={slotId} onChange={(event) => setSlotId(event.target.value)}>
              {others.map((slot) => (
                <option key={slot.id} value={slot.id}>
                  {slotOptionLabel(t, slot)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || !slotId}>
            {busy ? t('slots.moving') : t('slots.move')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

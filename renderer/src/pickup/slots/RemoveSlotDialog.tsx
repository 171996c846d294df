import { useId, useState, type FormEvent } from 'react';
import type { AppError } from '../../../../shared/contract/errors';
import type { SlotView } from '../../../../shared/slots/views';
import { call } from '../../client';
import { ConfirmDialog } from '../../dialog/ConfirmDialog';
import { Dialog } from '../../dialog/Dialog';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { Field } from '../../forms/Field';
import type { Notice } from '../../forms/StatusMessage';
import { useI18n } from '../../i18n/i18n-context';
import { slotOptionLabel, slotRange } from './slot-labels';

interface RemoveSlotDialogProps {
  slot: SlotView;
  slots: SlotView[];
  onRemoved: (notice: Notice) => void;
  onClose: () => void;
}

/**
 * Removing a slot. An empty one only asks; one with orders asks where they go,
 * and past the receiving slot's room only with the organiser's override.
 */
export function RemoveSlotDialog({ slot, slots, onRemoved, onClose }: RemoveSlotDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const others = slots.filter((other) => other.id !== slot.id);
  const roomiest = [...others].sort((a, b) => b.capacity - b.orderCount - (a.capacity - a.orderCount))[0];
  const [moveTo, setMoveTo] = useState(roomiest?.id ?? '');
  const [override, setOverride] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const range = slotRange(t, slot);

  async function remove() {
    setBusy(true);
    const outcome = await call('slots.remove', { id: slot.id, moveTo: slot.orderCount > 0 ? moveTo : null, override });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    const target = others.find((other) => other.id === moveTo);
    onRemoved(
      outcome.value.moved > 0 && target
        ? { key: 'slots.removedMoved', params: { range, moved: outcome.value.moved, target: slotRange(t, target) } }
        : { key: 'slots.removed', params: { range } },
    );
  }

  if (slot.orderCount === 0) {
    return (
      <ConfirmDialog
        title={t('slots.removeConfirmTitle', { range })}
        body={error ? t(error.key, error.params) : t('slots.removeConfirmBody')}
        confirmLabel={t('slots.removeShort')}
        busy={busy}
        busyLabel={t('slots.removing')}
        onConfirm={() => void remove()}
        onCancel={onClose}
      />
    );
  }

  const target = others.find((other) => other.id === moveTo);
  const room = target ? Math.max(0, target.capacity - target.orderCount) : 0;
  const short = target !== undefined && room < slot.orderCount;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy && moveTo) void remove();
  }

  return (
    <Dialog labelledBy={titleId} onClose={onClose} busy={busy} className="dialog-form">
      <form onSubmit={submit} noValidate className="form">
        <h2 id={titleId} className="dialog-title">
          {t('slots.removeMoveTitle', { range })}
        </h2>
        <ErrorSummary error={error} labelFor={() => undefined} />
        <p>{t('slots.removeMoveBody', { count: slot.orderCount })}</p>
        <Field form="slot-remove" name="moveTo" label={t('slots.removeMoveTo')} hint={short ? t('slots.removeNoRoom', { room, count: slot.orderCount }) : undefined}>
          {(props) => (
            <select {...props} data-autofocus value={moveTo} onChange={(event) => setMoveTo(event.target.value)}>
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  {slotOptionLabel(t, other)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {short && (
          <label className="slots-checkbox">
            <input type="checkbox" checked={override} onChange={(event) => setOverride(event.target.checked)} />
            {t('slots.removeOverride')}
          </label>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-danger" disabled={busy || !moveTo}>
            {busy ? t('slots.removing') : t('slots.removeShort')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

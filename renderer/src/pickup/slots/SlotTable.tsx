import type { SlotView } from '../../../../shared/slots/views';
import { useI18n } from '../../i18n/i18n-context';
import { slotRange } from './slot-labels';

interface SlotTableProps {
  slots: SlotView[];
  /** False once the distribution is over: the list is history then. */
  editable: boolean;
  onEdit: (slot: SlotView) => void;
  onRemove: (slot: SlotView) => void;
}

/** The slots of the day with how full each is, said in figures ("7 / 10") and words, the bar only repeating it. */
export function SlotTable({ slots, editable, onEdit, onRemove }: SlotTableProps) {
  const { t } = useI18n();
  return (
    <div className="table-frame">
      <table className="table slots-table">
        <caption className="visually-hidden">{t('slots.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('slots.column.time')}</th>
            <th scope="col" className="numeric">
              {t('slots.column.capacity')}
            </th>
            <th scope="col">{t('slots.column.filling')}</th>
            {editable && <th scope="col">{t('slots.column.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {slots.map((slot) => {
            const range = slotRange(t, slot);
            const share = Math.min(1, slot.orderCount / slot.capacity);
            const state = slot.orderCount > slot.capacity ? 'over' : slot.orderCount === slot.capacity ? 'full' : null;
            return (
              <tr key={slot.id}>
                <th scope="row">{range}</th>
                <td className="numeric">{slot.capacity}</td>
                <td>
                  <div className="slot-filling">
                    <span className="slot-filling-text">{t('slots.filling', { count: slot.orderCount, capacity: slot.capacity })}</span>
                    <span className={state ? `slot-bar slot-bar-${state}` : 'slot-bar'} aria-hidden="true">
                      <span className="slot-bar-fill" style={{ width: `${share * 100}%` }} />
                    </span>
                    {state && <span className={`order-badge slot-state-${state}`}>{t(state === 'over' ? 'slots.over' : 'slots.full')}</span>}
                  </div>
                </td>
                {editable && (
                  <td>
                    <div className="row-actions">
                      <button type="button" className="button button-small" aria-label={t('slots.edit', { range })} onClick={() => onEdit(slot)}>
                        {t('common.edit')}
                      </button>
                      <button type="button" className="button button-small" aria-label={t('slots.remove', { range })} onClick={() => onRemove(slot)}>
                        {t('slots.removeShort')}
                      </button>
                    </div>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

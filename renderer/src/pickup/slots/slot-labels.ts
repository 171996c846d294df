import type { SlotView } from '../../../../shared/slots/views';
import type { I18n } from '../../i18n/i18n-context';

/** "17:00–17:30": how every part of the screen names a slot. */
export function slotRange(t: I18n['t'], slot: Pick<SlotView, 'start' | 'end'>): string {
  return t('slots.range', { start: slot.start, end: slot.end });
}

/** "17:00–17:30 (7 / 12)": a slot in a select, with its filling so the organiser sees the room. */
export function slotOptionLabel(t: I18n['t'], slot: SlotView): string {
  return t('slots.slotOption', { range: slotRange(t, slot), count: slot.orderCount, capacity: slot.capacity });
}

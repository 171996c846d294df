import type { ReactNode } from 'react';
import type { DistributionView } from '../../../shared/catalogue/views';
import type { RelaySettings } from '../../../shared/model/relay';
import type { PickupGroup } from '../../../shared/sheets/pickup-sheet';
import type { SheetSlot } from '../../../shared/sheets/source';
import { useI18n } from '../i18n/i18n-context';
import { longDay } from '../../../shared/i18n/format';

/** The words every distribution sheet repeats: the pickup day and hours, and the running head of each page. */
export function useSheetWords(relay: RelaySettings, distribution: DistributionView) {
  const { t, language } = useI18n();
  const pickup = { day: longDay(language, distribution.pickupDate), start: distribution.pickupStart, end: distribution.pickupEnd };
  const slotName = (slot: SheetSlot | null) => (slot ? t('sheets.slot', { start: slot.start, end: slot.end }) : t('sheets.noSlot'));
  return {
    pickupTime: t('sheets.pickupTime', pickup),
    /** The first row of each table head: repeated at the top of every printed page. */
    runningHead: (sheet: string) => t('sheets.runningHead', { relay: relay.name, sheet, ...pickup }),
    slotName,
    /** A pickup list's slot heading: the slot and how many orders it has. */
    slotHeading: (group: PickupGroup) => `${slotName(group.slot)} · ${t('sheets.orderCount', { count: group.rows.length })}`,
  };
}

/** The top of a sheet's first page (or of each producer's first page): what it is, for which relay and day. */
export function SheetHead({ title, relay, pickupTime, children }: { title: string; relay: RelaySettings; pickupTime: string; children?: ReactNode }) {
  return (
    <header className="print-sheet-head">
      <h2 className="print-sheet-title">{title}</h2>
      <p className="print-relay">{relay.name}</p>
      {relay.address && <p className="print-relay-address">{relay.address}</p>}
      <p className="print-pickup">{pickupTime}</p>
      {children}
    </header>
  );
}

/** A row of the table head that carries the running head (relay, day, sheet) on every printed page. */
export function RunningHead({ text, columns }: { text: string; columns: number }) {
  return (
    <tr className="print-running-head">
      <td colSpan={columns}>{text}</td>
    </tr>
  );
}

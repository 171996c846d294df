import { formatMoney } from '../../../shared/i18n/format';
import type { RelaySettings } from '../../../shared/model/relay';
import type { PickupGroup, PickupRow } from '../../../shared/sheets/pickup-sheet';
import { useI18n } from '../i18n/i18n-context';
import { ItemsByProducer } from './ItemsByProducer';
import { RunningHead, SheetHead, useSheetWords } from './SheetHead';
import { SignedRow, SlotBodies } from './SignedRows';
import type { SheetData } from './use-sheet-data';
import { AmountToPay } from './AmountToPay';

interface PickupSheetProps {
  relay: RelaySettings;
  distribution: SheetData['distribution'];
  groups: readonly PickupGroup[];
  accounts?: SheetData['accounts'];
}

const COLUMNS = 6;

/**
 * The list with items: one row per member, per slot then by name, with what
 * goes in the bag, a box to tick when it is collected and room to sign. Longer
 * than the sign-in sheet (SignInSheet), for relays that bag from a list.
 * A member's row never breaks across pages (print.css); a slot's heading
 * stays with its first member (its own tbody, which does not break either).
 */
export function PickupSheet({ relay, distribution, groups, accounts = {} }: PickupSheetProps) {
  const { t, language } = useI18n();
  const words = useSheetWords(relay, distribution);

  const row = (member: PickupRow) => (
    <SignedRow key={member.orderId} member={member} className="sheet-pickup-row">
      <th scope="row" className="sheet-member">
        <span className="sheet-member-name">{member.name}</span>
        {member.phone && <span className="sheet-member-phone">{member.phone}</span>}
        {member.slotOverride && <span className="sheet-member-note">{t('sheets.slotOverride')}</span>}
        {member.note && <span className="sheet-member-note">{t('sheets.note', { note: member.note })}</span>}
      </th>
      <td>
        <ItemsByProducer producers={member.producers} />
      </td>
      <td className="numeric sheet-total">
        {formatMoney(language, member.totalCents, relay.currency)}
        <AmountToPay account={accounts[member.orderId]} totalCents={member.totalCents} currency={relay.currency} />
      </td>
    </SignedRow>
  );

  return (
    <>
      <SheetHead title={t('sheets.items.title')} relay={relay} pickupTime={words.pickupTime} />
      {groups.length === 0 ? (
        <p className="print-empty">{t('sheets.noOrders')}</p>
      ) : (
        <table className="print-table sheet-pickup">
          <caption className="visually-hidden">{t('sheets.pickup.caption')}</caption>
          <thead>
            <RunningHead text={words.runningHead(t('sheets.items.title'))} columns={COLUMNS} />
            <tr>
              <th scope="col" className="sheet-basket">
                {t('sheets.column.basket')}
              </th>
              <th scope="col" className="sheet-member">
                {t('sheets.column.member')}
              </th>
              <th scope="col">{t('sheets.column.items')}</th>
              <th scope="col" className="numeric">
                {t('sheets.column.total')}
              </th>
              <th scope="col" className="sheet-tick">
                {t('sheets.column.collected')}
              </th>
              <th scope="col" className="sheet-signature">
                {t('sheets.column.signature')}
              </th>
            </tr>
          </thead>
          <SlotBodies groups={groups} columns={COLUMNS} row={row} heading={words.slotHeading} />
        </table>
      )}
    </>
  );
}

import { formatMoney } from '../../../shared/i18n/format';
import type { RelaySettings } from '../../../shared/model/relay';
import type { PickupGroup, PickupRow } from '../../../shared/sheets/pickup-sheet';
import { useI18n } from '../i18n/i18n-context';
import { fitted } from './fitted';
import { RunningHead, SheetHead, useSheetWords } from './SheetHead';
import { SignedRow, SlotBodies } from './SignedRows';
import type { SheetData } from './use-sheet-data';

interface SignInSheetProps {
  relay: RelaySettings;
  distribution: SheetData['distribution'];
  groups: readonly PickupGroup[];
  accounts?: SheetData['accounts'];
}

/**
 * The columns in mm on the A4 page (186 mm between the margins): fixed, so a
 * name's size is chosen for the width it really gets. The name takes the rest.
 */
const COLUMN_MM = { basket: 13, phone: 28, amount: 24, collected: 14, signature: 42 };
const NAME_MM = 186 - Object.values(COLUMN_MM).reduce((sum, width) => sum + width, 0);
/** Half-point steps: the estimate errs on the wide side, the size stays as large as it can. */
const NAME_SIZES_PT = [10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6];
const PHONE_SIZES_PT = [9, 8.5, 8, 7.5, 7, 6.5, 6];
const COLUMNS = 6;

/**
 * The sign-in sheet (liste d'émargement) the relay keeps at the counter: one
 * line per member, by slot then by name, with what to collect, a box to tick
 * and room to sign: 150 members on five A4 pages. What goes in the bag is on the
 * slips and the producers' sheets, not here. A slot's heading stays with its
 * first member (its own tbody, which does not break); the table head, with the
 * relay and the day, repeats on every page.
 */
export function SignInSheet({ relay, distribution, groups, accounts = {} }: SignInSheetProps) {
  const { t, language } = useI18n();
  const words = useSheetWords(relay, distribution);
  // Without slots every order is in the one group "no slot": no heading to print.
  const slotted = groups.some((group) => group.slot !== null);

  const row = (member: PickupRow) => {
    const account = accounts[member.orderId];
    return (
      <SignedRow key={member.orderId} member={member} className="sheet-signin-row">
        <th scope="row" {...fitted(member.name, NAME_MM, NAME_SIZES_PT)}>
          {member.name}
        </th>
        <td {...fitted(member.phone, COLUMN_MM.phone, PHONE_SIZES_PT)}>{member.phone}</td>
        <td className="numeric sheet-total">{formatMoney(language, account ? account.due.dueCents : member.totalCents, relay.currency)}</td>
      </SignedRow>
    );
  };

  return (
    <>
      <SheetHead title={t('sheets.pickup.title')} relay={relay} pickupTime={words.pickupTime} />
      {groups.length === 0 ? (
        <p className="print-empty">{t('sheets.noOrders')}</p>
      ) : (
        <table className="print-table sheet-signin">
          <caption className="visually-hidden">{t('sheets.pickup.caption')}</caption>
          <colgroup>
            <col style={{ width: `${COLUMN_MM.basket}mm` }} />
            <col />
            <col style={{ width: `${COLUMN_MM.phone}mm` }} />
            <col style={{ width: `${COLUMN_MM.amount}mm` }} />
            <col style={{ width: `${COLUMN_MM.collected}mm` }} />
            <col style={{ width: `${COLUMN_MM.signature}mm` }} />
          </colgroup>
          <thead>
            <RunningHead text={words.runningHead(t('sheets.pickup.title'))} columns={COLUMNS} />
            <tr>
              <th scope="col">{t('sheets.column.basket')}</th>
              <th scope="col">{t('sheets.column.member')}</th>
              <th scope="col">{t('sheets.column.phone')}</th>
              <th scope="col" className="numeric">
                {t('sheets.column.toPay')}
              </th>
              <th scope="col" className="sheet-tick">
                {t('sheets.column.collected')}
              </th>
              <th scope="col">{t('sheets.column.signature')}</th>
            </tr>
          </thead>
          <SlotBodies groups={groups} columns={COLUMNS} row={row} heading={slotted ? words.slotHeading : null} />
        </table>
      )}
    </>
  );
}

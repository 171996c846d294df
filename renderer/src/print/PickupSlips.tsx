import { formatMoney } from '../../../shared/i18n/format';
import type { RelaySettings } from '../../../shared/model/relay';
import type { PickupGroup } from '../../../shared/sheets/pickup-sheet';
import { useI18n } from '../i18n/i18n-context';
import { AmountToPay } from './AmountToPay';
import { ItemsByProducer } from './ItemsByProducer';
import { SlipQr } from './SlipQr';
import { useSheetWords } from './SheetHead';
import type { SheetData } from './use-sheet-data';

interface PickupSlipsProps {
  relay: RelaySettings;
  distribution: SheetData['distribution'];
  groups: readonly PickupGroup[];
  accounts?: SheetData['accounts'];
  /** Members' personal ordering links by order id (issue 16), printed as a QR code. */
  shopLinks?: ReadonlyMap<string, string>;
}

/**
 * One slip per member, to staple on the bag: several to a page, cut along the
 * dashed lines, never one cut by a page break (print.css). Each slip carries
 * the relay, the day and the slot itself, since it leaves the page, and what
 * is left to pay when the member's account changes it (credit, debt, paid ahead),
 * and, for a member who orders online, their personal link as a QR code.
 */
export function PickupSlips({ relay, distribution, groups, accounts = {}, shopLinks }: PickupSlipsProps) {
  const { t, language } = useI18n();
  const words = useSheetWords(relay, distribution);
  if (groups.length === 0) return <p className="print-empty">{t('sheets.noOrders')}</p>;

  return (
    <div className="sheet-slips">
      {groups.flatMap((group) =>
        group.rows.map((member) => (
          <section key={member.orderId} className="sheet-slip" aria-label={t('sheets.slip.label', { number: member.basketNumber, name: member.name })}>
            <header className="sheet-slip-head">
              <p className="sheet-slip-basket">{t('sheets.slip.basket', { number: member.basketNumber })}</p>
              <p className="sheet-slip-relay">
                {relay.name} — {words.pickupTime}
                {group.slot && ` — ${words.slotName(group.slot)}`}
              </p>
            </header>
            <p className="sheet-slip-member">
              <span className="sheet-member-name">{member.name}</span>
              {member.phone && <span className="sheet-slip-phone">{member.phone}</span>}
            </p>
            {member.slotOverride && <p className="sheet-member-note">{t('sheets.slotOverride')}</p>}
            {member.note && <p className="sheet-member-note">{t('sheets.note', { note: member.note })}</p>}
            <ItemsByProducer producers={member.producers} />
            {shopLinks?.has(member.orderId) && <SlipQr link={shopLinks.get(member.orderId)!} name={member.name} />}
            <footer className="sheet-slip-foot">
              <span className="sheet-slip-total">
                {t('sheets.slip.total', { total: formatMoney(language, member.totalCents, relay.currency) })}
                <AmountToPay account={accounts[member.orderId]} totalCents={member.totalCents} currency={relay.currency} />
              </span>
              <span className="sheet-slip-tick">
                <span className="sheet-box" /> {t('sheets.column.collected')}
              </span>
              <span className="sheet-slip-signature">{t('sheets.column.signature')}</span>
            </footer>
          </section>
        )),
      )}
    </div>
  );
}

import { useMemo, useState } from 'react';
import { PICKUP_LAYOUTS } from '../../../shared/contract/operations';
import { deliverySheets } from '../../../shared/sheets/delivery-sheet';
import { pickupGroups } from '../../../shared/sheets/pickup-sheet';
import { distributionSummary } from '../../../shared/sheets/summary';
import { useReadyApp } from '../app/ready-app-context';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';
import { shortDay } from '../../../shared/i18n/format';
import { DeliverySheet } from './DeliverySheet';
import { PickupSheet } from './PickupSheet';
import { PickupSlips } from './PickupSlips';
import { useSlipLinks } from './use-slip-links';
import { SignInSheet } from './SignInSheet';
import { PrintChoice } from './PrintChoice';
import { PrintFrame } from './PrintFrame';
import { SummarySheet } from './SummarySheet';
import { useSheetData, type SheetData } from './use-sheet-data';

export type SheetView = 'pickup' | 'delivery' | 'summary';
export type PickupLayout = (typeof PICKUP_LAYOUTS)[number];

export const isPickupLayout = (value: string | undefined): value is PickupLayout => PICKUP_LAYOUTS.includes(value as PickupLayout);

const LAYOUT_OPTIONS = PICKUP_LAYOUTS.map((value) => ({ value, label: `sheets.layout.${value}` as const }));
const TITLES = { list: 'sheets.pickup', items: 'sheets.itemsList', slips: 'sheets.slips', delivery: 'sheets.delivery', summary: 'sheets.summary' } as const;

interface DistributionSheetPrintProps {
  view: SheetView;
  distributionId: string;
  /** The pickup sheet's layout from the address; ignored by the other sheets. */
  initialLayout?: PickupLayout;
}

/**
 * `#/print/pickup/<id>/list|items|slips`, `#/print/delivery/<id>`, `#/print/summary/<id>`:
 * the sheets of distribution day, built from the same data by the pure
 * functions of shared/sheets.
 */
export function DistributionSheetPrint({ view, distributionId, initialLayout = 'list' }: DistributionSheetPrintProps) {
  const { t, language } = useI18n();
  const { data, error } = useSheetData(distributionId);
  const memberLinks = useSlipLinks(distributionId);
  const [layout, setLayout] = useState<PickupLayout>(initialLayout);

  function relayout(next: PickupLayout) {
    setLayout(next);
    // Kept in the address, without a history entry, so a reload prints the same layout.
    history.replaceState(null, '', areaHref('print', 'pickup', distributionId, next));
  }

  const name = t(TITLES[view === 'pickup' ? layout : view]);
  const title = data ? `${name} — ${shortDay(language, data.distribution.pickupDate)}` : name;

  return (
    <PrintFrame
      title={title}
      job={{ view, id: distributionId, ...(view === 'pickup' ? { options: { layout } } : {}) }}
      loaded={data !== null && memberLinks !== null}
      error={error}
      options={
        view === 'pickup' && (
          <PrintChoice legend="sheets.layout" name="print-pickup-layout" options={LAYOUT_OPTIONS} value={layout} onChange={relayout} />
        )
      }
    >
      {data && memberLinks && <Sheet view={view} layout={layout} data={data} memberLinks={memberLinks} />}
    </PrintFrame>
  );
}

function Sheet({ view, layout, data, memberLinks }: { view: SheetView; layout: PickupLayout; data: SheetData; memberLinks: ReadonlyMap<string, string> }) {
  const { relay } = useReadyApp();
  const { distribution, offers, orders, slots } = data;
  // The slips are by order; the links by member.
  const shopLinks = useMemo(
    () => new Map(orders.flatMap(({ order }) => (order.memberId !== null && memberLinks.has(order.memberId) ? [[order.id, memberLinks.get(order.memberId)!] as const] : []))),
    [orders, memberLinks],
  );
  const groups = useMemo(() => (view === 'pickup' ? pickupGroups(orders, offers, slots) : []), [view, orders, offers, slots]);
  if (view === 'delivery') return <DeliverySheet relay={relay} distribution={distribution} sheets={deliverySheets(orders, offers)} />;
  if (view === 'summary') return <SummarySheet relay={relay} distribution={distribution} summary={distributionSummary(orders, offers, slots)} />;
  if (layout === 'slips') return <PickupSlips relay={relay} distribution={distribution} groups={groups} accounts={data.accounts} shopLinks={shopLinks} />;
  const PickupLayoutSheet = { list: SignInSheet, items: PickupSheet }[layout];
  return <PickupLayoutSheet relay={relay} distribution={distribution} groups={groups} accounts={data.accounts} />;
}

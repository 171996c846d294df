import { useState } from 'react';
import { useReadyApp } from '../app/ready-app-context';
import { useDistribution } from '../distributions/use-distribution';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';
import { shortDay } from '../../../shared/i18n/format';
import { CatalogueSheet } from './CatalogueSheet';
import { GROUPINGS, type GroupBy } from './catalogue-sections';
import { PrintChoice } from './PrintChoice';
import { PrintFrame } from './PrintFrame';

const GROUP_OPTIONS = GROUPINGS.map((value) => ({ value, label: `print.groupBy.${value}` as const }));

/** `#/print/catalogue/<distributionId>/<groupBy>`: the weekly catalogue as an order form. */
export function CataloguePrint({ distributionId, initialGroupBy }: { distributionId: string; initialGroupBy: GroupBy }) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const { distribution, offers, error } = useDistribution(distributionId);
  const [groupBy, setGroupBy] = useState<GroupBy>(initialGroupBy);

  function regroup(next: GroupBy) {
    setGroupBy(next);
    // Kept in the address, without a history entry, so a reload prints the same layout.
    history.replaceState(null, '', areaHref('print', 'catalogue', distributionId, next));
  }

  const title = distribution
    ? `${t('print.catalogue')} — ${shortDay(language, distribution.pickupDate)}`
    : t('print.catalogue');

  return (
    <PrintFrame
      title={title}
      job={{ view: 'catalogue', id: distributionId, options: { groupBy } }}
      loaded={distribution !== null && offers !== null}
      error={error}
      options={<PrintChoice legend="print.groupBy" name="print-group-by" options={GROUP_OPTIONS} value={groupBy} onChange={regroup} />}
    >
      {distribution && offers && <CatalogueSheet relay={relay} distribution={distribution} offers={offers} groupBy={groupBy} />}
    </PrintFrame>
  );
}

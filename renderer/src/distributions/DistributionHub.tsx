import { useId } from 'react';
import type { MessageKey } from '../../../shared/i18n/messages';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';

type HubLink = { label: MessageKey; href: (id: string) => string };

/** Where each piece of a distribution's week lives, one click away: the hub of the distribution page and of Aujourd'hui. */
const WORK: readonly HubLink[] = [
  { label: 'hub.orders', href: (id) => areaHref('orders', id) },
  // The order forms and the returned files live on the orders page, below the list.
  { label: 'hub.orderFiles', href: (id) => areaHref('orders', id) },
  { label: 'hub.stock', href: () => areaHref('stock') },
  { label: 'hub.slots', href: (id) => areaHref('pickup', id, 'slots') },
  { label: 'hub.checkin', href: (id) => areaHref('pickup', id) },
  { label: 'hub.settlement', href: (id) => areaHref('distributions', id, 'bilan') },
];

const PRINTOUTS: readonly HubLink[] = [
  { label: 'hub.print.catalogue', href: (id) => areaHref('print', 'catalogue', id) },
  { label: 'hub.print.pickupList', href: (id) => areaHref('print', 'pickup', id, 'list') },
  { label: 'hub.print.slips', href: (id) => areaHref('print', 'pickup', id, 'slips') },
  { label: 'hub.print.delivery', href: (id) => areaHref('print', 'delivery', id) },
  { label: 'hub.print.summary', href: (id) => areaHref('print', 'summary', id) },
];

function LinkRow({ links, distributionId, labelledBy }: { links: readonly HubLink[]; distributionId: string; labelledBy?: string }) {
  const { t } = useI18n();
  return (
    <ul className="hub-links" aria-labelledby={labelledBy}>
      {links.map((link) => (
        <li key={link.label}>
          <a className="hub-link" href={link.href(distributionId)}>
            {t(link.label)}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function DistributionHub({ distributionId }: { distributionId: string }) {
  const { t } = useI18n();
  const titleId = useId();
  const printId = useId();
  return (
    // A section, not a <nav>: the page has one navigation, the main menu, and these links are the page's content.
    <section className="panel distribution-hub" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('hub.title')}</h2>
      <LinkRow links={WORK} distributionId={distributionId} />
      <h3 id={printId} className="hub-subtitle">
        {t('hub.print')}
      </h3>
      <LinkRow links={PRINTOUTS} distributionId={distributionId} labelledBy={printId} />
    </section>
  );
}

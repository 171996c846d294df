import type { MessageKey } from '../../../shared/i18n/messages';
import { PageError } from '../forms/PageError';
import { useI18n } from '../i18n/i18n-context';
import { StatusBadge } from '../distributions/StatusBadge';
import { useDistributionList } from '../distributions/use-distribution-list';
import { useToday } from '../distributions/use-today';
import { areaHref } from '../shell/areas';
import { PageHeading } from '../shell/PageHeading';
import { longDay } from '../../../shared/i18n/format';
import { InvoicesSection } from './InvoicesSection';

/** What each distribution can print, in the order of its week: the catalogue before, the sheets of the day after. */
const DOCUMENTS = [
  { path: ['catalogue'], name: 'print.catalogue', link: 'print.catalogueLink' },
  { path: ['summary'], name: 'sheets.summary', link: 'sheets.summaryLink' },
  { path: ['delivery'], name: 'sheets.delivery', link: 'sheets.deliveryLink' },
  { path: ['pickup', 'list'], name: 'sheets.pickup', link: 'sheets.pickupLink' },
  { path: ['pickup', 'slips'], name: 'sheets.slips', link: 'sheets.slipsLink' },
  { path: ['pickup', 'items'], name: 'sheets.itemsList', link: 'sheets.itemsListLink' },
] as const satisfies readonly { path: readonly [string, ...string[]]; name: MessageKey; link: MessageKey }[];

/** `#/print`: the coming distributions (and the last two weeks), each with the documents it can print. */
export function PrintIndex() {
  const { t, language } = useI18n();
  const today = useToday();
  const { distributions, error } = useDistributionList('coming', false, today, 0);

  return (
    <>
      <div className="page-head">
        <PageHeading>{t('print.title')}</PageHeading>
      </div>
      <p className="muted">{t('print.intro')}</p>
      <PageError error={error} />
      {distributions === null ? (
        !error && <p className="muted">{t('app.loading')}</p>
      ) : distributions.length === 0 ? (
        <p className="empty-state">{t('print.noDistributions')}</p>
      ) : (
        <div className="table-frame">
          <table className="table">
            <caption className="visually-hidden">{t('print.distributions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('print.column.day')}</th>
                <th scope="col">{t('print.column.status')}</th>
                <th scope="col">{t('print.column.documents')}</th>
              </tr>
            </thead>
            <tbody>
              {distributions.map((distribution) => {
                const day = longDay(language, distribution.pickupDate);
                return (
                  <tr key={distribution.id}>
                    <th scope="row">
                      {day}, {distribution.pickupStart}–{distribution.pickupEnd}
                    </th>
                    <td>
                      <StatusBadge status={distribution.status} />
                    </td>
                    <td>
                      <ul className="print-documents">
                        {DOCUMENTS.map((document) => (
                          <li key={document.path.join('/')}>
                            <a href={areaHref('print', document.path[0], distribution.id, ...document.path.slice(1))} aria-label={t(document.link, { day })}>
                              {t(document.name)}
                            </a>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <InvoicesSection />
    </>
  );
}

import { PageError } from '../forms/PageError';
import { useI18n } from '../i18n/i18n-context';
import { StatusBadge } from '../distributions/StatusBadge';
import { useDistributionList } from '../distributions/use-distribution-list';
import { useToday } from '../distributions/use-today';
import { areaHref } from '../shell/areas';
import { PageHeading } from '../shell/PageHeading';
import { longDay } from '../stock/day-label';

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
                      <a href={areaHref('print', 'catalogue', distribution.id)} aria-label={t('print.catalogueLink', { day })}>
                        {t('print.catalogue')}
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

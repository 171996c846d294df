import { StatusBadge } from '../../distributions/StatusBadge';
import { useDistributionList } from '../../distributions/use-distribution-list';
import { useToday } from '../../distributions/use-today';
import { PageError } from '../../forms/PageError';
import { useI18n } from '../../i18n/i18n-context';
import { areaHref } from '../../shell/areas';
import { PageHeading } from '../../shell/PageHeading';
import { longDay } from '../../../../shared/i18n/format';
import { distributionsForPickup } from './checkin-choice';

/** `#/pickup`: which distribution's counter to open — today's first, then the next ones, then the last two weeks. */
export function CheckinChoice() {
  const { t, language } = useI18n();
  const today = useToday();
  const list = useDistributionList('coming', false, today, 0);
  const distributions = list.distributions && distributionsForPickup(list.distributions, today);

  return (
    <>
      <div className="page-head">
        <PageHeading>{t('checkin.title')}</PageHeading>
      </div>
      <p className="muted">{t('checkin.choose.intro')}</p>
      <PageError error={list.error} />
      {distributions === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : distributions.length === 0 ? (
        <p className="empty-state">{t('checkin.choose.empty')}</p>
      ) : (
        <ul className="distribution-choice" aria-label={t('checkin.choose.label')}>
          {distributions.map((distribution) => (
            <li key={distribution.id} className={`distribution-choice-item distribution-choice-${distribution.status}`}>
              <a href={areaHref('pickup', distribution.id)} className="distribution-choice-day">
                {longDay(language, distribution.pickupDate)}
              </a>
              {distribution.pickupDate === today && <strong className="checkin-today">{t('checkin.choose.today')}</strong>}
              <StatusBadge status={distribution.status} />
              <span className="distribution-choice-count">
                {t('distributions.orderCount', { count: distribution.orderCount })}
              </span>
              <span className="distribution-choice-window">
                {t('checkin.choose.hours', { start: distribution.pickupStart, end: distribution.pickupEnd })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

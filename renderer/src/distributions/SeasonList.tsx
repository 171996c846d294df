import type { DistributionView } from '../../../shared/catalogue/views';
import { useReadyApp } from '../app/ready-app-context';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';
import { longDay } from '../../../shared/i18n/format';
import { monthTitle, shortMoment } from './distribution-dates';
import { StatusBadge } from './StatusBadge';

/** Distributions in the order given, cut into months. */
function byMonth(distributions: DistributionView[]): [string, DistributionView[]][] {
  const months = new Map<string, DistributionView[]>();
  for (const distribution of distributions) {
    const month = distribution.pickupDate.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), distribution]);
  }
  return [...months];
}

/**
 * The season like a wall calendar: a heading per month, then each
 * distribution with its pickup, its ordering window, its status and what it
 * holds. The pickup day is the link to the distribution.
 */
export function SeasonList({ distributions }: { distributions: DistributionView[] }) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  return (
    <div className="season">
      {byMonth(distributions).map(([month, inMonth]) => (
        <section key={month} className="season-month" aria-labelledby={`month-${month}`}>
          <h2 id={`month-${month}`}>{monthTitle(language, month)}</h2>
          <ul className="season-list">
            {inMonth.map((distribution) => (
              <li key={distribution.id} className={`season-item season-item-${distribution.status}`}>
                <div className="season-item-main">
                  <h3 className="season-item-day">
                    <a href={areaHref('distributions', distribution.id)}>{longDay(language, distribution.pickupDate)}</a>
                  </h3>
                  <p className="season-item-pickup">
                    {t('distributions.pickupHours', { start: distribution.pickupStart, end: distribution.pickupEnd })}
                  </p>
                  <p className="season-item-window">
                    {t('distributions.window', {
                      opens: shortMoment(language, distribution.opensAt, relay.timeZone),
                      closes: shortMoment(language, distribution.closesAt, relay.timeZone),
                    })}
                  </p>
                </div>
                <div className="season-item-side">
                  <StatusBadge status={distribution.status} />
                  <p className="season-item-counts">
                    <span>{t('distributions.offerCount', { count: distribution.offerCount })}</span>
                    <span>{t('distributions.orderCount', { count: distribution.orderCount })}</span>
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

import type { DistributionView } from '../../../shared/catalogue/views';
import { useI18n } from '../i18n/i18n-context';
import { longDay } from '../../../shared/i18n/format';
import { shortMoment } from './distribution-dates';
import { StatusBadge } from './StatusBadge';

/** What the organiser needs to know about one distribution, as a list of terms and values. */
export function DistributionFacts({ distribution, timeZone }: { distribution: DistributionView; timeZone: string }) {
  const { t, language } = useI18n();
  const moment = (instant: string) => shortMoment(language, instant, timeZone);
  return (
    <dl className="facts">
      <div>
        <dt>{t('distributions.fact.status')}</dt>
        <dd>
          <StatusBadge status={distribution.status} />
        </dd>
      </div>
      <div>
        <dt>{t('distributions.fact.pickup')}</dt>
        <dd>
          {t('distributions.pickupOn', {
            day: longDay(language, distribution.pickupDate),
            start: distribution.pickupStart,
            end: distribution.pickupEnd,
          })}
        </dd>
      </div>
      <div>
        <dt>{t('distributions.fact.window')}</dt>
        <dd>
          {t('distributions.window', { opens: moment(distribution.opensAt), closes: moment(distribution.closesAt) })}
          {distribution.closedEarlyAt && (
            <span className="fact-note">{t('distributions.closedEarlyAt', { at: moment(distribution.closedEarlyAt) })}</span>
          )}
        </dd>
      </div>
      {distribution.cancelledAt && (
        <div>
          <dt>{t('distributions.fact.cancelled')}</dt>
          <dd>{moment(distribution.cancelledAt)}</dd>
        </div>
      )}
      <div>
        <dt>{t('distributions.fact.counts')}</dt>
        <dd>
          {t('distributions.offerCount', { count: distribution.offerCount })}
          {' · '}
          {t('distributions.orderCount', { count: distribution.orderCount })}
        </dd>
      </div>
      {distribution.notes && (
        <div>
          <dt>{t('distributions.field.notes')}</dt>
          <dd className="fact-notes">{distribution.notes}</dd>
        </div>
      )}
    </dl>
  );
}

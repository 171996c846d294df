import { useState } from 'react';
import { useReadyApp } from '../app/ready-app-context';
import { shortMoment } from '../distributions/distribution-dates';
import { StatusBadge } from '../distributions/StatusBadge';
import { useDistributionList } from '../distributions/use-distribution-list';
import { useToday } from '../distributions/use-today';
import { PageError } from '../forms/PageError';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';
import { PageHeading } from '../shell/PageHeading';
import { longDay } from '../../../shared/i18n/format';
import { distributionsToChoose } from './distribution-choice';

/** `#/orders`: which distribution to take orders for — the open ones first, each with its status. */
export function DistributionChoice() {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const today = useToday();
  const [showPast, setShowPast] = useState(false);
  const list = useDistributionList(showPast ? 'all' : 'coming', false, today, 0);
  const distributions = list.distributions && distributionsToChoose(list.distributions);

  return (
    <>
      <div className="page-head">
        <PageHeading>{t('orders.title')}</PageHeading>
      </div>
      <p className="muted">{t('orders.choose.intro')}</p>
      <PageError error={list.error} />
      <label className="check-option">
        <input type="checkbox" checked={showPast} onChange={(event) => setShowPast(event.target.checked)} />
        {t('orders.choose.showPast')}
      </label>
      {distributions === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : distributions.length === 0 ? (
        <p className="empty-state">{t('orders.choose.empty')}</p>
      ) : (
        <ul className="distribution-choice" aria-label={t('orders.choose.label')}>
          {distributions.map((distribution) => (
            <li key={distribution.id} className={`distribution-choice-item distribution-choice-${distribution.status}`}>
              <a href={areaHref('orders', distribution.id)} className="distribution-choice-day">
                {longDay(language, distribution.pickupDate)}
              </a>
              <StatusBadge status={distribution.status} />
              <span className="distribution-choice-count">
                {t('distributions.orderCount', { count: distribution.orderCount })}
              </span>
              <span className="distribution-choice-window">
                {t('distributions.window', {
                  opens: shortMoment(language, distribution.opensAt, relay.timeZone),
                  closes: shortMoment(language, distribution.closesAt, relay.timeZone),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

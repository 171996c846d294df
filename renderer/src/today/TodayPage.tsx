import type { DistributionView } from '../../../shared/catalogue/views';
import { longDay } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { MessageParams } from '../../../shared/contract/errors';
import { useReadyApp } from '../app/ready-app-context';
import { DistributionHub } from '../distributions/DistributionHub';
import { shortMoment } from '../distributions/distribution-dates';
import { StatusBadge } from '../distributions/StatusBadge';
import { useToday } from '../distributions/use-today';
import { PageError } from '../forms/PageError';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';
import { PageHeading } from '../shell/PageHeading';
import { FirstRunGuide } from './FirstRunGuide';
import { useTodayPlan, type TodayPlan } from './use-today-plan';
import '../distributions/distributions.css';
import './today.css';

interface Task {
  key: MessageKey;
  params?: MessageParams;
  done: boolean;
  href?: string;
}

/** What is left to do for the distribution, in the order of its week: ordering, stock, slots, sheets, the counter. */
function tasks(plan: TodayPlan & { distribution: DistributionView }, moment: (instant: string) => string): Task[] {
  const { distribution } = plan;
  const id = distribution.id;
  const orders = distribution.orderCount;
  const ordering: Task =
    distribution.status === 'upcoming'
      ? { key: 'today.ordering.upcoming', params: { at: moment(distribution.opensAt) }, done: false }
      : distribution.status === 'open'
        ? { key: 'today.ordering.open', params: { at: moment(distribution.closesAt), orders }, done: false, href: areaHref('orders', id) }
        : distribution.status === 'closed'
          ? { key: 'today.ordering.closed', params: { orders }, done: true, href: areaHref('orders', id) }
          : { key: 'today.ordering.distributed', done: true };
  const stock: Task =
    distribution.offerCount === 0
      ? { key: 'today.stock.none', done: false, href: areaHref('stock') }
      : { key: 'today.stock.some', params: { count: distribution.offerCount }, done: true };
  const slots: Task =
    plan.slots === 0
      ? { key: 'today.slots.none', done: false, href: areaHref('pickup', id, 'slots') }
      : { key: 'today.slots.some', params: { count: plan.slots }, done: true };
  const sheets: Task = { key: 'today.sheets', done: false, href: areaHref('print', 'pickup', id, 'list') };
  const counter: Task = plan.checkin
    ? { key: 'today.checkin', params: plan.checkin, done: plan.checkin.expected > 0 && plan.checkin.collected === plan.checkin.expected, href: areaHref('pickup', id) }
    : { key: 'today.checkinLater', done: false };
  return [ordering, stock, slots, sheets, counter];
}

/** `#/today`, the home screen: today's (or the next) distribution, what is left to do for it, and the way to each piece of it. */
export function TodayPage() {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const today = useToday();
  const { plan, error } = useTodayPlan(today);
  const moment = (instant: string) => shortMoment(language, instant, relay.timeZone);
  const distribution = plan?.distribution ?? null;

  return (
    <>
      <div className="page-head">
        <PageHeading>{t('today.title')}</PageHeading>
        <p className="today-date">{longDay(language, today)}</p>
      </div>
      <PageError error={error} />
      {plan && <FirstRunGuide setUp={plan.setUp} />}
      {!plan ? (
        !error && <p className="muted">{t('app.loading')}</p>
      ) : !distribution ? (
        <section className="panel">
          <p className="empty-state">{t('today.noDistribution')}</p>
          <a className="hub-link" href={areaHref('distributions')}>
            {t('today.planOne')}
          </a>
        </section>
      ) : (
        <>
          <section className="panel today-distribution" aria-labelledby="today-distribution-title">
            <h2 id="today-distribution-title">
              <a href={areaHref('distributions', distribution.id)}>
                {t(distribution.pickupDate === today ? 'today.todaysDistribution' : 'today.nextDistribution', {
                  day: longDay(language, distribution.pickupDate),
                })}
              </a>
            </h2>
            <p className="order-facts">
              <StatusBadge status={distribution.status} />
              <span>{t('checkin.hours', { start: distribution.pickupStart, end: distribution.pickupEnd })}</span>
            </p>
            <h3>{t('today.toDo')}</h3>
            <ul className="today-tasks">
              {tasks({ ...plan, distribution }, moment).map((task) => (
                <li key={task.key} className={task.done ? 'today-task today-task-done' : 'today-task'}>
                  <span className="today-task-state">{task.done ? `✓ ${t('today.done')}` : t('today.todo')}</span>
                  {task.href ? <a href={task.href}>{t(task.key, task.params)}</a> : <span>{t(task.key, task.params)}</span>}
                </li>
              ))}
            </ul>
          </section>
          <DistributionHub distributionId={distribution.id} />
        </>
      )}
    </>
  );
}

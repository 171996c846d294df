import type { CheckinDay } from '../../../../shared/checkin/day';
import { useI18n } from '../../i18n/i18n-context';

/**
 * Collected / expected, overall and per slot. The overall figure is a polite
 * live region: each pickup is announced without moving the focus from the search.
 */
export function CheckinCounters({ day }: { day: CheckinDay }) {
  const { t } = useI18n();
  return (
    <section className="checkin-counters" aria-label={t('checkin.counters')}>
      <p className="checkin-counter-overall" aria-live="polite" aria-atomic="true">
        {t('checkin.counter.overall', { collected: day.collected, expected: day.expected })}
      </p>
      <ul className="checkin-counter-slots">
        {day.groups.map((group) => (
          <li key={group.slot?.id ?? 'none'} className={group.expected > 0 && group.collected === group.expected ? 'checkin-counter-done' : undefined}>
            {group.slot
              ? t('checkin.counter.slot', { start: group.slot.start, end: group.slot.end, collected: group.collected, expected: group.expected })
              : t('checkin.counter.noSlot', { collected: group.collected, expected: group.expected })}
          </li>
        ))}
        {day.noShows > 0 && <li>{t('checkin.counter.noShows', { count: day.noShows })}</li>}
      </ul>
    </section>
  );
}

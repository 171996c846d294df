import { useId } from 'react';
import type { LocalDate } from '../../../shared/distributions/calendar';
import { orderingWindow } from '../../../shared/distributions/schedule';
import { useReadyApp } from '../app/ready-app-context';
import { useI18n } from '../i18n/i18n-context';
import { longDay } from '../../../shared/i18n/format';
import { shortMoment } from './distribution-dates';

interface SeriesPreviewProps {
  dates: readonly LocalDate[];
  isTicked: (date: LocalDate) => boolean;
  /** Days that already have a distribution. */
  taken: ReadonlySet<LocalDate>;
  onTick: (date: LocalDate, ticked: boolean) => void;
}

/**
 * The dates the series will create, each with its ordering window computed
 * in the relay's time zone exactly as the server will, so a week across a
 * clock change shows its real opening and closing hours.
 */
export function SeriesPreview({ dates, isTicked, taken, onTick }: SeriesPreviewProps) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const headingId = useId();
  const ticked = dates.filter(isTicked).length;

  return (
    <section className="series-preview" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('distributions.series.preview')}</h3>
      <p className="series-preview-count" aria-live="polite">
        {dates.length === 0
          ? t('distributions.series.previewEmpty')
          : t('distributions.series.previewCount', { ticked, count: dates.length })}
      </p>
      {dates.length > 0 && (
        <ul className="series-dates">
          {dates.map((date) => {
            const window = orderingWindow(date, relay.orderingWindow, relay.timeZone);
            const id = `series-date-${date}`;
            const checked = isTicked(date);
            return (
              <li key={date} className={checked ? 'series-date' : 'series-date series-date-skipped'}>
                <input
                  id={id}
                  type="checkbox"
                  checked={checked}
                  aria-describedby={`${id}-window`}
                  onChange={(event) => onTick(date, event.target.checked)}
                />
                <label htmlFor={id}>{longDay(language, date)}</label>
                <span id={`${id}-window`} className="series-date-window">
                  {t('distributions.window', {
                    opens: shortMoment(language, window.opensAt, relay.timeZone),
                    closes: shortMoment(language, window.closesAt, relay.timeZone),
                  })}
                  {taken.has(date) && <span className="series-date-note">{t('distributions.series.taken')}</span>}
                  {!checked && <span className="series-date-note">{t('distributions.series.skipped')}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

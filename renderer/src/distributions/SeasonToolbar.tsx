import type { MessageKey } from '../../../shared/i18n/messages';
import { useI18n } from '../i18n/i18n-context';
import type { Period } from './use-distribution-list';

const PERIODS: { value: Period; label: MessageKey }[] = [
  { value: 'coming', label: 'distributions.period.coming' },
  { value: 'past', label: 'distributions.period.past' },
  { value: 'all', label: 'distributions.period.all' },
];

interface SeasonToolbarProps {
  period: Period;
  onPeriod: (period: Period) => void;
  includeCancelled: boolean;
  onIncludeCancelled: (include: boolean) => void;
}

/** Which part of the season to see, and whether cancelled distributions show. */
export function SeasonToolbar({ period, onPeriod, includeCancelled, onIncludeCancelled }: SeasonToolbarProps) {
  const { t } = useI18n();
  return (
    <div className="toolbar season-toolbar">
      <fieldset className="segmented">
        <legend>{t('distributions.period')}</legend>
        <div className="segmented-options">
          {PERIODS.map((option) => (
            <label key={option.value}>
              <input
                type="radio"
                name="distribution-period"
                value={option.value}
                checked={period === option.value}
                onChange={() => onPeriod(option.value)}
              />
              <span>{t(option.label)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="check-option">
        <input type="checkbox" checked={includeCancelled} onChange={(event) => onIncludeCancelled(event.target.checked)} />
        <span>{t('distributions.showCancelled')}</span>
      </label>
    </div>
  );
}

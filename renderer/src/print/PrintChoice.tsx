import type { MessageKey } from '../../../shared/i18n/messages';
import { useI18n } from '../i18n/i18n-context';

interface PrintChoiceProps<T extends string> {
  legend: MessageKey;
  /** The radio group's name, unique on the page. */
  name: string;
  options: readonly { value: T; label: MessageKey }[];
  value: T;
  onChange: (value: T) => void;
}

/** A sheet's layout choice in the print toolbar (catalogue grouping, pickup list or slips): one segmented radio group. */
export function PrintChoice<T extends string>({ legend, name, options, value, onChange }: PrintChoiceProps<T>) {
  const { t } = useI18n();
  return (
    <fieldset className="segmented">
      <legend>{t(legend)}</legend>
      <div className="segmented-options">
        {options.map((option) => (
          <label key={option.value}>
            <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            <span>{t(option.label)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

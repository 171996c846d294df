import { useState, type InputHTMLAttributes } from 'react';
import { isLocalDate } from '../../../shared/distributions/calendar';
import { formatTypedDay, parseTypedDay } from '../../../shared/i18n/typed-day';
import { useI18n } from '../i18n/i18n-context';

type DayInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> & {
  /** The form's day, ISO ("2026-12-04"), or whatever was typed while it is not a day. */
  value: string;
  onChange: (value: string) => void;
};

const shown = (value: string) => (isLocalDate(value) ? formatTypedDay(value) : value);

/**
 * A day typed and shown day first ("04/12/2026") for a form that keeps ISO days.
 * A native date input follows the browser's locale, not the relay's: an en-US
 * browser shows and expects 12/04/2026. What cannot be read is passed on as
 * typed, so the form's check (or the server's) says so at the field.
 */
export function DayInput({ value, onChange, ...props }: DayInputProps) {
  const { t } = useI18n();
  const [text, setText] = useState(() => shown(value));
  // The form may move the day itself (the ordering window follows the pickup day): show the new one.
  const [last, setLast] = useState(value);
  if (value !== last) {
    setLast(value);
    if ((parseTypedDay(text) ?? text) !== value) setText(shown(value));
  }
  return (
    <input
      {...props}
      type="text"
      autoComplete="off"
      placeholder={t('common.dayPlaceholder')}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseTypedDay(event.target.value) ?? event.target.value);
      }}
    />
  );
}

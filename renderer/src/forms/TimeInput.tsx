import { useState, type InputHTMLAttributes } from 'react';
import { parseTypedTime } from '../../../shared/i18n/typed-time';
import { useI18n } from '../i18n/i18n-context';

type TimeInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> & {
  /** The form's time, "HH:MM", or whatever was typed while it is not a time. */
  value: string;
  onChange: (value: string) => void;
};

/**
 * A time typed and shown on the 24-hour clock ("17:45", "17h45" understood) for a
 * form that keeps "HH:MM". A native time input follows the browser's locale, not
 * the relay's: an en-US browser shows 05:45 PM. What cannot be read is passed on
 * as typed, so the form's check (or the server's) says so at the field.
 */
export function TimeInput({ value, onChange, ...props }: TimeInputProps) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  // The form may move the time itself (a slot's end follows its start): show the new one.
  const [last, setLast] = useState(value);
  if (value !== last) {
    setLast(value);
    if ((parseTypedTime(text) ?? text) !== value) setText(value);
  }
  return (
    <input
      {...props}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      size={6}
      placeholder={t('common.timePlaceholder')}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseTypedTime(event.target.value) ?? event.target.value);
      }}
      // Shown as it will be kept once the field is left: "17h45" becomes "17:45".
      onBlur={(event) => {
        const parsed = parseTypedTime(text);
        if (parsed !== null && parsed !== text) setText(parsed);
        props.onBlur?.(event);
      }}
    />
  );
}

import { useId, useState, type FormEvent } from 'react';
import { formatWeight } from '../../../../shared/i18n/format';
import type { OrderLine } from '../../../../shared/model/order';
import { chargedGrams, lineTotal } from '../../../../shared/orders/totals';
import { parseWeight } from '../../../../shared/orders/weight-input';
import { useI18n } from '../../i18n/i18n-context';

interface WeighFieldProps {
  line: OrderLine;
  basket: number;
  busy: boolean;
  money: (cents: number) => string;
  /** Saves the weight (null clears it); resolves false when it was refused (the page shows why). */
  onWeigh: (line: OrderLine, grams: number | null) => Promise<boolean>;
}

/**
 * The scale's figure for one line sold by weight (issue 15), typed and saved
 * with Enter: "437", "437 g", "0,437 kg". What was understood shows as it is
 * typed, and a figure that cannot be read is said, never sent.
 */
export function WeighField({ line, basket, busy, money, onWeigh }: WeighFieldProps) {
  const { t, language } = useI18n();
  const hintId = useId();
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const reading = text.trim() === '' ? null : parseWeight(text);
  const problem = reading && !reading.ok ? reading.key : tried && reading === null ? 'weight.empty' : null;
  const weighed = line.weighedGrams !== null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (busy || !reading?.ok) return;
    if (await onWeigh(line, reading.grams)) {
      setText('');
      setTried(false);
    }
  }

  return (
    <form className="weigh-field" onSubmit={submit} noValidate>
      <span className="weigh-state">
        {t(weighed ? 'weight.weighed' : 'weight.estimated', { weight: formatWeight(language, chargedGrams(line) ?? 0) })} · {money(lineTotal(line))}
      </span>
      <input
        className="weigh-input"
        name="weighedGrams"
        value={text}
        onChange={(event) => setText(event.target.value)}
        inputMode="decimal"
        autoComplete="off"
        aria-label={t('weight.fieldLabel', { product: line.productName, basket })}
        aria-describedby={hintId}
        aria-invalid={problem !== null}
        placeholder={t('weight.placeholder')}
      />
      <button type="submit" className="button button-small" disabled={busy}>
        {t('weight.save')}
      </button>
      {weighed && (
        <button type="button" className="button button-small" disabled={busy} onClick={() => void onWeigh(line, null)}>
          {t('weight.clear')}
        </button>
      )}
      <span id={hintId} className={problem ? 'weigh-hint field-error' : 'weigh-hint field-hint'} aria-live="polite">
        {problem ? t(problem) : reading?.ok ? t('weight.understood', { weight: formatWeight(language, reading.grams) }) : ''}
      </span>
    </form>
  );
}

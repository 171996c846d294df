import { PAYMENT_METHODS, type PaymentMethod } from '../../../shared/accounts/ledger';
import { useI18n } from '../i18n/i18n-context';

interface MethodChoiceProps {
  /** The radio group's name, unique on the page. */
  name: string;
  value: PaymentMethod;
  onChange: (method: PaymentMethod) => void;
}

/** How the money came: radio buttons, so the arrow keys move between methods without leaving the keyboard. */
export function MethodChoice({ name, value, onChange }: MethodChoiceProps) {
  const { t } = useI18n();
  return (
    <fieldset className="segmented">
      <legend>{t('accounts.field.method')}</legend>
      <div className="segmented-options">
        {PAYMENT_METHODS.map((method) => (
          <label key={method}>
            <input type="radio" name={name} value={method} checked={value === method} onChange={() => onChange(method)} />
            <span>{t(`accounts.method.${method}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

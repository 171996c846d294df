import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { MessageKey } from '../../../shared/i18n/messages';
import { CURRENCIES, type RelaySettings } from '../../../shared/model/relay';
import { call } from '../client';
import { ErrorSummary } from '../forms/ErrorSummary';
import { Field, type ControlProps } from '../forms/Field';
import { focusFirstInvalid, issuesFor } from '../forms/field-issues';
import { SaveButton } from '../forms/SaveButton';
import { currencyName } from '../i18n/format-number';
import { useI18n } from '../i18n/i18n-context';
import {
  PATH_TO_FIELD,
  readSettingsText,
  SETTINGS_FIELDS,
  settingsText,
  type SettingsFieldName,
  type SettingsText,
} from './relay-settings-draft';
import { timeZoneChoices, timeZoneLabel } from './time-zones';
import { DEBIT_MOMENTS } from '../../../shared/model/relay';

const FORM = 'settings';

const LABELS: Record<SettingsFieldName, MessageKey> = {
  name: 'settings.field.name',
  address: 'settings.field.address',
  country: 'settings.field.country',
  currency: 'settings.field.currency',
  language: 'settings.field.language',
  timeZone: 'settings.field.timeZone',
  hostCommission: 'settings.field.hostCommission',
  serviceFee: 'settings.field.serviceFee',
  feeVat: 'settings.field.feeVat',
  debitOrdersOn: 'settings.field.debitOrdersOn',
};

/** Server issues name `hostCommissionBp`; the form calls that field `hostCommission`. */
function withFieldNames(error: AppError): AppError {
  return { ...error, issues: error.issues?.map((issue) => ({ ...issue, path: PATH_TO_FIELD[issue.path] ?? issue.path })) };
}

interface RelaySettingsFormProps {
  relay: RelaySettings;
  onSaved: (relay: RelaySettings) => void;
}

export function RelaySettingsForm({ relay, onSaved }: RelaySettingsFormProps) {
  const { t, language } = useI18n();
  const [text, setText] = useState<SettingsText>(() => settingsText(language, relay));
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const byField = useMemo(() => issuesFor(error, SETTINGS_FIELDS), [error]);
  useEffect(() => focusFirstInvalid(FORM, SETTINGS_FIELDS, byField), [byField]);

  async function save() {
    const read = readSettingsText(text);
    if (!read.ok) return setError({ key: 'error.invalidInput', issues: read.issues });
    setBusy(true);
    const outcome = await call('relay.update', read.settings);
    setBusy(false);
    if (!outcome.ok) return setError(withFieldNames(outcome.error));
    setError(null);
    onSaved(outcome.value);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) void save();
  }

  const edit = <K extends keyof SettingsText>(name: K, value: SettingsText[K]) => setText((current) => ({ ...current, [name]: value }));

  const field = (name: SettingsFieldName, control: (props: ControlProps) => ReactNode, required = false) => (
    <Field form={FORM} name={name} label={t(LABELS[name])} issue={byField[name]} required={required}>
      {control}
    </Field>
  );

  const textInput = (name: 'name' | 'address' | 'hostCommission' | 'serviceFee' | 'feeVat', extra: { inputMode?: 'decimal' } = {}) =>
    field(
      name,
      (props) => (
        <input {...props} name={name} value={text[name]} autoComplete="off" {...extra} onChange={(event) => edit(name, event.target.value)} />
      ),
      name === 'name',
    );

  return (
    <form onSubmit={submit} noValidate className="form settings-form">
      <ErrorSummary error={error} labelFor={(path) => (path in LABELS ? t(LABELS[path as SettingsFieldName]) : undefined)} />
      <fieldset className="form-section">
        <legend>{t('settings.relay')}</legend>
        <div className="form-grid">
          {textInput('name')}
          {textInput('address')}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('settings.regional')}</legend>
        <div className="form-grid">
          {field('language', (props) => (
            <select {...props} value={text.language} onChange={(event) => edit('language', event.target.value as SettingsText['language'])}>
              <option value="fr" lang="fr">
                {t('settings.language.fr')}
              </option>
              <option value="en" lang="en">
                {t('settings.language.en')}
              </option>
            </select>
          ))}
          {field('country', (props) => (
            <select {...props} value={text.country} onChange={(event) => edit('country', event.target.value as SettingsText['country'])}>
              <option value="BE">{t('settings.country.BE')}</option>
              <option value="FR">{t('settings.country.FR')}</option>
            </select>
          ))}
          {field('currency', (props) => (
            <select {...props} value={text.currency} onChange={(event) => edit('currency', event.target.value as SettingsText['currency'])}>
              {CURRENCIES.map((code) => (
                <option key={code} value={code}>
                  {t('settings.currencyOption', { code, name: currencyName(language, code) })}
                </option>
              ))}
            </select>
          ))}
          {field('timeZone', (props) => (
            <select {...props} value={text.timeZone} onChange={(event) => edit('timeZone', event.target.value)}>
              {timeZoneChoices(relay.timeZone).map((zone) => (
                <option key={zone} value={zone}>
                  {timeZoneLabel(zone)}
                </option>
              ))}
            </select>
          ))}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('settings.fees')}</legend>
        <p className="field-hint">{t('settings.feesHelp')}</p>
        <div className="form-grid">
          {textInput('hostCommission', { inputMode: 'decimal' })}
          {textInput('serviceFee', { inputMode: 'decimal' })}
          {textInput('feeVat', { inputMode: 'decimal' })}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('settings.accounts')}</legend>
        <p className="field-hint">{t('settings.debitOrdersOnHelp')}</p>
        {field('debitOrdersOn', (props) => (
          <select {...props} value={text.debitOrdersOn} onChange={(event) => edit('debitOrdersOn', event.target.value as SettingsText['debitOrdersOn'])}>
            {DEBIT_MOMENTS.map((moment) => (
              <option key={moment} value={moment}>
                {t(`settings.debitOrdersOn.${moment}`)}
              </option>
            ))}
          </select>
        ))}
      </fieldset>

      <div className="form-actions">
        <SaveButton busy={busy} />
      </div>
    </form>
  );
}

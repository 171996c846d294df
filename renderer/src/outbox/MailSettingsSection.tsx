import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { MessageKey } from '../../../shared/i18n/messages';
import { call } from '../client';
import { useReadyApp } from '../app/ready-app-context';
import { ErrorSummary } from '../forms/ErrorSummary';
import { Field, type ControlProps } from '../forms/Field';
import { issuesFor, labelForPath } from '../forms/field-issues';
import type { Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';

const FORM = 'mail';
const FIELDS = ['host', 'port', 'user', 'password', 'fromAddress', 'reminderHours'] as const;
type FieldName = (typeof FIELDS)[number];
const LABELS: Record<FieldName, MessageKey> = {
  host: 'mail.host',
  port: 'mail.port',
  user: 'mail.user',
  password: 'mail.password',
  fromAddress: 'mail.fromAddress',
  reminderHours: 'mail.reminderHours',
};

interface Draft {
  host: string;
  port: string;
  secure: boolean;
  user: string;
  password: string;
  fromAddress: string;
  reminderHours: string;
}

/**
 * This computer's SMTP server (machine-local: mail.json, never synced) and the relay's
 * reminder setting. A number field left unreadable is sent as typed, so the contract names it.
 */
export function MailSettingsSection({ onNotice, onSaved }: { onNotice: (notice: Notice) => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { relay, relaySaved } = useReadyApp();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [hasPassword, setHasPassword] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call('mail.settings', {}).then((outcome) => {
      if (!outcome.ok) return setError(outcome.error);
      const { hasPassword: kept, ...settings } = outcome.value;
      setHasPassword(kept);
      setDraft({ ...settings, port: String(settings.port), password: '', reminderHours: String(relay.reminderHours) });
    });
  }, [relay.reminderHours]);

  if (!draft) return null;
  const byField = issuesFor(error, FIELDS);
  const edit = <K extends keyof Draft>(name: K, value: Draft[K]) => setDraft((current) => current && { ...current, [name]: value });
  const number = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft || busy) return;
    setBusy(true);
    const { reminderHours, password, port, ...settings } = draft;
    const mail = await call('mail.saveSettings', { ...settings, port: number(port) as number, ...(password === '' ? {} : { password }) });
    const hours = mail.ok && number(reminderHours) !== relay.reminderHours ? await call('relay.update', { reminderHours: number(reminderHours) as number }) : null;
    setBusy(false);
    if (!mail.ok) return setError(mail.error);
    if (hours && !hours.ok) return setError({ ...hours.error, issues: hours.error.issues?.map((issue) => ({ ...issue, path: 'reminderHours' })) });
    if (hours?.ok) relaySaved(hours.value);
    setError(null);
    setHasPassword(mail.value.hasPassword);
    edit('password', '');
    onNotice({ key: 'mail.saved' });
    onSaved();
  }

  const field = (name: FieldName, control: (props: ControlProps) => ReactNode, hint?: string) => (
    <Field form={FORM} name={name} label={t(LABELS[name])} issue={byField[name]} hint={hint}>
      {control}
    </Field>
  );
  const text = (name: Exclude<FieldName, 'password'>, type = 'text') =>
    field(name, (props) => <input {...props} type={type} value={draft[name]} autoComplete="off" spellCheck={false} onChange={(event) => edit(name, event.target.value)} />);

  return (
    <section className="panel" aria-labelledby="mail-settings">
      <h2 id="mail-settings">{t('mail.title')}</h2>
      <p className="muted">{t('mail.intro')}</p>
      <form onSubmit={(event) => void save(event)} noValidate className="form">
        <ErrorSummary error={error} labelFor={labelForPath(FIELDS, (name) => t(LABELS[name]))} />
        <div className="form-grid">
          {text('host')}
          {text('port', 'text')}
          <label className="checkbox-field">
            <input type="checkbox" checked={draft.secure} onChange={(event) => edit('secure', event.target.checked)} /> {t('mail.secure')}
          </label>
          {text('user')}
          {field(
            'password',
            (props) => <input {...props} type="password" value={draft.password} autoComplete="new-password" onChange={(event) => edit('password', event.target.value)} />,
            hasPassword ? t('mail.passwordKept') : undefined,
          )}
          {text('fromAddress', 'email')}
          {text('reminderHours')}
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('mail.save')}
        </button>
      </form>
    </section>
  );
}

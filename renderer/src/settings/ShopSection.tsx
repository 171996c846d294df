/**
 * Réglages → members' online ordering (issue 16): the relay's CouchDB address
 * and admin account, kept on this machine only, and a button to sync the
 * shop. The password is never shown back: the screen only knows one is kept.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { ShopSettingsView } from '../../../shared/shop/settings';
import { call } from '../client';
import { ErrorSummary } from '../forms/ErrorSummary';
import { Field } from '../forms/Field';
import { issuesFor } from '../forms/field-issues';
import { PageError } from '../forms/PageError';
import type { Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';

const FORM = 'shop';
const FIELDS = ['url', 'username', 'password', 'pageUrl'] as const;
type ShopField = (typeof FIELDS)[number];
const LABELS = {
  url: 'shop.settings.url',
  username: 'shop.settings.username',
  password: 'shop.settings.password',
  pageUrl: 'shop.settings.pageUrl',
} as const;

export function ShopSection({ onNotice }: { onNotice: (notice: Notice) => void }) {
  const { t } = useI18n();
  const [settings, setSettings] = useState<ShopSettingsView | null>(null);
  const [text, setText] = useState<Record<ShopField, string>>({ url: '', username: '', password: '', pageUrl: '' });
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call('shop.settings', {}).then((outcome) => {
      if (!outcome.ok) return setError(outcome.error);
      setSettings(outcome.value);
      setText({ url: outcome.value.url, username: outcome.value.username, password: '', pageUrl: outcome.value.pageUrl });
    });
  }, []);

  async function run<T>(work: () => Promise<{ ok: true; value: T } | { ok: false; error: AppError }>, done: (value: T) => void) {
    setBusy(true);
    const outcome = await work();
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    done(outcome.value);
  }

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    void run(() => call('shop.saveSettings', text), (value) => {
      setSettings(value);
      setText((current) => ({ ...current, password: '' }));
      onNotice({ key: 'shop.settings.saved' });
    });
  };
  const forget = () =>
    void run(() => call('shop.forgetSettings', {}), (value) => {
      setSettings(value);
      setText({ url: '', username: '', password: '', pageUrl: '' });
      onNotice({ key: 'shop.settings.forgotten' });
    });
  const sync = () =>
    void run(() => call('shop.sync', {}), (report) =>
      onNotice({ key: 'shop.settings.synced', params: { published: report.published, orders: report.ordersTakenIn, refused: report.linesRefused } }),
    );

  const byField = issuesFor(error, FIELDS);
  return (
    <section className="panel" aria-labelledby="settings-shop">
      <div className="panel-head">
        <h2 id="settings-shop">{t('shop.settings.title')}</h2>
        {settings?.configured && (
          <button type="button" className="button" onClick={sync} disabled={busy}>
            {t('shop.settings.sync')}
          </button>
        )}
      </div>
      <p className="field-hint">{t('shop.settings.intro')}</p>
      {error && !error.issues && <PageError error={error} />}
      <form onSubmit={save} noValidate className="form">
        <ErrorSummary error={error?.issues ? error : null} labelFor={(path) => (path in LABELS ? t(LABELS[path as ShopField]) : undefined)} />
        <div className="form-grid">
          {FIELDS.map((name) => (
            <Field
              key={name}
              form={FORM}
              name={name}
              label={t(LABELS[name])}
              issue={byField[name]}
              required
              {...(name === 'password' && settings?.configured ? { hint: t('shop.settings.passwordKept') } : {})}
            >
              {(props) => (
                <input
                  {...props}
                  name={name}
                  type={name === 'password' ? 'password' : name === 'username' ? 'text' : 'url'}
                  autoComplete={name === 'password' ? 'new-password' : 'off'}
                  value={text[name]}
                  onChange={(event) => setText((current) => ({ ...current, [name]: event.target.value }))}
                />
              )}
            </Field>
          ))}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('shop.settings.save')}
          </button>
          {settings?.configured && (
            <button type="button" className="button" onClick={forget} disabled={busy}>
              {t('shop.settings.forget')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

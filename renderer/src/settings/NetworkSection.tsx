/**
 * Réglages on a producer's own copy (issue 16, relay networks): its network
 * id, which each relay's organiser records on the producer, and the CouchDB
 * account it publishes its catalogue and stock with at each sync. The same
 * machine-local settings as the relay's shop (ShopSection), without a member
 * page: a producer's copy has no members.
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

const FORM = 'network';
const FIELDS = ['url', 'username', 'password'] as const;
type NetworkField = (typeof FIELDS)[number];
const LABELS = { url: 'shop.settings.url', username: 'shop.settings.username', password: 'shop.settings.password' } as const;
const EMPTY: Record<NetworkField, string> = { url: '', username: '', password: '' };

export function NetworkSection({ onNotice }: { onNotice: (notice: Notice) => void }) {
  const { t } = useI18n();
  const [networkId, setNetworkId] = useState<string | null>(null);
  const [settings, setSettings] = useState<ShopSettingsView | null>(null);
  const [text, setText] = useState(EMPTY);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call('network.identity', {}).then((outcome) => (outcome.ok ? setNetworkId(outcome.value.networkId) : setError(outcome.error)));
    void call('shop.settings', {}).then((outcome) => {
      if (!outcome.ok) return setError(outcome.error);
      setSettings(outcome.value);
      setText({ url: outcome.value.url, username: outcome.value.username, password: '' });
    });
  }, []);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    // No member page on a producer's copy: the server's address stands in for it (the contract asks for one).
    const outcome = await call('shop.saveSettings', { ...text, pageUrl: text.url });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    setSettings(outcome.value);
    setText((current) => ({ ...current, password: '' }));
    onNotice({ key: 'shop.settings.saved' });
  };
  const forget = async () => {
    setBusy(true);
    const outcome = await call('shop.forgetSettings', {});
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    setSettings(outcome.value);
    setText(EMPTY);
    onNotice({ key: 'shop.settings.forgotten' });
  };

  const byField = issuesFor(error, FIELDS);
  return (
    <section className="panel" aria-labelledby="settings-network">
      <h2 id="settings-network">{t('network.identity.title')}</h2>
      <p>
        <code className="path" data-testid="network-id">{networkId ?? '…'}</code>
      </p>
      <p className="field-hint">{t('network.identity.help')}</p>
      {error && !error.issues && <PageError error={error} />}
      <form onSubmit={(event) => void save(event)} noValidate className="form">
        <ErrorSummary error={error?.issues ? error : null} labelFor={(path) => (path in LABELS ? t(LABELS[path as NetworkField]) : undefined)} />
        <div className="form-grid">
          {FIELDS.map((name) => (
            <Field key={name} form={FORM} name={name} label={t(LABELS[name])} issue={byField[name]} required {...(name === 'password' && settings?.configured ? { hint: t('shop.settings.passwordKept') } : {})}>
              {(props) => (
                <input
                  {...props}
                  name={name}
                  type={name === 'password' ? 'password' : name === 'url' ? 'url' : 'text'}
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
            <button type="button" className="button" onClick={() => void forget()} disabled={busy}>
              {t('shop.settings.forget')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

/**
 * Réglages on a producer's own copy (issue 16, relay networks): its network
 * id, which each relay's organiser records on the producer, and the CouchDB
 * account it publishes its catalogue and stock with at each sync. The same
 * machine-local settings as the relay's shop (ShopSection), without a member
 * page: a producer's copy has no members.
 */
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { ShopSettingsView } from '../../../shared/shop/settings';
import { call } from '../client';
import { PageError } from '../forms/PageError';
import type { Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { CouchAccountForm } from './CouchAccountForm';

const FORM = 'network';
const FIELDS = ['url', 'username', 'password'] as const;
// The producer's own account (made by a relay's organiser, producer-access.ts), or the server's admin account.
const LABELS = { url: 'shop.settings.url', username: 'network.settings.username', password: 'network.settings.password' } as const;
const EMPTY = { url: '', username: '', password: '' };

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

  const settle = async (work: Promise<{ ok: true; value: ShopSettingsView } | { ok: false; error: AppError }>, notice: Notice, next: (value: ShopSettingsView) => typeof EMPTY) => {
    setBusy(true);
    const outcome = await work;
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    setSettings(outcome.value);
    setText(next(outcome.value));
    onNotice(notice);
  };
  // No member page on a producer's copy: the server's address stands in for it (the contract asks for one).
  const save = () => void settle(call('shop.saveSettings', { ...text, pageUrl: text.url }), { key: 'shop.settings.saved' }, () => ({ ...text, password: '' }));
  const forget = () => void settle(call('shop.forgetSettings', {}), { key: 'shop.settings.forgotten' }, () => EMPTY);

  return (
    <section className="panel" aria-labelledby="settings-network">
      <h2 id="settings-network">{t('network.identity.title')}</h2>
      <p>
        <code className="path" data-testid="network-id">{networkId ?? '…'}</code>
      </p>
      <p className="field-hint">{t('network.identity.help')}</p>
      <p className="field-hint">{t('network.settings.help')}</p>
      {error && !error.issues && <PageError error={error} />}
      <CouchAccountForm
        form={FORM}
        fields={FIELDS}
        labels={LABELS}
        error={error}
        text={text}
        configured={settings?.configured ?? false}
        busy={busy}
        onChange={(name, value) => setText((current) => ({ ...current, [name]: value }))}
        onSave={save}
        onForget={forget}
      />
    </section>
  );
}

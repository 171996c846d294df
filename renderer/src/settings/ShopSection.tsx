/**
 * Réglages → members' online ordering (issue 16): the relay's CouchDB address
 * and admin account, kept on this machine only, and a button to sync the
 * shop. The password is never shown back: the screen only knows one is kept.
 */
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { ShopSettingsView } from '../../../shared/shop/settings';
import { call } from '../client';
import { PageError } from '../forms/PageError';
import type { Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { CouchAccountForm } from './CouchAccountForm';

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

  const save = () =>
    void run(() => call('shop.saveSettings', text), (value) => {
      setSettings(value);
      setText((current) => ({ ...current, password: '' }));
      onNotice({ key: 'shop.settings.saved' });
    });
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

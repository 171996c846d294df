/**
 * A member's personal online-ordering link (issue 16), in the member's
 * dialog when the relay takes online orders: asking for it creates the
 * member's access on the relay's CouchDB, so it needs the connection.
 */
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { call } from '../client';
import { PageError } from '../forms/PageError';
import { useI18n } from '../i18n/i18n-context';

export function MemberShopLink({ memberId }: { memberId: string }) {
  const { t } = useI18n();
  const [configured, setConfigured] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call('shop.settings', {}).then((outcome) => setConfigured(outcome.ok && outcome.value.configured));
  }, []);
  if (!configured) return null;

  async function create() {
    setBusy(true);
    const outcome = await call('shop.memberLink', { memberId });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    setLink(outcome.value.link);
  }

  return (
    <div className="form-wide">
      <PageError error={error} />
      {link === null ? (
        <button type="button" className="button" onClick={() => void create()} disabled={busy}>
          {t('shop.memberLink.create')}
        </button>
      ) : (
        <div className="field">
          <label htmlFor="member-shop-link">{t('shop.memberLink.title')}</label>
          <input id="member-shop-link" readOnly value={link} aria-describedby="member-shop-link-hint" onFocus={(event) => event.target.select()} />
          <p id="member-shop-link-hint" className="field-hint">
            {t('shop.memberLink.help')}
          </p>
        </div>
      )}
    </div>
  );
}

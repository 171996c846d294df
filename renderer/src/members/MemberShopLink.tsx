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
import { longDay } from '../../../shared/i18n/format';

export function MemberShopLink({ memberId }: { memberId: string }) {
  const { t, language } = useI18n();
  const [configured, setConfigured] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [mailed, setMailed] = useState<string | null>(null);

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

  async function mail() {
    setBusy(true);
    const outcome = await call('shop.mailMemberLink', { memberId });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    const { prepared, pickupDate } = outcome.value;
    setMailed(t(prepared ? 'shop.memberLink.mailed' : 'shop.memberLink.alreadyMailed', { date: longDay(language, pickupDate) }));
  }

  return (
    <div className="form-wide">
      <PageError error={error} />
      <div className="shop-link-actions">
        {link === null && (
          <button type="button" className="button" onClick={() => void create()} disabled={busy}>
            {t('shop.memberLink.create')}
          </button>
        )}
        <button type="button" className="button" onClick={() => void mail()} disabled={busy}>
          {t('shop.memberLink.mail')}
        </button>
      </div>
      {mailed && <p role="status">{mailed}</p>}
      {link !== null && (
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

/**
 * The producer's own account on the network's CouchDB (issue 16), made from
 * its dialog on an organiser's copy that holds the server's admin account:
 * shown once asked, to hand to the producer (read out, written down or
 * printed), who types it in Réglages of their own copy. Asking again gives
 * the same password (electron/shop/producer-access.ts), so a lost note is
 * no reset.
 */
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { longDay } from '../../../shared/i18n/format';
import type { ProducerAccess } from '../../../shared/shop/network';
import { call } from '../client';
import { PageError } from '../forms/PageError';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';

export function ProducerAccessPanel({ producerId }: { producerId: string }) {
  const { t, language } = useI18n();
  const [access, setAccess] = useState<ProducerAccess | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [mailed, setMailed] = useState<string | null>(null);
  // Only a copy that holds the server's account can make it, as members' links (MemberShopLink).
  const [configured, setConfigured] = useState(false);

  useEffect(() => {
    void call('shop.settings', {}).then((outcome) => setConfigured(outcome.ok && outcome.value.configured));
  }, []);
  if (!configured) return null;

  async function grant() {
    setBusy(true);
    const outcome = await call('network.grantProducer', { producerId });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    setAccess(outcome.value);
  }

  /** Staged in the outbox, its password filled in only as it leaves (electron/shop/link-filler.ts); without an address it is refused with a message. */
  async function mail() {
    setBusy(true);
    const outcome = await call('network.mailProducerAccess', { producerId });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    const { prepared, pickupDate } = outcome.value;
    setMailed(t(prepared ? 'network.access.mailed' : 'network.access.alreadyMailed', { date: longDay(language, pickupDate) }));
  }

  return (
    <section className="producer-access" aria-labelledby="producer-access">
      <h3 id="producer-access">{t('network.access.title')}</h3>
      <p className="field-hint">{t('network.access.help')}</p>
      <PageError error={error} />
      <p>
        <a href={areaHref('print', 'producerAccess', producerId)}>{t('network.access.print')}</a>
      </p>
      <p>
        <button type="button" className="button" onClick={() => void mail()} disabled={busy}>
          {t('network.access.mail')}
        </button>
      </p>
      {mailed && <p role="status">{mailed}</p>}
      {access ? (
        <dl className="facts" data-testid="producer-access">
          <dt>{t('shop.settings.url')}</dt>
          <dd><code className="path">{access.url}</code></dd>
          <dt>{t('network.access.username')}</dt>
          <dd><code className="path">{access.username}</code></dd>
          <dt>{t('network.access.password')}</dt>
          <dd><code className="path">{access.password}</code></dd>
        </dl>
      ) : (
        <button type="button" className="button" onClick={() => void grant()} disabled={busy}>
          {t('network.access.grant')}
        </button>
      )}
    </section>
  );
}

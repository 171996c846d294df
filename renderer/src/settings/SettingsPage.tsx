import { useState } from 'react';
import type { RelaySettings } from '../../../shared/model/relay';
import { useReadyApp } from '../app/ready-app-context';
import { StatusMessage, type Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { PageHeading } from '../shell/PageHeading';
import { useCopyMode } from '../sync/copy-mode';
import { BackupsSection } from './BackupsSection';
import { DataFolder } from './DataFolder';
import { RelaySettingsForm } from './RelaySettingsForm';
import { NetworkSection } from './NetworkSection';
import { ShopSection } from './ShopSection';
import './settings.css';

export function SettingsPage() {
  const { t } = useI18n();
  const { relay, status, relaySaved, reload } = useReadyApp();
  // A producer's copy takes the relay's settings from the organiser (changing them is refused there); its backups are its own.
  const producerCopy = useCopyMode().mode.role === 'producer';
  const [notice, setNotice] = useState<Notice | null>(null);
  // A restore brings back other settings: a fresh form shows them instead of what was being typed.
  const [formGeneration, setFormGeneration] = useState(0);

  const saved = (next: RelaySettings) => {
    relaySaved(next);
    setNotice({ key: 'settings.saved' });
  };

  const restored = async (next: Notice) => {
    await reload();
    setFormGeneration((current) => current + 1);
    setNotice(next);
  };

  return (
    <>
      <PageHeading>{t('settings.title')}</PageHeading>
      <StatusMessage notice={notice} />
      {producerCopy ? (
        <p className="muted">{t('settings.producerCopy')}</p>
      ) : (
        <div className="panel">
          <RelaySettingsForm key={formGeneration} relay={relay} onSaved={saved} />
        </div>
      )}
      <DataFolder dataDir={status.dataDir} />
      {/* A producer's copy publishes its catalogue and stock to the relays' CouchDB instead of keeping a shop (issue 16). */}
      {producerCopy ? <NetworkSection onNotice={setNotice} /> : <ShopSection onNotice={setNotice} />}
      <BackupsSection onNotice={setNotice} onRestored={restored} />
    </>
  );
}

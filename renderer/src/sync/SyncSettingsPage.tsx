import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { Producer } from '../../../shared/model/producer';
import { useReadyApp } from '../app/ready-app-context';
import { call } from '../client';
import { PageError } from '../forms/PageError';
import { StatusMessage, type Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { PageHeading } from '../shell/PageHeading';
import { useCopyMode } from './copy-mode';
import { CopiesSection } from './CopiesSection';
import { SetAsideSection } from './SetAsideSection';
import { SyncFolders } from './SyncFolders';
import { SyncNow } from './SyncNow';
import { SyncSettingsForm } from './SyncSettingsForm';
import { reportNotice, syncSummary, type SummaryLine } from './sync-summary';
import { useSyncStatus } from './use-sync-status';

/**
 * Sync settings and status: this copy's role and folders, "sync now" with its
 * progress, each folder's last sync, pending changes and problems, and the
 * conflicts waiting for the organiser.
 */
export function SyncSettingsPage() {
  const { t } = useI18n();
  const copy = useCopyMode();
  const { reload: reloadApp } = useReadyApp();
  const [inFlight, setInFlight] = useState(false);
  const { status, error: statusError, reload } = useSyncStatus(inFlight);
  const [producers, setProducers] = useState<Producer[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [syncError, setSyncError] = useState<AppError | null>(null);
  const [summary, setSummary] = useState<SummaryLine[]>([]);
  // A relay with only the online shop syncs from here too (issue 16).
  const [shopConfigured, setShopConfigured] = useState(false);

  const loadProducers = useCallback(async () => {
    const outcome = await call('producers.list', { archived: 'active' });
    if (outcome.ok) setProducers(outcome.value);
  }, []);

  useEffect(() => {
    let live = true;
    void call('producers.list', { archived: 'active' }).then((outcome) => {
      if (live && outcome.ok) setProducers(outcome.value);
    });
    void call('shop.settings', {}).then((outcome) => {
      if (live && outcome.ok) setShopConfigured(outcome.value.configured);
    });
    return () => {
      live = false;
    };
  }, []);

  async function saved() {
    setNotice({ key: 'sync.saved' });
    await Promise.all([reload(), copy.refresh()]);
  }

  async function syncNow() {
    setInFlight(true);
    setNotice(null);
    setSyncError(null);
    setSummary([]);
    const outcome = await call('sync.now', {});
    // What the sync brought (a first producer list, the relay's name and language) shows at once.
    await Promise.all([reload(), loadProducers(), copy.refresh(), reloadApp()]);
    setInFlight(false);
    if (!outcome.ok) return setSyncError(outcome.error);
    setNotice(reportNotice(outcome.value));
    setSummary(syncSummary(outcome.value));
  }

  return (
    <>
      <PageHeading>{t('sync.title')}</PageHeading>
      <p className="muted">{t('sync.intro')}</p>
      <StatusMessage notice={notice} />
      <PageError error={statusError} />
      {status && (
        <>
          <section className="panel" aria-labelledby="sync-settings">
            <h2 id="sync-settings">{t('sync.settings')}</h2>
            <SyncSettingsForm settings={status.settings} producers={producers} onSaved={() => void saved()} />
            <dl className="facts sync-device">
              <dt>{t('sync.device')}</dt>
              <dd>
                <code className="path">{status.deviceId}</code>
              </dd>
            </dl>
          </section>
          <SyncNow status={status} inFlight={inFlight} error={syncError} summary={summary} shopConfigured={shopConfigured} onSync={() => void syncNow()} />
          <SyncFolders folders={status.folders} />
          <CopiesSection
            copies={status.copies}
            producers={producers}
            onChanged={(change) => {
              setNotice({ key: change === 'approved' ? 'sync.copies.approvedNotice' : 'sync.copies.removedNotice' });
              void reload();
            }}
          />
          <SetAsideSection
            setAside={status.setAside}
            onDiscarded={() => {
              setNotice({ key: 'sync.setAside.discarded' });
              void reload();
            }}
          />
        </>
      )}
    </>
  );
}

import { useEffect, useState } from 'react';
import type { Producer } from '../../../shared/model/producer';
import { call } from '../client';
import { StatusMessage, type Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';
import { PageHeading } from '../shell/PageHeading';
import { presetProducer, useCopyMode } from '../sync/copy-mode';
import { NetworkStockSection } from './NetworkStockSection';
import { StockEditor } from './StockEditor';
import './stock.css';

/**
 * Producers' stock, made for producers at the organiser's machine: pick a
 * producer (kept in the address, `#/stock/<producerId>`, so a reload or a
 * bookmark lands on the same grid), then type the stock of the coming weeks.
 */
export function StockPage({ path }: { path: string[] }) {
  const { t } = useI18n();
  const { mode } = useCopyMode();
  // A producer's copy opens on its own producer and offers no other.
  const preset = presetProducer(mode);
  const producerId = preset ?? path[0] ?? '';
  const [allProducers, setProducers] = useState<Producer[] | null>(null);
  const producers = preset === null ? allProducers : (allProducers?.filter((producer) => producer.id === preset) ?? null);
  const producerCopyWithoutProducer = mode.role === 'producer' && preset === null;
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    let live = true;
    void call('producers.list', { archived: 'active' }).then((outcome) => {
      if (live) setProducers(outcome.ok ? outcome.value : []);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      <div className="page-head">
        <PageHeading>{t('stock.title')}</PageHeading>
      </div>
      <p className="muted">{t('stock.intro')}</p>
      <StatusMessage notice={notice} />
      <div className="toolbar">
        <div className="field stock-producer-field">
          <label htmlFor="stock-producer">{t('stock.producer')}</label>
          <select
            id="stock-producer"
            value={producerId}
            // The address is the state: the unsaved-changes guard can hold this move like any other.
            onChange={(event) => {
              setNotice(null);
              window.location.hash = event.target.value ? areaHref('stock', event.target.value) : areaHref('stock');
            }}
          >
            <option value="">{t('stock.chooseProducer')}</option>
            {producers?.map((producer) => (
              <option key={producer.id} value={producer.id}>
                {producer.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {producerCopyWithoutProducer ? (
        <p className="empty-state">{t('sync.chooseProducerFirst')}</p>
      ) : producerId ? (
        <StockEditor key={producerId} producerId={producerId} onNotice={setNotice} />
      ) : (
        producers?.length === 0 && <p className="empty-state">{t('stock.noProducers')}</p>
      )}
      {/* A producer's copy also declares stock to the other relays of its network (issue 16). */}
      {mode.role === 'producer' && preset !== null && <NetworkStockSection onNotice={setNotice} />}
    </>
  );
}

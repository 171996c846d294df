import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { Producer } from '../../../shared/model/producer';
import type { ProducerAccess } from '../../../shared/shop/network';
import { useReadyApp } from '../app/ready-app-context';
import { call } from '../client';
import { useI18n } from '../i18n/i18n-context';
import { PrintFrame } from './PrintFrame';

/**
 * `#/print/producerAccess/<producerId>`: the producer's own account on the network's CouchDB
 * (issue 16, electron/shop/producer-access.ts) on a sheet to hand over, with where to type it.
 * Asking for it again gives the same password: printing is no reset.
 */
export function ProducerAccessPrint({ producerId }: { producerId: string }) {
  const { t } = useI18n();
  const { relay } = useReadyApp();
  const [producer, setProducer] = useState<Producer | null>(null);
  const [access, setAccess] = useState<ProducerAccess | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([call('producers.get', { id: producerId }), call('network.grantProducer', { producerId })]).then(([found, granted]) => {
      if (!live) return;
      if (!found.ok) return setError(found.error);
      if (!granted.ok) return setError(granted.error);
      setProducer(found.value);
      setAccess(granted.value);
    });
    return () => {
      live = false;
    };
  }, [producerId]);

  const title = producer ? t('network.access.sheetTitle', { producer: producer.name }) : t('network.access.title');
  return (
    <PrintFrame title={title} job={{ view: 'producerAccess', id: producerId }} loaded={access !== null} error={error}>
      {access && (
        <>
          <header className="print-sheet-head">
            <h2 className="print-sheet-title">{title}</h2>
            <p className="print-relay">{relay.name}</p>
          </header>
          <table className="print-table">
            <tbody>
              <tr>
                <th scope="row">{t('shop.settings.url')}</th>
                <td>{access.url}</td>
              </tr>
              <tr>
                <th scope="row">{t('network.settings.username')}</th>
                <td>{access.username}</td>
              </tr>
              <tr>
                <th scope="row">{t('network.settings.password')}</th>
                <td>{access.password}</td>
              </tr>
            </tbody>
          </table>
          <p>{t('network.access.sheetHelp')}</p>
        </>
      )}
    </PrintFrame>
  );
}

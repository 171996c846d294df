/**
 * The settlement (bilan) of one distribution: the table the organiser checks
 * on screen, and — printed — one sheet per producer to hand over with the
 * payment. Every amount comes from the server, computed from order lines.
 */
import { useEffect, useState } from 'react';
import type { DistributionView } from '../../../shared/catalogue/views';
import type { AppError } from '../../../shared/contract/errors';
import { formatMoney, formatPercent, longDay } from '../../../shared/i18n/format';
import type { ProducerSettlementRow } from '../../../shared/settlement/distribution';
import type { FeeRates } from '../../../shared/settlement/fees';
import type { SettlementView } from '../../../shared/settlement/rates';
import { useReadyApp } from '../app/ready-app-context';
import { call } from '../client';
import { PageError } from '../forms/PageError';
import { useI18n } from '../i18n/i18n-context';
import { downloadText } from '../import/file-bytes';
import { areaHref } from '../shell/areas';
import { PageHeading } from '../shell/PageHeading';
import { RatesInForce } from './RatesInForce';
import { SettlementCollected } from './SettlementCollected';
import './settlement.css';

const vatOf = (row: { vat: { vatCents: number }[] }) => row.vat.reduce((sum, share) => sum + share.vatCents, 0);

export function SettlementPage({ distributionId }: { distributionId: string }) {
  const { t, language } = useI18n();
  const { relay } = useReadyApp();
  const [distribution, setDistribution] = useState<DistributionView | null>(null);
  const [settlement, setSettlement] = useState<SettlementView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  // In the currency the distribution closed in (frozen with its rates), not today's setting.
  const money = (cents: number) => formatMoney(language, cents, settlement?.rates.currency ?? relay.currency);

  useEffect(() => {
    let live = true;
    void Promise.all([call('distributions.get', { id: distributionId }), call('settlement.forDistribution', { distributionId })]).then(
      ([loadedDistribution, loadedSettlement]) => {
        if (!live) return;
        if (loadedDistribution.ok) setDistribution(loadedDistribution.value);
        if (loadedSettlement.ok) setSettlement(loadedSettlement.value);
        const failed = [loadedDistribution, loadedSettlement].find((outcome) => !outcome.ok);
        if (failed && !failed.ok) setError(failed.error);
      },
    );
    return () => {
      live = false;
    };
  }, [distributionId]);

  async function exportCsv() {
    const outcome = await call('settlement.exportCsv', { distributionId });
    if (outcome.ok) downloadText(outcome.value.fileName, outcome.value.content);
    else setError(outcome.error);
  }

  const day = distribution ? longDay(language, distribution.pickupDate) : '';
  return (
    <div className="settlement">
      <p className="back-link screen-only">
        <a href={areaHref('distributions', distributionId)}>{t('settlement.back')}</a>
      </p>
      <PageHeading>{t('settlement.title', { day })}</PageHeading>
      <PageError error={error} />
      {settlement && (
        <>
          <RatesInForce
            distributionId={distributionId}
            settlement={settlement}
            onChanged={(next) => {
              setError(null);
              setSettlement(next);
            }}
            onError={setError}
          />
          <div className="toolbar screen-only">
            <button type="button" className="button" onClick={() => void exportCsv()}>
              {t('settlement.exportCsv')}
            </button>
            <button type="button" className="button" onClick={() => window.print()} disabled={settlement.producers.length === 0}>
              {t('settlement.print')}
            </button>
          </div>
          {settlement.producers.length === 0 ? (
            <p>{t('settlement.empty')}</p>
          ) : (
            <>
              <table className="settlement-summary screen-only">
                <caption className="visually-hidden">{t('settlement.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('settlement.producer')}</th>
                    <th scope="col">{t('settlement.gross')}</th>
                    <th scope="col">{t('settlement.vat')}</th>
                    <th scope="col">{t('settlement.commission')}</th>
                    <th scope="col">{t('settlement.serviceFee')}</th>
                    <th scope="col">{t('settlement.owed')}</th>
                    <th scope="col">{t('settlement.refunded')}</th>
                  </tr>
                </thead>
                <tbody>
                  {settlement.producers.map((row) => (
                    <tr key={row.producerId}>
                      <th scope="row">{row.producerName}</th>
                      <td>{money(row.grossCents)}</td>
                      <td>{money(vatOf(row))}</td>
                      <td>{money(row.hostCommissionCents)}</td>
                      <td>{money(row.serviceFeeCents)}</td>
                      <td>{money(row.owedCents)}</td>
                      <td>{money(row.missingCents)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('settlement.total')}</th>
                    <td>{money(settlement.totals.grossCents)}</td>
                    <td>{money(vatOf(settlement.totals))}</td>
                    <td>{money(settlement.totals.hostCommissionCents)}</td>
                    <td>{money(settlement.totals.serviceFeeCents)}</td>
                    <td>{money(settlement.totals.owedCents)}</td>
                    <td>{money(settlement.totals.missingCents)}</td>
                  </tr>
                </tfoot>
              </table>
              <p className="settlement-statements screen-only">
                {t('settlement.statements')}{' '}
                {settlement.producers.map((row, index) => (
                  <span key={row.producerId}>
                    {index > 0 && ' · '}
                    <a href={areaHref('print', 'producerStatement', row.producerId, 'distribution', distributionId)}>{row.producerName}</a>
                  </span>
                ))}
              </p>
              <SettlementCollected distributionId={distributionId} owedCents={settlement.totals.owedCents} money={money} />
              {settlement.producers.map((row) => (
                <ProducerSheet key={row.producerId} row={row} rates={settlement.rates} relayName={relay.name} day={day} money={money} />
              ))}
            </>
          )}
        </>
      )}
    </div>
  );
}

/** One producer's sheet: on screen a details block, in print a page of its own. */
interface ProducerSheetProps {
  row: ProducerSettlementRow;
  /** Printed beside the amounts: the producer sees which rates were applied. */
  rates: FeeRates;
  relayName: string;
  day: string;
  money: (cents: number) => string;
}

function ProducerSheet({ row, rates, relayName, day, money }: ProducerSheetProps) {
  const { t, language } = useI18n();
  return (
    <section className="producer-sheet" aria-labelledby={`sheet-${row.producerId}`}>
      <p className="print-only sheet-relay">
        {relayName} — {day}
      </p>
      <h2 id={`sheet-${row.producerId}`}>{t('settlement.sheetTitle', { producer: row.producerName })}</h2>
      <table>
        <caption className="visually-hidden">{t('settlement.details')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('settlement.product')}</th>
            <th scope="col">{t('settlement.quantity')}</th>
            <th scope="col">{t('settlement.gross')}</th>
          </tr>
        </thead>
        <tbody>
          {row.products.map((product) => (
            <tr key={product.productId}>
              <th scope="row">{product.productName}</th>
              <td>{product.quantity}</td>
              <td>{money(product.grossCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="sheet-totals">
        <dt>{t('settlement.gross')}</dt>
        <dd>{money(row.grossCents)}</dd>
        {row.vat.map((share) => (
          <div key={share.vatRateBp} className="sheet-vat">
            <dt>{t('settlement.vatRate', { rate: formatPercent(language, share.vatRateBp) })}</dt>
            <dd>{money(share.vatCents)}</dd>
          </div>
        ))}
        <dt>{t('settlement.commissionAt', { rate: formatPercent(language, rates.hostCommissionBp) })}</dt>
        <dd>− {money(row.hostCommissionCents)}</dd>
        <dt>{t('settlement.serviceFeeAt', { rate: formatPercent(language, rates.serviceFeeBp) })}</dt>
        <dd>− {money(row.serviceFeeCents)}</dd>
        <dt className="sheet-owed">{t('settlement.owed')}</dt>
        <dd className="sheet-owed">{money(row.owedCents)}</dd>
        {row.missingCents > 0 && (
          <>
            <dt>{t('settlement.refunded')}</dt>
            <dd>{money(row.missingCents)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

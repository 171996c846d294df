import { formatMoney, formatPercent } from '../../../shared/i18n/format';
import type { RelaySettings } from '../../../shared/model/relay';
import { UNKNOWN_PRODUCER } from '../../../shared/sheets/source';
import type { DistributionSummary } from '../../../shared/sheets/summary';
import { useI18n } from '../i18n/i18n-context';
import { RunningHead, SheetHead, useSheetWords } from './SheetHead';
import type { SheetData } from './use-sheet-data';

interface SummarySheetProps {
  relay: RelaySettings;
  distribution: SheetData['distribution'];
  summary: DistributionSummary;
}

/** The distribution at a glance, for the organiser's clipboard: orders, amounts, who comes, how full the slots are. */
export function SummarySheet({ relay, distribution, summary }: SummarySheetProps) {
  const { t, language } = useI18n();
  const words = useSheetWords(relay, distribution);
  const money = (cents: number) => formatMoney(language, cents, relay.currency);
  const runningHead = words.runningHead(t('sheets.summary'));
  const units = summary.producers.reduce((sum, producer) => sum + producer.quantity, 0);

  return (
    <>
      <SheetHead title={t('sheets.summary.title')} relay={relay} pickupTime={words.pickupTime}>
        <dl className="sheet-figures">
          <div>
            <dt>{t('sheets.summary.orders')}</dt>
            <dd>{summary.orderCount}</dd>
          </div>
          <div>
            <dt>{t('sheets.summary.total')}</dt>
            <dd>{money(summary.totalCents)}</dd>
          </div>
        </dl>
      </SheetHead>

      {summary.producers.length === 0 ? (
        <p className="print-empty">{t('sheets.summary.noProducers')}</p>
      ) : (
        <table className="print-table sheet-summary-producers">
          <caption className="sheet-table-title">{t('sheets.summary.producers')}</caption>
          <thead>
            <RunningHead text={runningHead} columns={4} />
            <tr>
              <th scope="col">{t('sheets.summary.column.producer')}</th>
              <th scope="col" className="numeric">
                {t('sheets.summary.column.orders')}
              </th>
              <th scope="col" className="numeric">
                {t('sheets.summary.column.units')}
              </th>
              <th scope="col" className="numeric">
                {t('sheets.summary.column.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.producers.map((producer) => (
              <tr key={producer.producerId}>
                <th scope="row">{producer.producerId === UNKNOWN_PRODUCER.id ? t('sheets.unknownProducer') : producer.producerName}</th>
                <td className="numeric">{producer.orderCount}</td>
                <td className="numeric">{producer.quantity}</td>
                <td className="numeric">{money(producer.totalCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('sheets.summary.grandTotal')}</th>
              <td className="numeric">{summary.orderCount}</td>
              <td className="numeric">{units}</td>
              <td className="numeric">{money(summary.totalCents)}</td>
            </tr>
          </tfoot>
        </table>
      )}
      {summary.producersWithoutOrders.length > 0 && (
        <p className="sheet-note">{t('sheets.summary.withoutOrders', { names: summary.producersWithoutOrders.map((producer) => producer.name).join(', ') })}</p>
      )}

      {summary.slots.length === 0 ? (
        <p className="sheet-note">{t('sheets.summary.noSlots')}</p>
      ) : (
        <table className="print-table sheet-summary-slots">
          <caption className="sheet-table-title">{t('sheets.summary.slots')}</caption>
          <thead>
            <RunningHead text={runningHead} columns={4} />
            <tr>
              <th scope="col">{t('sheets.summary.column.slot')}</th>
              <th scope="col" className="numeric">
                {t('sheets.summary.column.orders')}
              </th>
              <th scope="col" className="numeric">
                {t('sheets.summary.column.capacity')}
              </th>
              <th scope="col" className="numeric">
                {t('sheets.summary.column.filling')}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.slots.map(({ slot, orderCount }) => (
              <tr key={slot.id}>
                <th scope="row">
                  {slot.start}–{slot.end}
                </th>
                <td className="numeric">{orderCount}</td>
                <td className="numeric">{slot.capacity}</td>
                <td className="numeric">{formatPercent(language, Math.round((orderCount / slot.capacity) * 10_000))} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary.unslotted > 0 && summary.slots.length > 0 && <p className="sheet-note">{t('sheets.summary.unslotted', { count: summary.unslotted })}</p>}
    </>
  );
}

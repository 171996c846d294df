import { Fragment } from 'react';
import type { RelaySettings } from '../../../shared/model/relay';
import type { DeliveryProduct, ProducerDelivery } from '../../../shared/sheets/delivery-sheet';
import { UNKNOWN_PRODUCER } from '../../../shared/sheets/source';
import { UNIT_LABELS } from '../catalogue/product-labels';
import { useI18n } from '../i18n/i18n-context';
import { sheetWeightText } from './weight-text';
import { shortDay } from '../../../shared/i18n/format';
import { fitted } from './fitted';
import { RunningHead, SheetHead, useSheetWords } from './SheetHead';
import type { SheetData } from './use-sheet-data';

interface DeliverySheetProps {
  relay: RelaySettings;
  distribution: SheetData['distribution'];
  sheets: readonly ProducerDelivery[];
}

/** Three baskets to a row: a product in 200 baskets fits on two pages, not seven. */
const BASKETS_PER_ROW = 3;
const COLUMNS_PER_BASKET = 3;
const SLOTS_IN_ROW = Array.from({ length: BASKETS_PER_ROW }, (_, index) => index);
/** A basket's fixed columns in mm; its name gets the rest of the 186 mm between the margins, so its size is chosen for that width. */
const BASKET_MM = 9;
const QUANTITY_MM = 11;
const NAME_MM = 186 / BASKETS_PER_ROW - BASKET_MM - QUANTITY_MM;
/** From the table's 9.5 pt down: a long name smaller on one line, rather than on two or three; one longer still on two lines, readable. */
const NAME_SIZES_PT = [9.5, 9, 8.5, 8, 7.5, 7];
const NAME_WRAP_PT = 8;
/**
 * A product's share-out up to this many rows is kept on one page; a longer one
 * could not be, and would only leave a page empty before it.
 */
const KEEP_WHOLE_ROWS = 36;

function inRows<T>(items: readonly T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let start = 0; start < items.length; start += size) rows.push(items.slice(start, start + size));
  return rows;
}

/**
 * The producers' delivery sheets (bons de livraison), each producer from a new
 * page: what to bring, product by product, then how it is shared out between
 * the baskets, in basket-number order, three to a row. Each product's share-out
 * is a table of its own whose head (the product, with the relay, the day and the
 * producer) repeats on every page it runs onto, so its heading is never parted
 * from its rows; one that fits on a page is not broken at all (print.css).
 */
export function DeliverySheet({ relay, distribution, sheets }: DeliverySheetProps) {
  const { t, language } = useI18n();
  const words = useSheetWords(relay, distribution);
  const unit = (product: DeliveryProduct) => (product.unit ? t(UNIT_LABELS[product.unit]) : '');

  if (sheets.length === 0) {
    return (
      <>
        <SheetHead title={t('sheets.delivery')} relay={relay} pickupTime={words.pickupTime} />
        <p className="print-empty">{t('sheets.noOrders')}</p>
      </>
    );
  }

  return (
    <>
      {sheets.map((sheet) => {
        const producer = sheet.producerId === UNKNOWN_PRODUCER.id ? t('sheets.unknownProducer') : sheet.producerName;
        const runningHead = words.runningHead(t('sheets.delivery.sheet', { producer }));
        const context = t('sheets.delivery.context', { relay: relay.name, day: shortDay(language, distribution.pickupDate), producer });
        return (
          <section key={sheet.producerId} className="sheet-producer" aria-label={t('sheets.delivery.title', { producer })}>
            <SheetHead title={t('sheets.delivery.title', { producer })} relay={relay} pickupTime={words.pickupTime} />
            <table className="print-table sheet-to-bring">
              <caption className="sheet-table-title">{t('sheets.delivery.toBring')}</caption>
              <thead>
                <RunningHead text={runningHead} columns={4} />
                <tr>
                  <th scope="col" className="print-column-product">
                    {t('sheets.column.product')}
                  </th>
                  <th scope="col">{t('sheets.column.pack')}</th>
                  <th scope="col">{t('sheets.column.unit')}</th>
                  <th scope="col" className="numeric">
                    {t('sheets.column.quantity')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {sheet.products.map((product) => (
                  <tr key={product.productId}>
                    <th scope="row">
                      {product.productName}
                      {product.weight && <span className="sheet-weight"> ({sheetWeightText(t, language, product.weight)})</span>}
                    </th>
                    <td>{product.packDescription}</td>
                    <td>{unit(product)}</td>
                    <td className="numeric sheet-quantity">{product.quantity}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3 className="sheet-table-title sheet-bagging-title">{t('sheets.delivery.bagging')}</h3>
            {sheet.products.map((product) => {
              const rows = inRows(product.baskets, BASKETS_PER_ROW);
              return (
                <table key={product.productId} className={`print-table sheet-bagging${rows.length <= KEEP_WHOLE_ROWS ? ' sheet-keep' : ''}`}>
                  <colgroup>
                    {SLOTS_IN_ROW.map((index) => (
                      <Fragment key={index}>
                        <col style={{ width: `${BASKET_MM}mm` }} />
                        <col />
                        <col style={{ width: `${QUANTITY_MM}mm` }} />
                      </Fragment>
                    ))}
                  </colgroup>
                  <thead>
                    <tr className="print-section-heading">
                      <th scope="colgroup" colSpan={COLUMNS_PER_BASKET * BASKETS_PER_ROW}>
                        <span className="sheet-bagging-context">{context}</span>
                        {t('sheets.delivery.productTotal', {
                          product: [product.productName, product.packDescription || unit(product), product.weight && sheetWeightText(t, language, product.weight)]
                            .filter(Boolean)
                            .join(' · '),
                          quantity: product.quantity,
                        })}
                      </th>
                    </tr>
                    <tr>
                      {SLOTS_IN_ROW.map((index) => (
                        <Fragment key={index}>
                          <th scope="col">{t('sheets.column.basket')}</th>
                          <th scope="col">{t('sheets.column.member')}</th>
                          <th scope="col" className="numeric">
                            {t('sheets.column.quantityShort')}
                          </th>
                        </Fragment>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <tr key={row[0]!.orderId}>
                        {row.map((basket) => (
                          <Fragment key={basket.orderId}>
                            <td className="sheet-basket">{basket.basketNumber}</td>
                            <td {...fitted(basket.name, NAME_MM, NAME_SIZES_PT, NAME_WRAP_PT)}>{basket.name}</td>
                            <td className="numeric sheet-quantity">{basket.quantity}</td>
                          </Fragment>
                        ))}
                        {row.length < BASKETS_PER_ROW && <td colSpan={COLUMNS_PER_BASKET * (BASKETS_PER_ROW - row.length)} />}
                      </tr>
                    ))}
                  </tbody>
                </table>
              );
            })}
          </section>
        );
      })}
    </>
  );
}

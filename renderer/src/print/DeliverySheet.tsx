import type { RelaySettings } from '../../../shared/model/relay';
import type { DeliveryProduct, ProducerDelivery } from '../../../shared/sheets/delivery-sheet';
import { UNKNOWN_PRODUCER } from '../../../shared/sheets/source';
import { UNIT_LABELS } from '../catalogue/product-labels';
import { useI18n } from '../i18n/i18n-context';
import { RunningHead, SheetHead, useSheetWords } from './SheetHead';
import type { SheetData } from './use-sheet-data';

interface DeliverySheetProps {
  relay: RelaySettings;
  distribution: SheetData['distribution'];
  sheets: readonly ProducerDelivery[];
}

/**
 * The producers' delivery sheets (bons de livraison), each producer from a new
 * page: what to bring, product by product, then how it is shared out between
 * the baskets. A product's share-out is one tbody that does not break across
 * pages, its heading row with it (print.css); the table heads repeat the
 * relay, the day and the producer on every page.
 */
export function DeliverySheet({ relay, distribution, sheets }: DeliverySheetProps) {
  const { t } = useI18n();
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
                    <th scope="row">{product.productName}</th>
                    <td>{product.packDescription}</td>
                    <td>{unit(product)}</td>
                    <td className="numeric sheet-quantity">{product.quantity}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="print-table sheet-bagging">
              <caption className="sheet-table-title">{t('sheets.delivery.bagging')}</caption>
              <thead>
                <RunningHead text={runningHead} columns={3} />
                <tr>
                  <th scope="col" className="sheet-basket">
                    {t('sheets.column.basketNumber')}
                  </th>
                  <th scope="col">{t('sheets.column.member')}</th>
                  <th scope="col" className="numeric">
                    {t('sheets.column.quantity')}
                  </th>
                </tr>
              </thead>
              {sheet.products.map((product) => (
                <tbody key={product.productId} className="sheet-keep">
                  <tr className="print-section-heading">
                    <th scope="colgroup" colSpan={3}>
                      {t('sheets.delivery.productTotal', {
                        product: [product.productName, product.packDescription || unit(product)].filter(Boolean).join(' · '),
                        quantity: product.quantity,
                      })}
                    </th>
                  </tr>
                  {product.baskets.map((basket) => (
                    <tr key={basket.orderId}>
                      <td className="sheet-basket">{basket.basketNumber}</td>
                      <th scope="row">{basket.name}</th>
                      <td className="numeric sheet-quantity">{basket.quantity}</td>
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </section>
        );
      })}
    </>
  );
}

import { Fragment } from 'react';
import type { PickupProducerItems } from '../../../shared/sheets/pickup-sheet';
import { UNKNOWN_PRODUCER } from '../../../shared/sheets/source';
import { useI18n } from '../i18n/i18n-context';
import { sheetWeightText } from './weight-text';

/**
 * What a member takes home, one line per producer: "Ferme du Bois : 2 × Carottes, 1 × Poireaux".
 * Each item is a box of its own (sheets.css), so a line breaks between items,
 * never inside one ("3 / × Tomates"); the producer's name goes with the first.
 */
export function ItemsByProducer({ producers }: { producers: readonly PickupProducerItems[] }) {
  const { t, language } = useI18n();
  return (
    <ul className="sheet-items">
      {producers.map((producer) => (
        <li key={producer.producerId}>
          {producer.items.map((item, index) => (
            <Fragment key={item.productId}>
              {index > 0 && ' '}
              <span className="sheet-item">
                {index === 0 && (
                  <>
                    <span className="sheet-items-producer">
                      {t('sheets.producerItems', {
                        producer: producer.producerId === UNKNOWN_PRODUCER.id ? t('sheets.unknownProducer') : producer.producerName,
                      })}
                    </span>{' '}
                  </>
                )}
                {t('sheets.item', { quantity: item.quantity, product: item.productName })}
                {item.weight && <span className="sheet-weight"> ({sheetWeightText(t, language, item.weight)})</span>}
                {index < producer.items.length - 1 && ','}
              </span>
            </Fragment>
          ))}
        </li>
      ))}
    </ul>
  );
}

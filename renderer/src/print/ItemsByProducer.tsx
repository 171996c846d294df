import type { PickupProducerItems } from '../../../shared/sheets/pickup-sheet';
import { UNKNOWN_PRODUCER } from '../../../shared/sheets/source';
import { useI18n } from '../i18n/i18n-context';

/** What a member takes home, one line per producer: "Ferme du Bois : 2 × Carottes, 1 × Poireaux". */
export function ItemsByProducer({ producers }: { producers: readonly PickupProducerItems[] }) {
  const { t } = useI18n();
  return (
    <ul className="sheet-items">
      {producers.map((producer) => (
        <li key={producer.producerId}>
          <span className="sheet-items-producer">
            {t('sheets.producerItems', {
              producer: producer.producerId === UNKNOWN_PRODUCER.id ? t('sheets.unknownProducer') : producer.producerName,
            })}
          </span>{' '}
          {producer.items.map((item) => t('sheets.item', { quantity: item.quantity, product: item.productName })).join(', ')}
        </li>
      ))}
    </ul>
  );
}

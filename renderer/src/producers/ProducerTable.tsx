import type { Producer } from '../../../shared/model/producer';
import { formatDay } from '../../../shared/i18n/format';
import { isArchived } from '../../../shared/producers/rules';
import { formatDecimal } from '../i18n/format-number';
import { useI18n } from '../i18n/i18n-context';

interface ProducerTableProps {
  producers: Producer[];
  onEdit: (producer: Producer) => void;
  onArchive: (producer: Producer) => void;
  onRestore: (producer: Producer) => void;
  busyId: string | null;
}

/**
 * One row per producer. Each action button's accessible name carries the
 * producer's name ("Modifier Ferme du Bois"), so a screen-reader user
 * tabbing through the buttons knows which row they are on.
 */
export function ProducerTable({ producers, onEdit, onArchive, onRestore, busyId }: ProducerTableProps) {
  const { t, language } = useI18n();
  const none = <span className="muted">{t('common.none')}</span>;
  return (
    <div className="table-frame">
      <table className="table producer-table">
        <caption className="visually-hidden">{t('producers.list')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('producers.field.name')}</th>
            <th scope="col">{t('producers.field.businessName')}</th>
            <th scope="col">{t('producers.column.contact')}</th>
            <th scope="col" className="numeric">
              {t('producers.column.distance')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {producers.map((producer) => {
            const archived = isArchived(producer);
            const contact = [producer.contactName, producer.phone, producer.email].filter(Boolean);
            return (
              <tr key={producer.id} className={archived ? 'row-archived' : undefined}>
                <th scope="row">
                  <span className="producer-name">{producer.name}</span>
                  {archived && (
                    <span className="archived-note">{t('producers.archivedOn', { date: formatDay(language, producer.archivedAt!) })}</span>
                  )}
                </th>
                <td>{producer.businessName || none}</td>
                <td>
                  {contact.length === 0
                    ? none
                    : contact.map((line, index) => (
                        <span key={index} className="contact-line">
                          {line}
                        </span>
                      ))}
                </td>
                <td className="numeric">
                  {producer.distanceKm === null ? none : t('producers.km', { km: formatDecimal(language, producer.distanceKm) })}
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t('producers.editLabel', { name: producer.name })}
                    onClick={() => onEdit(producer)}
                  >
                    {t('common.edit')}
                  </button>
                  {archived ? (
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={t('producers.restoreLabel', { name: producer.name })}
                      disabled={busyId === producer.id}
                      onClick={() => onRestore(producer)}
                    >
                      {t('common.restore')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={t('producers.archiveLabel', { name: producer.name })}
                      onClick={() => onArchive(producer)}
                    >
                      {t('common.archive')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

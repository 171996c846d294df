import type { Producer } from '../../../shared/model/producer';
import { formatDay } from '../../../shared/i18n/format';
import { isArchived } from '../../../shared/producers/rules';
import { RowActions } from '../forms/RowActions';
import { formatDecimal } from '../i18n/format-number';
import { useI18n } from '../i18n/i18n-context';

const ROW_LABELS = { edit: 'producers.editLabel', archive: 'producers.archiveLabel', restore: 'producers.restoreLabel' } as const;

interface ProducerTableProps {
  producers: Producer[];
  onEdit: (producer: Producer) => void;
  onArchive: (producer: Producer) => void;
  onRestore: (producer: Producer) => void;
  busyId: string | null;
}

/** One row per producer: the farm, who to call there, and how far away it is. */
export function ProducerTable({ producers, onEdit, onArchive, onRestore, busyId }: ProducerTableProps) {
  const { t, language, timeZone } = useI18n();
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
                    <span className="archived-note">{t('producers.archivedOn', { date: formatDay(language, producer.archivedAt!, timeZone) })}</span>
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
                <RowActions
                  name={producer.name}
                  archived={archived}
                  busy={busyId === producer.id}
                  labels={ROW_LABELS}
                  onEdit={() => onEdit(producer)}
                  onArchive={() => onArchive(producer)}
                  onRestore={() => onRestore(producer)}
                />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

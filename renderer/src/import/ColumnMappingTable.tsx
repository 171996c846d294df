import { useId } from 'react';
import type { ColumnMapping } from '../../../shared/csv/columns';
import { useI18n } from '../i18n/i18n-context';
import type { Choice } from './remembered-mapping';

interface ColumnMappingTableProps {
  mappings: readonly ColumnMapping<string>[];
  /** Every field the importer knows, with the word the organiser's file would use for it, already translated. */
  fields: readonly { value: string; label: string }[];
  busy: boolean;
  onRemap: (position: number, choice: Choice) => void;
}

/**
 * The mapping step: every column of the file with its title, a few of its
 * values and the field it fills, changeable or ignorable. Folded away when
 * every column found its field; open when one did not, or a field is missing.
 */
export function ColumnMappingTable({ mappings, fields, busy, onRemap }: ColumnMappingTableProps) {
  const { t } = useI18n();
  const captionId = useId();
  const matched = mappings.filter((mapping) => mapping.column !== null).length;
  return (
    <details className="import-mapping" open={matched < mappings.length || undefined}>
      <summary>{t('import.mapping.title', { matched, count: mappings.length })}</summary>
      <p id={captionId} className="muted">
        {t('import.mapping.hint')}
      </p>
      <div className="table-frame">
        <table className="table" aria-describedby={captionId}>
          <thead>
            <tr>
              <th scope="col">{t('import.mapping.header')}</th>
              <th scope="col">{t('import.mapping.samples')}</th>
              <th scope="col">{t('import.mapping.field')}</th>
            </tr>
          </thead>
          <tbody>
            {mappings.map((mapping, position) => {
              const header = mapping.header.trim() || t('import.mapping.untitled');
              return (
                <tr key={position}>
                  <th scope="row">{header}</th>
                  <td className="import-samples">{mapping.samples.join(' · ')}</td>
                  <td>
                    <select
                      aria-label={t('import.mapping.fieldFor', { header })}
                      value={mapping.column ?? ''}
                      disabled={busy}
                      onChange={(event) => onRemap(position, event.currentTarget.value === '' ? null : event.currentTarget.value)}
                    >
                      <option value="">{t('import.mapping.ignore')}</option>
                      {fields.map((field) => (
                        <option key={field.value} value={field.value}>
                          {field.label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}

import type { AppError } from '../../../shared/contract/errors';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { ProducerImportColumn, ProducerImportPlan, ProducerImportRow } from '../../../shared/producers/import-plan';
import { call } from '../client';
import type { Notice } from '../forms/StatusMessage';
import { CsvImportButton } from '../import/CsvImportButton';
import { ImportPreview, type PreviewColumn } from '../import/ImportPreview';

const COUNTS: { key: keyof ProducerImportPlan['counts']; label: MessageKey }[] = [
  { key: 'producersCreated', label: 'producers.import.count.producersCreated' },
  { key: 'producersUpdated', label: 'producers.import.count.producersUpdated' },
  { key: 'producersUnchanged', label: 'producers.import.count.producersUnchanged' },
  { key: 'rowsWithIssues', label: 'producers.import.count.rowsWithIssues' },
];

const COLUMNS: PreviewColumn<ProducerImportRow>[] = [
  { header: 'producers.import.column.name', cell: (row) => row.name },
  { header: 'producers.import.column.contact', cell: (row) => row.contactName },
];

/** An issue names the column as the organiser's file would title it. */
const COLUMN_LABELS: Record<ProducerImportColumn, MessageKey> = {
  name: 'producers.import.col.name',
  businessName: 'producers.import.col.businessName',
  contactName: 'producers.import.col.contactName',
  email: 'producers.import.col.email',
  phone: 'producers.import.col.phone',
  address: 'producers.import.col.address',
  distanceKm: 'producers.import.col.distanceKm',
  notes: 'producers.import.col.notes',
};

const actions = (row: ProducerImportRow) => [row.action];

interface ProducersImportProps {
  onNotice: (notice: Notice | null) => void;
  onError: (error: AppError | null) => void;
  onImported: (notice: Notice) => void;
}

/** "Importer un tableur" for the producers the relay already lists: every row previewed with its line, action, problems and warnings. */
export function ProducersImport(props: ProducersImportProps) {
  return (
    <CsvImportButton
      {...props}
      namespace="producers.import"
      preview={(file) => call('producers.previewImport', file)}
      commit={(file) => call('producers.import', file)}
      renderPreview={(shown) => (
        <ImportPreview
          {...shown}
          namespace="producers.import"
          counts={COUNTS.map(({ key, label }) => ({ label, value: shown.plan.counts[key], bad: key === 'rowsWithIssues' }))}
          columns={COLUMNS}
          actions={actions}
          columnLabels={COLUMN_LABELS}
        />
      )}
    />
  );
}

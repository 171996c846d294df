import type { ImportPlan, ImportRowPlan } from '../../../shared/catalogue/import-plan';
import type { AppError } from '../../../shared/contract/errors';
import type { MessageKey } from '../../../shared/i18n/messages';
import { call } from '../client';
import type { Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { CsvImportButton } from '../import/CsvImportButton';
import { ImportPreview, type PreviewColumn } from '../import/ImportPreview';
import { IMPORT_COLUMN_LABELS } from './product-labels';

const COUNTS: { key: keyof ImportPlan['counts']; label: MessageKey }[] = [
  { key: 'producersCreated', label: 'catalogue.import.count.producersCreated' },
  { key: 'producersUpdated', label: 'catalogue.import.count.producersUpdated' },
  { key: 'productsCreated', label: 'catalogue.import.count.productsCreated' },
  { key: 'productsUpdated', label: 'catalogue.import.count.productsUpdated' },
  { key: 'rowsWithIssues', label: 'catalogue.import.count.rowsWithIssues' },
];

/** A row names a product and its producer; what happens to the product is what the row shows. */
const actions = (row: ImportRowPlan) => [row.productAction, row.producerAction];

function ProducerCell({ row }: { row: ImportRowPlan }) {
  const { t } = useI18n();
  return (
    <>
      {row.producerName}
      {(row.producerAction === 'create' || row.producerAction === 'update') && (
        <span className="import-note">{t(`catalogue.import.producerNote.${row.producerAction}`)}</span>
      )}
    </>
  );
}

const COLUMNS: PreviewColumn<ImportRowPlan>[] = [
  { header: 'catalogue.import.column.producer', cell: (row) => <ProducerCell row={row} /> },
  { header: 'catalogue.import.column.product', cell: (row) => row.productName },
];

interface CsvImportProps {
  onNotice: (notice: Notice | null) => void;
  onError: (error: AppError | null) => void;
  onImported: (notice: Notice) => void;
}

/** "Importer un tableur" for producers and products, with the preview of every row. */
export function CsvImport(props: CsvImportProps) {
  return (
    <CsvImportButton
      {...props}
      namespace="catalogue.import"
      preview={(file) => call('catalogue.previewImport', file)}
      commit={(file) => call('catalogue.import', file)}
      renderPreview={(shown) => (
        <ImportPreview
          {...shown}
          namespace="catalogue.import"
          counts={COUNTS.map(({ key, label }) => ({ label, value: shown.plan.counts[key], bad: key === 'rowsWithIssues' }))}
          columns={COLUMNS}
          actions={actions}
          columnLabels={IMPORT_COLUMN_LABELS}
        />
      )}
    />
  );
}

import { useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { call } from '../client';
import type { Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { downloadText } from '../import/file-bytes';

interface CsvExportProps {
  onNotice: (notice: Notice) => void;
  onError: (error: AppError | null) => void;
}

/** "Exporter en CSV": the whole catalogue, written by the main process (formula-safe, with a BOM), saved as a file. */
export function CsvExport({ onNotice, onError }: CsvExportProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);

  async function exportCsv() {
    setBusy(true);
    const outcome = await call('catalogue.exportCsv', {});
    setBusy(false);
    if (!outcome.ok) return onError(outcome.error);
    onError(null);
    downloadText(outcome.value.fileName, outcome.value.content);
    onNotice({ key: 'catalogue.exported', params: { file: outcome.value.fileName } });
  }

  return (
    <button type="button" className="button" onClick={() => void exportCsv()} disabled={busy}>
      {busy ? t('catalogue.exporting') : t('catalogue.export')}
    </button>
  );
}

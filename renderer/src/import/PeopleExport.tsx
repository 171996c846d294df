import { useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { call } from '../client';
import type { Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { downloadBase64 } from '../intake/download';

interface PeopleExportProps {
  operation: 'producers.export' | 'members.export';
  onNotice: (notice: Notice) => void;
  onError: (error: AppError | null) => void;
}

/** "Exporter (CSV)" and "Exporter (.xlsx)": the list with the columns its import reads, so it comes back unchanged. */
export function PeopleExport({ operation, onNotice, onError }: PeopleExportProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);

  async function exportAs(format: 'csv' | 'xlsx') {
    setBusy(true);
    const outcome = await call(operation, { format });
    setBusy(false);
    if (!outcome.ok) return onError(outcome.error);
    onError(null);
    downloadBase64(outcome.value.fileName, outcome.value.contentBase64, outcome.value.mimeType);
    onNotice({ key: 'export.done', params: { file: outcome.value.fileName } });
  }

  return (
    <>
      <button type="button" className="button" onClick={() => void exportAs('csv')} disabled={busy}>
        {t('export.csv')}
      </button>
      <button type="button" className="button" onClick={() => void exportAs('xlsx')} disabled={busy}>
        {t('export.xlsx')}
      </button>
    </>
  );
}

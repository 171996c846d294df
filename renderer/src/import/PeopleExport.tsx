import { useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { call } from '../client';
import type { Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';

interface PeopleExportProps {
  operation: 'producers.export' | 'members.export';
  onNotice: (notice: Notice) => void;
  onError: (error: AppError | null) => void;
}

/** Offers bytes the main process wrote (an .xlsx is binary) as a file download. */
function downloadBase64(fileName: string, contentBase64: string, type: string): void {
  const bytes = Uint8Array.from(atob(contentBase64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL can go once this task is over.
  setTimeout(() => URL.revokeObjectURL(url), 0);
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

import { useId, useRef, useState, type ChangeEvent } from 'react';
import type { ImportPlan } from '../../../shared/catalogue/import-plan';
import type { AppError } from '../../../shared/contract/errors';
import { call } from '../client';
import type { Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { bytesToBase64, MAX_IMPORT_BYTES } from './file-bytes';
import { ImportPreview } from './ImportPreview';

interface Preview {
  fileName: string;
  contentBase64: string;
  plan: ImportPlan;
}

interface CsvImportProps {
  /** Progress and outcomes, for the page's status region. */
  onNotice: (notice: Notice | null) => void;
  onError: (error: AppError | null) => void;
  /** After a write: the list is read again. */
  onImported: (notice: Notice) => void;
}

/**
 * "Importer un fichier CSV": the file is read here, planned by the main
 * process, and shown row by row; nothing is written until the organiser
 * confirms, and the write plans the same bytes again inside one transaction.
 */
export function CsvImport({ onNotice, onError, onImported }: CsvImportProps) {
  const { t } = useI18n();
  const inputId = useId();
  const [reading, setReading] = useState(false);
  // Not `disabled` while reading: a disabled input drops the focus, and the preview must hand it back here.
  const readingRef = useRef(false);
  const [importing, setImporting] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared at once, so choosing the same file again (a re-import) is a change too.
    input.value = '';
    if (!file || readingRef.current) return;
    onError(null);
    if (file.size > MAX_IMPORT_BYTES) {
      onNotice(null);
      onError({ key: 'catalogue.import.tooBig', params: { name: file.name, max: MAX_IMPORT_BYTES / 1_000_000 } });
      return;
    }
    readingRef.current = true;
    setReading(true);
    onNotice({ key: 'catalogue.import.reading' });
    let contentBase64: string;
    try {
      contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    } catch {
      readingRef.current = false;
      setReading(false);
      onNotice(null);
      onError({ key: 'catalogue.import.unreadable', params: { name: file.name } });
      return;
    }
    const outcome = await call('catalogue.previewImport', { contentBase64 });
    readingRef.current = false;
    setReading(false);
    onNotice(null);
    if (!outcome.ok) return onError(outcome.error);
    setPreview({ fileName: file.name, contentBase64, plan: outcome.value });
  }

  async function confirm() {
    if (!preview) return;
    setImporting(true);
    const outcome = await call('catalogue.import', { contentBase64: preview.contentBase64 });
    setImporting(false);
    setPreview(null);
    if (!outcome.ok) return onError(outcome.error);
    onImported({ key: 'catalogue.import.done', params: { ...outcome.value } });
  }

  return (
    <>
      <label htmlFor={inputId} className={reading ? 'button file-button file-button-busy' : 'button file-button'} aria-busy={reading || undefined}>
        {reading && <span className="file-button-spinner" aria-hidden="true" />}
        {t('catalogue.import.choose')}
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          className="file-input"
          onChange={(event) => void choose(event)}
        />
      </label>
      {preview && (
        <ImportPreview
          fileName={preview.fileName}
          plan={preview.plan}
          busy={importing}
          onImport={() => void confirm()}
          onCancel={() => {
            setPreview(null);
            onNotice({ key: 'catalogue.import.cancelled' });
          }}
        />
      )}
    </>
  );
}

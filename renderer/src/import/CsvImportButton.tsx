import { useId, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import type { AppError, MessageParams, Outcome } from '../../../shared/contract/errors';
import type { Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { bytesToBase64, MAX_IMPORT_BYTES } from './file-bytes';
import type { ImportNamespace } from './import-namespace';
import './import.css';

/** What the preview dialog of a chosen file is given. */
export interface ShownPreview<P> {
  fileName: string;
  plan: P;
  busy: boolean;
  onImport: () => void;
  onCancel: () => void;
}

interface CsvImportButtonProps<P> {
  namespace: ImportNamespace;
  /** Plans the file in the main process; writes nothing. */
  preview: (contentBase64: string) => Promise<Outcome<P>>;
  /** Writes the file; the figures it answers fill `${namespace}.done`. */
  commit: (contentBase64: string) => Promise<Outcome<MessageParams>>;
  renderPreview: (shown: ShownPreview<P>) => ReactNode;
  /** Progress and outcomes, for the page's status region. */
  onNotice: (notice: Notice | null) => void;
  onError: (error: AppError | null) => void;
  /** After a write: the list is read again. */
  onImported: (notice: Notice) => void;
}

/** What the chooser offers: CSV and text exports, and the workbooks of Excel and LibreOffice. */
const ACCEPTED = [
  '.csv', '.tsv', '.txt', '.xlsx', '.ods', '.xls', 'text/csv', 'text/tab-separated-values',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.oasis.opendocument.spreadsheet', 'application/vnd.ms-excel',
].join(',');

/**
 * "Importer un tableur": the file (CSV, .xlsx, .ods) is read here as bytes,
 * planned by the main process, and shown row by row; nothing is written until
 * the organiser confirms, and the write plans the same bytes again inside one
 * transaction.
 */
export function CsvImportButton<P>({ namespace, preview, commit, renderPreview, onNotice, onError, onImported }: CsvImportButtonProps<P>) {
  const { t } = useI18n();
  const inputId = useId();
  const [reading, setReading] = useState(false);
  // Not `disabled` while reading: a disabled input drops the focus, and the preview must hand it back here.
  const readingRef = useRef(false);
  const [importing, setImporting] = useState(false);
  const [shown, setShown] = useState<{ fileName: string; contentBase64: string; plan: P } | null>(null);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared at once, so choosing the same file again (a re-import) is a change too.
    input.value = '';
    if (!file || readingRef.current) return;
    onError(null);
    if (file.size > MAX_IMPORT_BYTES) {
      onNotice(null);
      onError({ key: `${namespace}.tooBig`, params: { name: file.name, max: MAX_IMPORT_BYTES / 1_000_000 } });
      return;
    }
    readingRef.current = true;
    setReading(true);
    onNotice({ key: `${namespace}.reading` });
    let contentBase64: string;
    try {
      contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    } catch {
      readingRef.current = false;
      setReading(false);
      onNotice(null);
      onError({ key: `${namespace}.unreadable`, params: { name: file.name } });
      return;
    }
    const outcome = await preview(contentBase64);
    readingRef.current = false;
    setReading(false);
    onNotice(null);
    if (!outcome.ok) return onError(outcome.error);
    setShown({ fileName: file.name, contentBase64, plan: outcome.value });
  }

  async function confirm() {
    if (!shown) return;
    setImporting(true);
    const outcome = await commit(shown.contentBase64);
    setImporting(false);
    setShown(null);
    if (!outcome.ok) return onError(outcome.error);
    onImported({ key: `${namespace}.done`, params: { ...outcome.value } });
  }

  return (
    <>
      <label htmlFor={inputId} className={reading ? 'button file-button file-button-busy' : 'button file-button'} aria-busy={reading || undefined}>
        {reading && <span className="file-button-spinner" aria-hidden="true" />}
        {t(`${namespace}.choose`)}
        <input id={inputId} type="file" accept={ACCEPTED} className="file-input" onChange={(event) => void choose(event)} />
      </label>
      {shown &&
        renderPreview({
          fileName: shown.fileName,
          plan: shown.plan,
          busy: importing,
          onImport: () => void confirm(),
          onCancel: () => {
            setShown(null);
            onNotice({ key: `${namespace}.cancelled` });
          },
        })}
    </>
  );
}

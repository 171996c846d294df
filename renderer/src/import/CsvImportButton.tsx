import { useId, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import type { AppError, MessageParams, Outcome } from '../../../shared/contract/errors';
import type { Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import type { ColumnMapping } from '../../../shared/csv/columns';
import { bytesToBase64, MAX_IMPORT_BYTES } from './file-bytes';
import type { ImportNamespace } from './import-namespace';
import { rememberChoices, rememberedChoices, type Choice } from './remembered-mapping';
import './import.css';

/** What the preview dialog of a chosen file is given. */
export interface ShownPreview<P> {
  fileName: string;
  plan: P;
  busy: boolean;
  onImport: () => void;
  onCancel: () => void;
  /** The mapping step: the column at `position` feeds another field, or none. The file is planned again. */
  onRemap: (position: number, choice: Choice) => void;
}

/** A file sent to be planned or written: its bytes, and the organiser's mapping of its columns when there is one. */
export interface SheetFile {
  contentBase64: string;
  mapping?: Choice[];
}

interface CsvImportButtonProps<P extends { mappings: readonly ColumnMapping<string>[] }> {
  namespace: ImportNamespace;
  /** Plans the file in the main process; writes nothing. */
  preview: (file: SheetFile) => Promise<Outcome<P>>;
  /** Writes the file; the figures it answers fill `${namespace}.done`. */
  commit: (file: SheetFile) => Promise<Outcome<MessageParams>>;
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
export function CsvImportButton<P extends { mappings: readonly ColumnMapping<string>[] }>({
  namespace,
  preview,
  commit,
  renderPreview,
  onNotice,
  onError,
  onImported,
}: CsvImportButtonProps<P>) {
  const { t } = useI18n();
  const inputId = useId();
  const [reading, setReading] = useState(false);
  // Not `disabled` while reading: a disabled input drops the focus, and the preview must hand it back here.
  const readingRef = useRef(false);
  const [importing, setImporting] = useState(false);
  const [shown, setShown] = useState<{ fileName: string; file: SheetFile; plan: P } | null>(null);

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
    let sheet: SheetFile = { contentBase64 };
    let outcome = await preview(sheet);
    // A file of a kind already mapped by hand is read the same way again.
    const remembered = outcome.ok ? rememberedChoices(namespace, outcome.value.mappings) : null;
    if (remembered) {
      sheet = { contentBase64, mapping: remembered };
      outcome = await preview(sheet);
    }
    readingRef.current = false;
    setReading(false);
    onNotice(null);
    if (!outcome.ok) return onError(outcome.error);
    setShown({ fileName: file.name, file: sheet, plan: outcome.value });
  }

  async function remap(position: number, choice: Choice) {
    if (!shown) return;
    const mapping = shown.plan.mappings.map((mapping) => mapping.column as Choice);
    mapping[position] = choice;
    // A field feeds from one column: choosing it here takes it from the column that had it.
    mapping.forEach((other, index) => {
      if (index !== position && choice !== null && other === choice) mapping[index] = null;
    });
    const sheet = { contentBase64: shown.file.contentBase64, mapping };
    setImporting(true);
    const outcome = await preview(sheet);
    setImporting(false);
    if (!outcome.ok) return onError(outcome.error);
    rememberChoices(namespace, shown.plan.mappings.flatMap((each, index) => (mapping[index] !== each.column ? [{ header: each.header, choice: mapping[index]! }] : [])));
    setShown({ ...shown, file: sheet, plan: outcome.value });
  }

  async function confirm() {
    if (!shown) return;
    setImporting(true);
    const outcome = await commit(shown.file);
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
          onRemap: (position, choice) => void remap(position, choice),
          onCancel: () => {
            setShown(null);
            onNotice({ key: `${namespace}.cancelled` });
          },
        })}
    </>
  );
}
